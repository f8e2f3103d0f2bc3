import type { Candidate, Extractor } from '../types';
import { candidateOf, NOTICE, uniqueByRecipient } from './shared/candidates';
import { noticeLines } from './shared/notice-lines';
import { excludedAddresses, openEntry, type ListEntry } from './shared/recipients';

// "     Could not be delivered to: <kijitora@example.jp>" opens a recipient; the
// indented lines under it ("     As their mailbox is full.") are the reason.
const RECIPIENT_LINE = /^Could not be delivered to: <([^\s<>]{1,64}@[^\s<>]{1,253})>$/;

/**
 * KDDI's au one net mail (From no-reply@…dion.ne.jp, sent by …auone-net.jp):
 *
 *   Your mail sent on: Thu, 29 Apr 2010 00:00:00 +0900
 *        Could not be delivered to: <kijitora@example.jp>
 *        As their mailbox is full.
 */
export const kddi: Extractor = {
  id: 'kddi',
  matches: (email) =>
    /@(?:[\w-]+\.)*(?:dion\.ne\.jp|auone-net\.jp)\b/i.test(email.from) ||
    /^Your mail sent on: .{0,80}\n[ \t]+Could not be delivered to: </m.test(email.text.slice(0, 4000)),
  extract: (email) => {
    const excluded = excludedAddresses(email);
    const found: ListEntry[] = [];
    for (const raw of noticeLines(email)) {
      const line = raw.trim();
      const opened = openEntry(found, line, RECIPIENT_LINE, excluded);
      if (opened === 'full') break;
      if (opened === 'opened') continue;
      const current = found[found.length - 1];
      if (current === undefined) continue;
      // The reason is indented under the address; a line at the margin ends it.
      if (line === '' || raw === line) {
        if (current.lines.length > 0) break;
        continue;
      }
      current.lines.push(line);
    }
    const out: Candidate[] = found.map(({ recipient, lines }) =>
      candidateOf('kddi', { recipient, diagnostic: lines.join(' '), cls: '5' }, NOTICE),
    );
    return uniqueByRecipient(out);
  },
};
