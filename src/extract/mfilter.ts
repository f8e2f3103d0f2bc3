import type { Extractor, SmtpCommand } from '../types';
import { header } from '../email/parse-email';
import { findAddresses } from '../text/addresses';
import { toSmtpCommand } from '../smtp/commands';
import { MAX_REASON_LINES } from '../limits';
import { candidateOf, MTA_LIST } from './shared/candidates';
import { mtaNoticeLines } from './shared/notice-lines';
import { excludedAddresses, isRecipient } from './shared/recipients';

// m-FILTER (X-Mailer: m-FILTER), a Japanese mail gateway; its intro is in
// Japanese, then the failed address and two labelled sections:
//
//   kijitora@example.org
//
//   -------server message
//   550 5.1.1 unknown user <kijitora@example.org>
//
//   -------SMTP command
//   RCPT
//
//   -------original message

// "-------server message", "-------SMTP command", "-------original message"
const SECTION = /^-{5,}(server message|SMTP command|original message)\s*$/i;

export const mfilter: Extractor = {
  id: 'mfilter',
  matches: (email) => /^m-FILTER\b/i.test(header(email, 'x-mailer').trim()),
  extract: (email) => {
    const notMine = excludedAddresses(email);
    let section = '';
    let recipient: string | null = null;
    const server: string[] = [];
    let command: SmtpCommand | null = null;
    for (const raw of mtaNoticeLines(email)) {
      const line = raw.trim();
      const s = SECTION.exec(line);
      if (s?.[1] !== undefined) {
        section = s[1].toLowerCase();
        if (section === 'original message') break;
        continue;
      }
      if (line === '') continue;
      if (section === '') recipient ??= findAddresses(line).find((a) => isRecipient(a, notMine)) ?? null;
      else if (section === 'server message' && server.length < MAX_REASON_LINES) server.push(line);
      else if (section === 'smtp command') command ??= toSmtpCommand(line.trim().split(/\s/)[0]);
    }
    if (recipient === null) return [];
    return [candidateOf('mfilter', { recipient, diagnostic: server.join(' '), cls: '5', command }, MTA_LIST)];
  },
};
