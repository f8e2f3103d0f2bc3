import type { Extractor } from '../types';
import { mergeGatewayNotice, type NoticeEntry } from './shared/dsn-merge';
import { noticeLines } from './shared/notice-lines';
import { excludedAddresses, recipientIn } from './shared/recipients';

// Barracuda Spam (& Virus) Firewall: a fixed subject, a short text and an RFC 3464 part.
//
//   Subject: **Message you sent blocked by our bulk email filter**
//
//   Your message to: user@example.com
//   was blocked by our Spam Firewall. The email you sent with the following
//   subject has NOT BEEN DELIVERED:

const SUBJECT = /^\*{0,2}Message you sent blocked by our bulk email filter\*{0,2}$/i;
const FROM = /\bBarracuda\b/i;
// "Your message to: user@example.com" opens an entry; the sentence after it is the reason.
const ENTRY = /^Your message to:[ \t]*(\S{3,254})$/i;

function readNotice(lines: readonly string[], excluded: ReadonlySet<string>): NoticeEntry[] {
  const out: NoticeEntry[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = ENTRY.exec((lines[i] ?? '').trim());
    const recipient = m?.[1] === undefined ? null : recipientIn(m[1], excluded);
    if (recipient === null) continue;
    // "was blocked by our Spam Firewall. The email you sent … NOT BEEN DELIVERED:" (first sentence)
    const rest = (lines[i + 1] ?? '').trim();
    const sentence = /^(.{1,300}?\.)(?:\s|$)/.exec(rest)?.[1] ?? rest;
    out.push({ recipient, diagnostic: `Your message was ${sentence.replace(/^was\s+/i, '')}` });
  }
  return out;
}

export const barracuda: Extractor = {
  id: 'barracuda',
  matches: (email) => SUBJECT.test(email.subject.trim()) || FROM.test(email.from),
  extract: (email) => mergeGatewayNotice(email, readNotice(noticeLines(email), excludedAddresses(email)), 'barracuda'),
};
