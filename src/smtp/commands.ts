import type { SmtpCommand } from '../types';

const SMTP_COMMANDS: ReadonlySet<string> = new Set<SmtpCommand>([
  'CONN',
  'HELO',
  'EHLO',
  'STARTTLS',
  'AUTH',
  'MAIL',
  'RCPT',
  'DATA',
  'BDAT',
  'QUIT',
]);

/** A command word as a bounce writes it ("rcpt", "DATA") → the SmtpCommand, or null for any other word. */
export function toSmtpCommand(word: string | null | undefined): SmtpCommand | null {
  const upper = (word ?? '').toUpperCase();
  return SMTP_COMMANDS.has(upper) ? (upper as SmtpCommand) : null;
}

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
