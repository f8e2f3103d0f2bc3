import type { Candidate, Extractor } from '../types';
import { MAX_RECIPIENTS } from '../limits';
import { candidateOf, NOTICE, uniqueByRecipient } from './shared/candidates';
import { noticeLines } from './shared/notice-lines';
import { excludedAddresses, isRecipient } from './shared/recipients';
import { fromDomain } from './shared/writer';

// "kijitora@example.jp Invalid Address, ERROR_CODE :550, ERROR_CODE :5.1.1 <kijitora@example.jp>... User Unknown"
// Zoho puts the address, its own summary, then the remote reply split into
// "ERROR_CODE :" fields, all on one line.
const FAILED_LINE = /^([^\s<>]{1,64}@[^\s<>,]{1,253}) ([^,]{0,100}), ERROR_CODE :(\d{3})?, ERROR_CODE :([245]\.\d{1,3}\.\d{1,3})?(.{0,2000})$/;
// "[Status: Error, Address: <kijitora@example.jp>, ResponseCode 421, , Host not reachable.]" (delay notices)
const STATUS_LINE = /^\[Status: \w{1,20}, Address: <([^\s<>]{1,64}@[^\s<>]{1,253})>, ResponseCode (\d{3})?, ([^,]{0,200}), (.{0,2000})\]$/;

/** Zoho Mail (From mailer-daemon@mail.zoho.com, X-Mailer: Zoho Mail). */
export const zoho: Extractor = {
  id: 'zoho',
  matches: (email) =>
    (fromDomain(email, ['zoho.com', 'zohomail.com', 'zoho.eu']) || /^Zoho Mail/i.test(email.headers.get('x-mailer')?.[0] ?? '')) &&
    /ERROR_CODE :|\[Status: \w+, Address: /.test(email.text),
  extract: (email) => {
    const excluded = excludedAddresses(email);
    const delayed = /THIS IS A WARNING MESSAGE ONLY|\(Delay\)/i.test(`${email.subject}\n${email.text.slice(0, 1000)}`);
    const out: Candidate[] = [];
    for (const raw of noticeLines(email)) {
      if (out.length >= MAX_RECIPIENTS) break;
      const line = raw.trim();
      const failed = FAILED_LINE.exec(line);
      if (failed?.[1] !== undefined && isRecipient(failed[1], excluded)) {
        // Put the fields back in the order a server writes them: "550 5.1.1 <…>... User Unknown".
        const reply = [failed[3], failed[4], (failed[5] ?? '').replace(/^[, ]+/, '') || failed[2]].filter((s) => s).join(' ');
        out.push(candidateOf('zoho', { recipient: failed[1], diagnostic: reply, cls: delayed ? '4' : '5' }, NOTICE));
        continue;
      }
      const status = STATUS_LINE.exec(line);
      if (status?.[1] !== undefined && isRecipient(status[1], excluded)) {
        const reply = [status[2], status[3]?.trim(), status[4]].filter((s) => s).join(' ');
        out.push(candidateOf('zoho', { recipient: status[1], diagnostic: reply, cls: delayed ? '4' : '5' }, NOTICE));
      }
    }
    return uniqueByRecipient(out);
  },
};
