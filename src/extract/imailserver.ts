import type { Candidate, Extractor } from '../types';
import { header } from '../email/parse-email';
import { findAddresses } from '../text/addresses';
import { MAX_REASON_LINES, MAX_RECIPIENTS } from '../limits';
import { candidateOf, joinReason, MTA_LIST, uniqueByRecipient } from './shared/candidates';
import { mtaNoticeLines } from './shared/notice-lines';

// Ipswitch IMail Server (X-Mailer: <SMTP32 v8.22>), subject "Undeliverable Mail":
//
//   User mailbox exceeds allowed size: kijitora@example.org
//
//   Original message follows.
//
// or, when the remote server answered:
//
//   undeliverable to kijitora@example.org
//
//   Body of message generated response:
//   550 5.7.1 Message rejected
//
// It sends the notice once it has given up: each failure is permanent.

const X_MAILER = /^<SMTP32 v[\d.]{1,20}>$/;
const END = /^Original message follows\.?$/i;
// "User mailbox exceeds allowed size: kijitora@example.org" / "Delivery failed 20 attempts: …"
const REASON_ADDRESS = /^([^:]{1,200}): <?([^\s<>@]{1,300}@[^\s<>]{1,300})>?$/;
// "undeliverable to kijitora@example.org"
const UNDELIVERABLE = /^undeliverable to <?([^\s<>@]{1,300}@[^\s<>]{1,300})>?$/i;
const RESPONSE = /^Body of message generated response:$/i;

export const imailserver: Extractor = {
  id: 'imailserver',
  matches: (email) => X_MAILER.test(header(email, 'x-mailer').trim()),
  extract: (email) => {
    const lines = mtaNoticeLines(email);
    const found: Candidate[] = [];
    let pending: string | null = null;
    let response: string[] | null = null;
    for (const raw of lines) {
      const line = raw.trim();
      if (END.test(line) || found.length >= MAX_RECIPIENTS) break;
      if (response !== null) {
        if (line !== '' && response.length < MAX_REASON_LINES) response.push(line);
        continue;
      }
      const undeliverable = UNDELIVERABLE.exec(line);
      if (undeliverable?.[1] !== undefined) {
        pending = findAddresses(undeliverable[1])[0] ?? null;
        continue;
      }
      if (RESPONSE.test(line)) {
        response = [];
        continue;
      }
      const m = REASON_ADDRESS.exec(line);
      // "To: …" and "CC: …" of the copied header are one word; reasons are sentences.
      if (m?.[2] !== undefined && (m[1] ?? '').includes(' ')) {
        const c = candidateOf('imailserver', { recipient: findAddresses(m[2])[0] ?? null, diagnostic: m[1] ?? '', cls: '5' }, MTA_LIST);
        // "Delivery failed 20 attempts: …" is IMail giving up after its retries: the time ran out.
        found.push(/^Delivery failed \d{1,4} attempts$/i.test(m[1] ?? '') ? { ...c, reason: 'expired' } : c);
      }
    }
    if (pending !== null) {
      found.push(candidateOf('imailserver', { recipient: pending, diagnostic: joinReason(response ?? []), cls: '5' }, MTA_LIST));
    }
    return uniqueByRecipient(found);
  },
};
