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
