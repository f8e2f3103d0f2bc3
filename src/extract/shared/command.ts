import type { SmtpCommand } from '../../types';
import { toSmtpCommand } from '../../smtp/commands';

/** The SMTP command a diagnostic answered, from "(in reply to RCPT TO command)"-style text. */
export function commandOf(text: string): SmtpCommand | null {
  const lower = text.toLowerCase();
  // Exim: "after RCPT TO:<…>", "after pipelined DATA", "after initial connection".
  const m = /in reply to (\w+)/.exec(lower) ?? /after (?:pipelined )?(\w+)(?: to| from)?\b/.exec(lower);
  const word = m?.[1]?.toUpperCase() ?? '';
  if (word === 'END') return 'DATA'; // "in reply to end of DATA command"
  if (word === 'INITIAL') return 'CONN'; // Exim: "SMTP error from remote mail server after initial connection"
  return toSmtpCommand(word);
}
