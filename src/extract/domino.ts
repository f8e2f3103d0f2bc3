import type { Candidate, Extractor } from '../types';
import { findAddresses } from '../text/addresses';
import { MAX_REASON_LINES, MAX_RECIPIENTS } from '../limits';
import { candidateOf, MTA_LIST, uniqueByRecipient } from './shared/candidates';
import { mergeWithDsn } from './shared/dsn-merge';
import { findLine, mtaNoticeLines } from './shared/notice-lines';
import { excludedAddresses, isRecipient } from './shared/recipients';
import { MAX_DOMINO_OPENING_LINES } from '../limits';

// IBM (now HCL) Domino's router, unlike the old Lotus SMTP MTA that `notes`
// reads, sends "DELIVERY FAILURE: <reason>" as the subject and this text,
// usually above an RFC 3464 part whose Diagnostic-Code type is "X-Notes":
//
//   Your message
//
//     Subject: Quarterly figures
//
//   was not delivered to:
//
//     user@example.net
//
//   because:
//
//     User user@example.net not listed in Domino Directory

// "DELIVERY FAILURE: User … not listed in Domino Directory" ("DELIVERY_FAILURE:" in some versions).
const SUBJECT = /^DELIVERY[ _]FAILURE:/i;
const LISTED = /^was not delivered to:$/i;
const BECAUSE = /^because:$/i;
// The notice opens with "Your message" within its first lines.
const OPENING = /^Your message$/i;
// Guard (src/limits.ts MAX_DOMINO_OPENING_LINES): lines of a Domino notice searched for its "Your message" opening (its list starts within them).

function readNotice(lines: readonly string[], skip: ReadonlySet<string>): Candidate[] {
  const listed = findLine(lines.slice(0, MAX_DOMINO_OPENING_LINES), LISTED);
  if (listed === -1) return [];
  const recipients: string[] = [];
  const reason: string[] = [];
  let inReason = false;
  for (let i = listed + 1; i < lines.length && reason.length < MAX_REASON_LINES; i++) {
    const line = (lines[i] ?? '').trim();
    if (BECAUSE.test(line)) {
      inReason = true;
      continue;
    }
    if (inReason) {
      // The reason is one paragraph: a blank line after it ends the notice.
      if (line === '' && reason.length > 0) break;
      if (line !== '') reason.push(line);
    } else if (recipients.length < MAX_RECIPIENTS) {
      recipients.push(...findAddresses(line).filter((a) => isRecipient(a, skip)));
    }
  }
  // One "because:" answers for every address listed above it.
  return recipients.map((recipient) => candidateOf('domino', { recipient, diagnostic: reason.join(' '), cls: '5' }, MTA_LIST));
}

export const domino: Extractor = {
  id: 'domino',
  matches: (email) =>
    SUBJECT.test(email.subject) || findLine(mtaNoticeLines(email).slice(0, MAX_DOMINO_OPENING_LINES), OPENING) !== -1,
  extract: (email) => {
    const found = readNotice(mtaNoticeLines(email), excludedAddresses(email));
    if (found.length === 0) return [];
    // The RFC 3464 part keeps its recipients and Status; the text fills a missing reason.
    return uniqueByRecipient(mergeWithDsn(email, found, 'domino', (dsn) => dsn.diagnostic === ''));
  },
};
