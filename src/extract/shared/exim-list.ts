import type { BounceEmail, Candidate, SmtpCommand } from '../../types';
import { MAX_EXIM_LIST_LINES } from '../../limits';
import { splitLines } from '../../text/lines';
import { candidateOf, NOTICE, uniqueByRecipient } from './candidates';
import { commandOf } from '../../smtp/commands';
import { excludedAddresses, openEntry, type ListEntry } from './recipients';

// "... This is a permanent error. The following address(es) failed:" — the
// words may wrap ("The following address\nfailed:"), so the gap is any short run of spaces.
const LIST_START = /following address(?:\(es\))?[ \t\n]{1,8}failed:?/i;

// Where the list ends: the returned message or its headers follow.
const LIST_END = /^(?:-{2,}[ \t]*(?:This is a copy|The header of the original)|\*{5,}|-{3,} ?Original message)/i;

// "  kijitora@example.jp", "\"kijitora@example.jp\":", "<kijitora@example.jp>", "xxxx@example.fr:"
const RECIPIENT_LINE = /^["<]?([^\s"<>]{1,64}@[^\s"<>:]{1,253})[">]?:?$/;

// Labels that introduce the reason and are not part of it ("Reason:", "For the following reason:").
const LABEL_LINE = /^(?:for the following )?reason:$/i;

// "host mx.example.jp [192.0.2.1]: 550 …" / "host: mx.example.jp" / "host: smtp.example.net (192.0.2.1)"
const HOST = /\bhost:? ([A-Za-z0-9][A-Za-z0-9.-]{0,252})/;

/** "SMTP error from remote server for TEXT command" — 1&1 calls the message body TEXT. */
function commandIn(text: string): SmtpCommand | null {
  if (/\bfor TEXT command\b/i.test(text)) return 'DATA';
  const m = /\bfor (RCPT|MAIL|DATA) command\b/i.exec(text);
  if (m?.[1] !== undefined) return m[1].toUpperCase() as SmtpCommand;
  return commandOf(text);
}

/**
 * Reads the Exim-style list many providers (mail.ru, GMX, 1&1) send:
 *
 *   A message that you sent could not be delivered to one or more of its
 *   recipients. This is a permanent error. The following address(es) failed:
 *
 *     kijitora@example.jp
 *       SMTP error from remote mail server after RCPT TO:<kijitora@example.jp>:
 *       host mx.example.jp [192.0.2.1]: 550 5.1.1 <kijitora@example.jp>... User Unknown
 *
 * Each address line opens a recipient; the lines under it, up to the next
 * address, are the reason.
 */
export function readEximLike(email: BounceEmail, format: string): Candidate[] {
  const start = LIST_START.exec(email.text);
  if (start === null) return [];
  const before = email.text.slice(Math.max(0, start.index - 300), start.index);
  const cls = /temporary error|delayed/i.test(before) ? '4' : '5';
  const excluded = excludedAddresses(email);
  const lines = splitLines(email.text.slice(start.index + start[0].length), MAX_EXIM_LIST_LINES);
  const found: ListEntry[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (LIST_END.test(line)) break;
    const opened = openEntry(found, line, RECIPIENT_LINE, excluded);
    if (opened === 'full') break;
    if (opened === 'opened') continue;
    const current = found[found.length - 1];
    if (current === undefined || line === '' || LABEL_LINE.test(line)) continue;
    // "http://postmaster.example.net/en/error-messages?ip=%1s" — a help link, not the reason.
    if (/^https?:\/\//i.test(line)) continue;
    current.lines.push(line);
  }
  return uniqueByRecipient(
    found.map(({ recipient, lines: why }) => {
      const diagnostic = why.join(' ');
      return candidateOf(
        format,
        {
          recipient,
          diagnostic,
          cls,
          remoteMta: HOST.exec(diagnostic)?.[1]?.replace(/\.$/, '') ?? null,
          command: commandIn(diagnostic),
        },
        NOTICE,
      );
    }),
  );
}
