import type { Extractor } from '../types';
import { findAddresses } from '../text/addresses';
import { MAX_REASON_LINES, MAX_RECIPIENTS } from '../limits';
import { candidateOf, MTA_LIST, uniqueByRecipient } from './shared/candidates';
import { findLine, mtaNoticeLines } from './shared/notice-lines';
import { fromAddress } from './shared/writer';

// BIGLOBE (a Japanese ISP) writes, from postmaster@biglobe.ne.jp:
//
//      ----- The following addresses had delivery problems -----
//   kijitora@example.org
//
//      ----- Non-delivered information -----
//   The number of messages in recipient's mailbox exceeded the local limit.
//
// The reason section applies to every address listed.

const LIST_START = /^\s*-{3,} ?The following addresses had delivery problems ?-{3,}\s*$/i;
const REASON_START = /^\s*-{3,} ?Non-delivered information ?-{3,}\s*$/i;
const ANY_HEADER = /^\s*-{3,} ?[^\s-]/;

export const biglobe: Extractor = {
  id: 'biglobe',
  matches: (email) => fromAddress(email).endsWith('@biglobe.ne.jp') && findLine(mtaNoticeLines(email).slice(0, 40), LIST_START) !== -1,
  extract: (email) => {
    const lines = mtaNoticeLines(email);
    const at = findLine(lines, LIST_START);
    const recipients: string[] = [];
    for (let i = at + 1; at !== -1 && i < lines.length && recipients.length < MAX_RECIPIENTS; i++) {
      const line = lines[i] ?? '';
      if (ANY_HEADER.test(line)) break;
      const address = findAddresses(line)[0];
      if (address !== undefined) recipients.push(address);
    }
    const from = findLine(lines, REASON_START);
    const reason: string[] = [];
    for (let i = from + 1; from !== -1 && i < lines.length && reason.length < MAX_REASON_LINES; i++) {
      const line = (lines[i] ?? '').trim();
      if (ANY_HEADER.test(line) || (line === '' && reason.length > 0)) break;
      if (line !== '') reason.push(line);
    }
    const diagnostic = reason.join(' ');
    return uniqueByRecipient(recipients.map((recipient) => candidateOf('biglobe', { recipient, diagnostic, cls: '5' }, MTA_LIST)));
  },
};
