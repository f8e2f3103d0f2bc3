import type { Extractor } from '../types';
import { findAddresses } from '../text/addresses';
import { MAX_REASON_LINES } from '../limits';
import { candidateOf, MTA_LIST } from './shared/candidates';
import { findLine, mtaNoticeLines } from './shared/notice-lines';

// Apache James's notice:
//
//   Error: Invalid user address
//
//   Error message below:
//   550 - Requested action not taken: no such user here
//
//   Message details:
//     Subject: Hello
//     MAIL FROM: sender@example.com
//     RCPT TO: kijitora@example.org
//
// The remote reply follows "Error message below:"; "RCPT TO:" names the recipients.

const ERROR_BELOW = /^Error message below:\s*$/i;
const DETAILS = /^Message details:\s*$/i;
// "  RCPT TO: kijitora@example.org"
const RCPT_TO = /^\s{0,8}RCPT TO: ?(.{1,2000})$/i;

export const apachejames: Extractor = {
  id: 'apachejames',
  matches: (email) => {
    const lines = mtaNoticeLines(email);
    return findLine(lines, ERROR_BELOW) !== -1 && findLine(lines, DETAILS) !== -1;
  },
  extract: (email) => {
    const lines = mtaNoticeLines(email);
    const at = findLine(lines, ERROR_BELOW);
    const reason: string[] = [];
    for (let i = at + 1; at !== -1 && i < lines.length && reason.length < MAX_REASON_LINES; i++) {
      const line = (lines[i] ?? '').trim();
      if (line === '' || DETAILS.test(line)) break;
      reason.push(line);
    }
    // "550 - Requested action not taken": the dash is James's separator, not a continuation.
    const diagnostic = reason.join(' ').replace(/^([2-5]\d\d) - /, '$1 ');
    const rcpt = RCPT_TO.exec(lines[findLine(lines, RCPT_TO, Math.max(at, 0))] ?? '');
    const recipients = findAddresses(rcpt?.[1] ?? '');
    if (recipients.length === 0) return [];
    return recipients.map((recipient) => candidateOf('apachejames', { recipient, diagnostic, cls: '5' }, MTA_LIST));
  },
};
