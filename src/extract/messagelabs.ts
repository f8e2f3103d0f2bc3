import type { Extractor } from '../types';
import { findAddresses } from '../text/addresses';
import { mergeGatewayNotice, type NoticeEntry } from './shared/dsn-merge';
import { noticeLines } from './shared/notice-lines';
import { excludedAddresses, recipientIn } from './shared/recipients';

// MessageLabs (Symantec Email Security.cloud, now Broadcom) writes its own
// notice above an RFC 3464 part; the notice keeps every line of a multi-line
// reply, which the DSN field often wraps without folding:
//
//   This is the mail delivery agent at Symantec Email Security.cloud.
//
//   I was unable to deliver your message to the following addresses:
//
//   user@example.com
//
//   Reason: 550 user@example.com... No such user
//
//   The message subject was: …

const START = 'I was unable to deliver your message to the following addresses:';
// "Reason: 550-Please turn on SMTP Authentication …" opens the reason paragraph.
const REASON = /^Reason:(.*)$/;
// "The message subject was: …" and the lines after it are about the message, not the error.
const END = /^The message (?:subject|date|identifier|reference) was:/;

function readNotice(lines: readonly string[], excluded: ReadonlySet<string>): NoticeEntry[] {
  const recipients: string[] = [];
  const reason: string[] = [];
  let state: 'before' | 'list' | 'reason' = 'before';
  for (const raw of lines) {
    const line = raw.trim();
    if (state === 'before') {
      if (line === START) state = 'list';
      continue;
    }
    if (END.test(line)) break;
    const m = REASON.exec(line);
    if (m !== null) {
      state = 'reason';
      reason.push((m[1] ?? '').trim());
    } else if (state === 'reason') {
      if (line === '') break;
      reason.push(line);
    } else {
      const found = recipientIn(line, excluded);
      if (found !== null) recipients.push(found);
    }
  }
  // One "Reason:" answers for every address listed above it.
  const diagnostic = reason.join(' ');
  return recipients.map((recipient) => ({ recipient, diagnostic }));
}

export const messagelabs: Extractor = {
  id: 'messagelabs',
  matches: (email) =>
    email.text.includes(START) &&
    (findAddresses(email.from).some((a) => /@(?:[\w-]+\.)*messagelabs\.com$/i.test(a)) ||
      /^This is the mail delivery agent at /m.test(email.text.slice(0, 2000))),
  extract: (email) => mergeGatewayNotice(email, readNotice(noticeLines(email), excludedAddresses(email)), 'messagelabs', true),
};
