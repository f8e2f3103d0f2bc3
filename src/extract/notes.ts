import type { Extractor } from '../types';
import { findAddresses } from '../text/addresses';
import { MAX_REASON_LINES } from '../limits';
import { candidateOf, MTA_LIST, uniqueByRecipient } from './shared/candidates';
import { findLine, mtaNoticeLines } from './shared/notice-lines';

// Lotus Notes / Domino's old SMTP MTA ("Lotus SMTP MTA"), subject
// "Undeliverable message":
//
//   ------- Failure Reasons  --------
//
//   User not listed in public Name & Address Book
//   kijitora@example.org
//
//   ------- Returned Message --------
//
// The reason (in the server's language) comes first, the address after it.
// The notice only reports failures it gave up on.

const START = /^-{3,} {0,4}Failure Reasons {0,4}-{3,}$/i;
const END = /^-{3,} {0,4}Returned Message {0,4}-{3,}$/i;

export const notes: Extractor = {
  id: 'notes',
  matches: (email) => findLine(mtaNoticeLines(email).slice(0, 20), START) !== -1,
  extract: (email) => {
    const lines = mtaNoticeLines(email);
    const at = findLine(lines, START);
    if (at === -1) return [];
    const reason: string[] = [];
    const found = [];
    for (let i = at + 1; i < lines.length && reason.length < MAX_REASON_LINES; i++) {
      const line = (lines[i] ?? '').trim();
      if (END.test(line)) break;
      if (line === '') continue;
      const address = findAddresses(line)[0];
      // A line that is only an address names a recipient; the lines before it are why.
      if (address !== undefined && line.replace(/^<|>$/g, '') === address) {
        found.push(candidateOf('notes', { recipient: address, diagnostic: reason.join(' '), cls: '5' }, MTA_LIST));
      } else {
        reason.push(line);
      }
    }
    return uniqueByRecipient(found);
  },
};
