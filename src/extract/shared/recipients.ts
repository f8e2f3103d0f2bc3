import type { BounceEmail } from '../../types';
import { header } from '../../email/parse-email';
import { MAX_RECIPIENTS } from '../../limits';
import { findAddresses, isSystemAddress } from '../../text/addresses';

// Which addresses of a bounce can be the recipient that failed. A bounce also
// names its sender (the bounce's To), the system that wrote it (its From) and
// mail-system addresses (MAILER-DAEMON, postmaster): none of those ever failed.

/** Addresses the bounce names that are not the person who failed to receive it: its From and To, lower case. */
export function excludedAddresses(email: BounceEmail): Set<string> {
  const own = [...findAddresses(email.from), ...findAddresses(header(email, 'to'))];
  return new Set(own.map((a) => a.toLowerCase()));
}

/** An address that may be reported as the failed recipient: not the sender, not the mail system. */
export function isRecipient(address: string, excluded: ReadonlySet<string>): boolean {
  return !isSystemAddress(address) && !excluded.has(address.toLowerCase());
}

/** First address of a text that can be the failed recipient, or null. */
export function recipientIn(text: string, excluded: ReadonlySet<string>): string | null {
  return findAddresses(text).find((a) => isRecipient(a, excluded)) ?? null;
}

/** Whether a line of a list (trimmed) is exactly one address, maybe in <> or quotes, maybe ending in ":". */
const LONE_ADDRESS = /^["<]?([^\s"<>]{1,64}@[^\s"<>:]{1,253})[">]?:?$/;
export function loneAddress(line: string): string | null {
  const m = LONE_ADDRESS.exec(line.trim());
  return m?.[1] === undefined ? null : (findAddresses(m[1])[0] ?? null);
}

// "To:" of the returned message's headers, folded lines included.
const ORIGINAL_TO = /^to:[ \t]*(.*(?:\n[ \t].*)*)/im;

/** The returned message's To (first usable address), for formats that name no recipient. */
export function originalTo(email: BounceEmail): string | null {
  const to = ORIGINAL_TO.exec(email.originalHeaders ?? '');
  return recipientIn(to?.[1] ?? '', excludedAddresses(email));
}

/** X-Failed-Recipients (Exim and its followers), in order. */
export function failedRecipients(email: BounceEmail): string[] {
  return (email.headers.get('x-failed-recipients') ?? []).flatMap((v) => findAddresses(v));
}

/** Addresses the bounce names as failed without a reason text: X-Failed-Recipients, else the returned To. */
export function fallbackRecipients(email: BounceEmail): string[] {
  const failed = findAddresses(header(email, 'x-failed-recipients'));
  if (failed.length > 0) return failed;
  const to = originalTo(email);
  return to === null ? [] : [to];
}

/** One recipient of a list that puts the reason on the lines under the address. */
export interface ListEntry {
  recipient: string;
  lines: string[];
}

/**
 * Opens a list entry when `line` is a recipient line: `pattern`'s first group is
 * an address that can be the failed recipient. 'opened' when it did, 'full' when
 * the list already holds MAX_RECIPIENTS (the reader stops), null when the line
 * is no recipient line (it may belong to the current entry's reason).
 */
export function openEntry(entries: ListEntry[], line: string, pattern: RegExp, excluded: ReadonlySet<string>): 'opened' | 'full' | null {
  const address = pattern.exec(line)?.[1];
  if (address === undefined || !isRecipient(address, excluded)) return null;
  if (entries.length >= MAX_RECIPIENTS) return 'full';
  entries.push({ recipient: address, lines: [] });
  return 'opened';
}
