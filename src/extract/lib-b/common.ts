import type { Action, BounceEmail, Candidate, SmtpCommand } from '../../types';
import { MAX_RECIPIENTS } from '../../limits';
import { parseSmtpLine } from '../../smtp/parse-smtp-line';
import { findAddresses, firstAddress, isSystemAddress } from '../address';
import { commandOf } from '../delivery-status';
import { excludedAddresses } from '../text-scan';
import { header } from '../../email/parse-email';
import { foldSpaces } from '../../fold-spaces';

// Guard: provider notices are short; reading at most this many lines of the
// human-readable part keeps a pasted attachment from costing anything.
export const MAX_NOTICE_LINES = 2000;
// Guard (src/limits.ts): no notice lists more recipients than MAX_RECIPIENTS; a longer list is a loop or an attack.
export { MAX_RECIPIENTS };

/** The lines of the bounce text, capped. */
export function noticeLines(email: BounceEmail): string[] {
  return email.text.split('\n', MAX_NOTICE_LINES);
}

/** Whether the From header's address belongs to one of the domains (or their subdomains). */
export function fromDomain(email: BounceEmail, domains: readonly string[]): boolean {
  const from = firstAddress(email.from)?.toLowerCase() ?? '';
  const domain = from.slice(from.indexOf('@') + 1);
  return domains.some((d) => domain === d || domain.endsWith(`.${d}`));
}

/** An address that may be reported as the failed recipient: not the sender, not the mail system. */
export function isRecipient(address: string, excluded: ReadonlySet<string>): boolean {
  return !isSystemAddress(address) && !excluded.has(address.toLowerCase());
}

/** First address of a line that can be the failed recipient, or null. */
export function recipientIn(line: string, excluded: ReadonlySet<string>): string | null {
  return findAddresses(line).find((a) => isRecipient(a, excluded)) ?? null;
}

/** Addresses the bounce names as failed without a reason text: X-Failed-Recipients, then the returned To. */
export function fallbackRecipients(email: BounceEmail): string[] {
  const failed = findAddresses(header(email, 'x-failed-recipients'));
  if (failed.length > 0) return failed;
  const to = /^to:(.*(?:\n[ \t].*)*)/im.exec(email.originalHeaders ?? '');
  const excluded = excludedAddresses(email);
  return findAddresses(to?.[1] ?? '').filter((a) => isRecipient(a, excluded)).slice(0, 1);
}

/**
 * The status a format states by its wording alone ("failed permanently",
 * "has been delayed") when the server's reply holds no enhanced code: the
 * class with RFC 3463's "other or undefined" subject and detail. A basic reply
 * code in the text wins over the wording (Zoho says "permanent error" over a
 * "421"), and a text with its own x.y.z code needs no help.
 */
export function statedStatus(diagnostic: string, cls: '4' | '5' | '2'): string | null {
  const reply = parseSmtpLine(diagnostic);
  if (reply.status !== null) return null;
  if (reply.replyCode !== null) return `${String(reply.replyCode).charAt(0)}.0.0`;
  return `${cls}.0.0`;
}

/** Collapses runs of white space of a multi-line notice into one line. */
export function oneLine(text: string): string {
  return foldSpaces(text).trim();
}

export interface Found {
  recipient: string | null;
  diagnostic: string;
  cls: '4' | '5' | '2';
  action?: Action | null;
  remoteMta?: string | null;
  command?: SmtpCommand | null;
  status?: string | null;
}

/** A candidate for a format: the status the wording states when the text has none, the command from the text. */
export function candidateOf(format: string, found: Found): Candidate {
  const diagnostic = oneLine(found.diagnostic);
  return {
    recipient: found.recipient,
    action: found.action ?? (found.cls === '4' ? 'delayed' : found.cls === '2' ? 'delivered' : 'failed'),
    status: found.status ?? statedStatus(diagnostic, found.cls),
    diagnostic,
    remoteMta: found.remoteMta ?? null,
    command: found.command ?? commandOf(diagnostic),
    format,
  };
}

/** Removes repeated recipients (a notice that lists one address twice reports it once). */
export function uniqueByRecipient(list: Candidate[]): Candidate[] {
  const seen = new Set<string>();
  return list.filter((c) => {
    const key = (c.recipient ?? '').toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
