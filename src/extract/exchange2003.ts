import type { Candidate, Extractor } from '../types';
import { MAX_RECIPIENTS } from '../limits';
import { candidateOf, NOTICE, uniqueByRecipient } from './shared/candidates';
import { noticeLines } from './shared/notice-lines';
import { excludedAddresses, isRecipient } from './shared/recipients';

// Exchange 5.5–2003 report with two wordings:
//   "did not reach the following recipient(s):"   (the X.400 "Internet Mail Service")
//   "The following recipient(s) could not be reached:"   (the SMTP service)
const START = /^(?:did not reach the following recipient\(s\):|The following recipient\(s\) could not be reached:)$/i;

// "kijitora@example.jp on Thu, 29 Apr 2010 00:00:00 -0000" opens a recipient.
const RECIPIENT_LINE = /^([^\s<>]{1,64}@[^\s<>]{1,253}) on /;

// "The MTS-ID of the original message is: c=jp;a= ;p=example;l=…": X.400
// bookkeeping (wrapped over two lines), never the reason.
const MTS_ID = /^The MTS-ID of the original message is:/i;

// "<mx.example.jp #5.1.1>" — the SMTP service puts the remote host and the status in brackets.
const HOST_STATUS = /<([A-Z0-9][A-Z0-9.-]{0,252}) #[245]\.\d{1,3}\.\d{1,3}>/i;

/**
 * Microsoft Exchange 5.5–2003 non-delivery reports:
 *
 *   did not reach the following recipient(s):
 *
 *   kijitora@example.jp on Thu, 29 Apr 2010 00:00:00 -0000
 *       The recipient name is not recognized
 *       MSEXCH:IMS:EXAMPLE:SITE:SERVER 0 (000C05A6) Unknown Recipient
 *
 * The indented lines under an address are its reason; the report is a final failure.
 */
export const exchange2003: Extractor = {
  id: 'exchange2003',
  matches: (email) =>
    /^(?:did not reach the following recipient\(s\):|The following recipient\(s\) could not be reached:)/im.test(
      email.text.slice(0, 8000),
    ),
  extract: (email) => {
    const excluded = excludedAddresses(email);
    const found: { recipient: string; lines: string[] }[] = [];
    let started = false;
    let skipMtsId = false;
    for (const raw of noticeLines(email)) {
      const line = raw.trim();
      if (!started) {
        started = START.test(line);
        continue;
      }
      const m = RECIPIENT_LINE.exec(line);
      if (m?.[1] !== undefined && isRecipient(m[1], excluded)) {
        if (found.length >= MAX_RECIPIENTS) break;
        found.push({ recipient: m[1], lines: [] });
        skipMtsId = false;
        continue;
      }
      const current = found[found.length - 1];
      if (current === undefined) continue;
      if (line === '') {
        if (current.lines.length > 0) skipMtsId = false;
        continue;
      }
      if (MTS_ID.test(line)) {
        skipMtsId = true;
        continue;
      }
      if (skipMtsId && /^;|;l=/.test(line)) continue;
      skipMtsId = false;
      if (/^-{2,}|^Original message/i.test(line)) break;
      current.lines.push(line);
    }
    const out: Candidate[] = found.map(({ recipient, lines }) => {
      const diagnostic = lines.join(' ');
      return candidateOf('exchange2003', {
        recipient,
        diagnostic,
        cls: '5',
        remoteMta: HOST_STATUS.exec(diagnostic)?.[1] ?? null,
      }, NOTICE);
    });
    return uniqueByRecipient(out);
  },
};
