import type { Candidate, Extractor } from '../types';
import { replyOf } from '../smtp/parse-smtp-line';
import { findAddresses } from '../text/addresses';
import { toSmtpCommand } from '../smtp/commands';
import { MAX_REASON_LINES, MAX_RECIPIENTS } from '../limits';
import { candidateOf, MTA_LIST, uniqueByRecipient } from './shared/candidates';
import { mergeWithDsn } from './shared/dsn-merge';
import { findLine, mtaNoticeLines } from './shared/notice-lines';

// The format id "x3" is part of the output (the JSON "format", --why, fixture
// names): it is kept as it was, for compatibility, though the file is named for what it reads.
const FORMAT = 'x3';

// An anonymous MTA's notice, boxed in lines of "=":
//
//         This is an automatically generated Delivery Status Notification.
//
//   Delivery to the following recipients failed permanently:
//
//      * kijitora@example.org
//
//   ===========================================================
//                             Technical details:
//
//   SMTP:RCPT host 192.0.2.8: 553 5.3.0 <kijitora@example.org>... No such user here
//
// "Delevery" (sic) appears in some versions; a notice given up after a time
// limit says "… was aborted after 5.0 hour(s):".

const INTRO = 'This is an automatically generated Delivery Status Notification.';
// "Delivery to the following recipients failed permanently:" / "Delevery … was aborted after 5.0 hour(s):"
const LIST_START = /^(?:Delivery|Delevery) to the following recipients (failed permanently|was aborted after [^:]{1,40}):$/i;
// "   * kijitora@example.org"
const ENTRY = /^\s{0,8}\* (\S{1,600})$/;
const DETAILS = /^\s*Technical details:\s*$/i;
// A line of "=" closes the details box; the MIME boundary ends the part.
const BOX = /^(?:={10,}|-{10,})/;
// "SMTP:RCPT host 192.0.2.8: 553 5.3.0 …": the command and the host, then the reply.
const SMTP_PREFIX = /^SMTP:([A-Z]{4}) host ([^\s:]{1,255}): (.{1,1000})$/;

export const boxedTechnicalDetails: Extractor = {
  id: FORMAT,
  matches: (email) => email.text.slice(0, 2000).includes(INTRO) && findLine(mtaNoticeLines(email).slice(0, 40), LIST_START) !== -1,
  extract: (email) => {
    const lines = mtaNoticeLines(email);
    const at = findLine(lines, LIST_START);
    if (at === -1) return [];
    const intro = (lines[at] ?? '').trim().replace(/:$/, '');
    const recipients: string[] = [];
    for (let i = at + 1; i < lines.length && recipients.length < MAX_RECIPIENTS; i++) {
      const line = lines[i] ?? '';
      if (line.trim() === '') continue;
      const m = ENTRY.exec(line);
      if (m === null) break;
      const address = findAddresses(m[1] ?? '')[0];
      if (address !== undefined) recipients.push(address);
    }
    const details: string[] = [];
    const from = findLine(lines, DETAILS, at);
    for (let i = from + 1; from !== -1 && i < lines.length && details.length < MAX_REASON_LINES; i++) {
      const line = (lines[i] ?? '').trim();
      if (BOX.test(line)) break;
      if (line !== '') details.push(line);
    }
    const detail = details.join(' ');
    const smtp = SMTP_PREFIX.exec(detail);
    // A notice given up after a time limit says so only in its intro.
    const aborted = /aborted after/i.test(intro) ? ` (${intro})` : '';
    const found: Candidate[] = recipients.map((recipient) =>
      candidateOf(FORMAT, {
          recipient,
          diagnostic: `${smtp?.[3] ?? detail}${aborted}`.trim(),
          cls: '5',
          command: toSmtpCommand(smtp?.[1]),
          remoteMta: smtp?.[2] ?? null,
        }, MTA_LIST),
    );
    // The DSN part's Status can disagree with the reply in its own
    // Diagnostic-Code ("Status: 5.1.1" over "552 5.2.2 Over quota"); the
    // remote server's code says why.
    return uniqueByRecipient(mergeWithDsn(email, found, FORMAT)).map((c) => {
      const own = replyOf(c).status;
      // The reply's code is read from the text: a stated status, not a Status field.
      return own !== null && !own.endsWith('.0.0') ? { ...c, statusField: null, statedStatus: own } : c;
    });
  },
};
