import type { Extractor } from '../types';
import { header } from '../email/parse-email';
import { mergeGatewayNotice, type NoticeEntry } from './shared/dsn-merge';
import { noticeLines } from './shared/notice-lines';
import { excludedAddresses, isRecipient } from './shared/recipients';

// McAfee Email Gateway (and the McAfee Email and Web Security appliance) marks
// its notices with "X-NAI-Header: Modified by McAfee …" and sends a text part
// and a delivery-status part that lacks the Status field:
//
//       --- The following addresses had delivery problems ---
//
//   <user@example.com>   (5.1.1 <user@example.com>... User unknown)
//
//   Original-Recipient: <user@example.com>
//   Action: failed
//   Diagnostic-Code: smtp; 550 5.1.1 <user@example.com>... User unknown

const START = /^-{2,} ?The following addresses had delivery problems ?-{2,}$/;
// "<user@example.com>   (reason)"
const ENTRY = /^<([^<>\s@]{1,64}@[^<>\s@]{1,253})>[ \t]{1,40}\((.{1,2000})\)$/;

function readNotice(lines: readonly string[], excluded: ReadonlySet<string>): NoticeEntry[] {
  const out: NoticeEntry[] = [];
  let started = false;
  for (const raw of lines) {
    const line = raw.trim();
    if (!started) {
      started = START.test(line);
      continue;
    }
    const m = ENTRY.exec(line);
    if (m?.[1] !== undefined && isRecipient(m[1], excluded)) out.push({ recipient: m[1], diagnostic: m[2] ?? '' });
  }
  return out;
}

export const mcafee: Extractor = {
  id: 'mcafee',
  matches: (email) =>
    /\bMcAfee\b/i.test(header(email, 'x-nai-header')) &&
    (email.deliveryStatus.length > 0 || email.text.includes('The following addresses had delivery problems')),
  extract: (email) => mergeGatewayNotice(email, readNotice(noticeLines(email), excludedAddresses(email)), 'mcafee'),
};
