import type { Candidate, Extractor, ReasonId, SmtpCommand } from '../types';
import { toSmtpCommand } from '../smtp/commands';
import { foldSpaces } from '../text/fold-spaces';
import { MAX_RECIPIENTS } from '../limits';
import { candidateOf, NOTICE, uniqueByRecipient } from './shared/candidates';
import { noticeLines } from './shared/notice-lines';
import { excludedAddresses, isRecipient } from './shared/recipients';

// au by KDDI's EZweb mail (ezweb.ne.jp) explains a failure with a fixed English
// sentence under its Japanese one; the sentence decides the reason even where
// the server's reply says something vaguer ("550 user unknown" for a disabled account).
const NOTICES: readonly (readonly [string, ReasonId])[] = [
  ['the user(s) account is disabled', 'suspend'],
  ['the user(s) account is temporarily over quota', 'mailboxfull'],
  ['the user(s) account is unknown', 'userunknown'],
  ['remote host is not responding', 'expired'],
  ['your message was not delivered within', 'expired'],
  ['the message has been rejected because of its size', 'mesgtoobig'],
];

// "    Recipient: <kijitora@example.jp>" / "<kijitora@example.jp>: 550 user unknown (in reply to RCPT TO command)" / "<kijitora@example.jp>"
const RECIPIENT_LINE = /^(?:Recipient: )?<([^\s<>]{1,64}@[^\s<>]{1,253})>(?::\s?(.{0,2000}))?$/;
// ">>> RCPT TO:<kijitora@example.jp>" — the command sent; "<<< 550 …" — the reply to it.
const SENT = /^>>> ([A-Z]{4})\b/;
const RECEIVED = /^<<< (.{1,2000})$/;

/**
 * EZweb (au by KDDI) "Mail System Error - Returned Mail" from Postmaster@ezweb.ne.jp:
 *
 *   Each of the following recipients was rejected by a remote
 *   mail server.
 *
 *       Recipient: <kijitora@example.jp>
 *       >>> RCPT TO:<kijitora@example.jp>
 *       <<< 550 <kijitora@example.jp>: User unknown
 */
export const ezweb: Extractor = {
  id: 'ezweb',
  matches: (email) =>
    /@ezweb\.ne\.jp\b/i.test(email.from) || (email.subject === 'Mail System Error - Returned Mail' && /Recipient: <|did not receive this message:/.test(email.text)),
  extract: (email) => {
    const excluded = excludedAddresses(email);
    const lines = noticeLines(email);
    const lower = foldSpaces(email.text.slice(0, 4000).toLowerCase());
    const notice = NOTICES.find(([phrase]) => lower.includes(phrase));
    const preface: string[] = [];
    const found: { recipient: string; reply: string[]; command: SmtpCommand | null }[] = [];
    for (const raw of lines) {
      const line = raw.trim();
      if (/^-{2,}|^Content-Type:|^Received:/i.test(line) && found.length > 0) break;
      const m = RECIPIENT_LINE.exec(line);
      if (m?.[1] !== undefined && isRecipient(m[1], excluded)) {
        if (found.length >= MAX_RECIPIENTS) break;
        found.push({ recipient: m[1], reply: m[2] === undefined ? [] : [m[2]], command: null });
        continue;
      }
      const current = found[found.length - 1];
      if (current === undefined) {
        // English sentences of the notice, kept for a recipient with no reply of its own.
        if (/^[\x20-\x7e]{8,}$/.test(line)) preface.push(line);
        continue;
      }
      const sent = SENT.exec(line);
      if (sent !== null) current.command = toSmtpCommand(sent[1]);
      const got = RECEIVED.exec(line)?.[1];
      if (got !== undefined) current.reply.push(got);
    }
    const out: Candidate[] = found.map(({ recipient, reply, command }) => {
      const diagnostic = reply.length > 0 ? reply.join(' ') : preface.join(' ');
      const c = candidateOf('ezweb', { recipient, diagnostic, cls: '5', command }, NOTICE);
      return notice === undefined ? c : { ...c, reason: notice[1] };
    });
    return uniqueByRecipient(out);
  },
};
