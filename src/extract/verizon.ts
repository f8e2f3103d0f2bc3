import type { Extractor } from '../types';
import { yahoo } from './yahoo';
import { noticeLines } from './shared/notice-lines';
import { noticeCandidate, readProvider } from './shared/provider-read';
import { writtenBy } from './shared/writer';
import { MAX_VERIZON_ERROR_LINES } from '../limits';

// Verizon: its mobile gateways (vtext.com for SMS, vzwpix.com for MMS) answer
// a message they cannot pass to a phone with a short notice of "Error:" lines
// and no SMTP code; verizon.net mail sends Yahoo-style notices or RFC 3464
// reports.
//
//   Error: Message could not be delivered to mobile.
//   Error: No valid recipients for this message
const DOMAINS = ['vtext.com', 'vzwpix.com', 'verizon.net', 'verizonwireless.com', 'vzw.com', 'myvzw.com'];
// "Error: Message could not be delivered to mobile."
const ERROR_LINE = /^Error:[ \t]*(\S.{0,500})$/;
const UNDELIVERED = /\b(?:could not|cannot|can't) be delivered\b/i;
// Guard (src/limits.ts MAX_VERIZON_ERROR_LINES): lines of a Verizon notice searched for its "Error:" line (the returned message may follow).

function errorLines(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of lines) {
    const m = ERROR_LINE.exec(raw.trim());
    if (m?.[1] !== undefined) out.push(m[1].trim());
    if (out.length >= MAX_VERIZON_ERROR_LINES) break;
  }
  return out;
}

export const verizon: Extractor = {
  id: 'verizon',
  matches: (email) => writtenBy(email, DOMAINS),
  extract: (email) => {
    const errors = errorLines(noticeLines(email));
    // Only a notice that says the message was not delivered; other "Error:" lines are not a bounce.
    if (errors.some((e) => UNDELIVERED.test(e))) return noticeCandidate(email, 'verizon', errors.join(' '));
    return readProvider(email, 'verizon', [yahoo]);
  },
};
