import type { Candidate, Extractor } from '../types';
import { stripType } from './shared/report-fields';
import { MAX_RECIPIENTS } from '../limits';
import { candidateOf, MTA_LIST, uniqueByRecipient } from './shared/candidates';
import { mergeWithDsn } from './shared/dsn-merge';
import { findLine, mtaNoticeLines } from './shared/notice-lines';
import { excludedAddresses, isRecipient } from './shared/recipients';
import { MAX_MESSAGINGSERVER_OPENING_LINES } from '../limits';

// Oracle Communications Messaging Server (formerly Sun Java System / iPlanet
// Messaging Server, PMDF before that), above an RFC 3464 part:
//
//   This report relates to a message you sent with the following header fields:
//
//     Message-id: <…>
//     To: user@example.net
//
//   Your message cannot be delivered to the following recipients:
//
//     Recipient address: user@example.net
//     Reason: Remote SMTP server has rejected address
//     Diagnostic code: smtp;550 5.1.1 <user@example.net>... User unknown
//     Remote system: dns;mx.example.net (TCP|192.0.2.1|40000|192.0.2.25|25) (mx.example.net ESMTP)
//
// A delay reads "Your message has been enqueued and undeliverable for 1 day
// to the following recipients:".

const OPENING = /^This report relates to a message you sent with the following header fields:$/i;
// Guard (src/limits.ts MAX_MESSAGINGSERVER_OPENING_LINES): lines of an Oracle Messaging Server notice searched for its opening line.
// "Your message cannot be delivered to the following recipients:", "… has been enqueued and undeliverable for 1 day"
const START = /^Your message (?:cannot be delivered|has been enqueued and undeliverable|has been delayed)\b/i;
const DELAYED = /enqueued and undeliverable|has been delayed/i;
// "  Recipient address: user@example.net", "  Reason: …", "  Diagnostic code: smtp;550 …", "  Remote system: dns;…"
const FIELD = /^(Recipient address|Original address|Reason|Diagnostic code|Remote system):[ \t]*(.{0,1000})$/i;
// "Delivery attempt history for your mail:" ends the list.
const END = /^Delivery attempt history\b/i;

interface Entry {
  recipient: string;
  reason: string;
  diagnostic: string;
  remote: string | null;
}

function hostOf(value: string): string | null {
  const host = stripType(value).split(/[\s(]/)[0] ?? '';
  return host === '' ? null : host;
}

function readList(lines: readonly string[], at: number, skip: ReadonlySet<string>): Entry[] {
  const out: Entry[] = [];
  let current: Entry | null = null;
  for (let i = at + 1; i < lines.length && out.length <= MAX_RECIPIENTS; i++) {
    const line = (lines[i] ?? '').trim();
    if (END.test(line)) break;
    const m = FIELD.exec(line);
    const name = m?.[1]?.toLowerCase();
    const value = (m?.[2] ?? '').trim();
    if (name === 'recipient address') {
      current = isRecipient(value, skip) ? { recipient: value, reason: '', diagnostic: '', remote: null } : null;
      if (current !== null) out.push(current);
    } else if (current !== null && name === 'reason') current.reason = value;
    else if (current !== null && name === 'diagnostic code') current.diagnostic = stripType(value);
    // "dns;mx.example.net (TCP|…)" → mx.example.net
    else if (current !== null && name === 'remote system') current.remote = hostOf(value);
  }
  return out;
}

export const messagingserver: Extractor = {
  id: 'messagingserver',
  matches: (email) => findLine(mtaNoticeLines(email).slice(0, MAX_MESSAGINGSERVER_OPENING_LINES), OPENING) !== -1,
  extract: (email) => {
    const lines = mtaNoticeLines(email);
    const at = findLine(lines, START);
    if (at === -1) return [];
    const cls = DELAYED.test(lines[at] ?? '') ? '4' : '5';
    const found: Candidate[] = readList(lines, at, excludedAddresses(email)).map((e) =>
      candidateOf('messagingserver', { recipient: e.recipient, diagnostic: e.diagnostic === '' ? e.reason : e.diagnostic, cls, remoteMta: e.remote, action: cls === '4' ? 'delayed' : 'failed' }, MTA_LIST),
    );
    // The RFC 3464 part is the same report; the text fills what it leaves out.
    return uniqueByRecipient(mergeWithDsn(email, found, 'messagingserver', (dsn) => dsn.diagnostic === ''));
  },
};
