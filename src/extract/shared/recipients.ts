import type { BounceEmail } from '../../types';
import { header } from '../../email/parse-email';
import { MAX_RECIPIENTS } from '../../limits';
import { findAddresses, isSystemAddress } from '../../text/addresses';
import { headerValues } from './report-fields';

// Which addresses of a bounce can be the recipient that failed. A bounce also
// names its sender (the bounce's To, the returned message's From, Sender,
// Reply-To and Return-Path), the system that wrote it (its From), mail-system
// addresses (MAILER-DAEMON, postmaster) and, for a list posting, the list
// itself (its own addresses, and the To and Cc of the returned message when
// that message carries list headers): none of those ever failed.

// A mailing list's own addresses, by their local part (after any "+tag"):
//   Mailman 2/3:  LIST-bounces, -request, -owner, -admin, -confirm, -join, -leave,
//                 -subscribe, -unsubscribe (the list's aliases, Mailman's docs)
//   Majordomo:    owner-LIST, LIST-request, LIST-approval
//   ezmlm:        LIST-return-N-… (its VERP return path), LIST-owner
//   Sympa:        LIST-request, LIST-owner, LIST-editor
// The bounce of a list posting is sent to these, and they stand in its headers.
const LIST_LOCAL =
  /^owner-|-(?:bounces?|request|owner|admin|approval|confirm|join|leave|subscribe|unsubscribe|editor)$|-return-\d/;

/** Whether an address is one of a mailing list's own (its bounce, request or owner address). */
export function isListAddress(address: string): boolean {
  const local = address.slice(0, address.lastIndexOf('@')).toLowerCase();
  const plus = local.indexOf('+');
  return LIST_LOCAL.test(plus === -1 ? local : local.slice(0, plus));
}

// Headers of the returned message that name its sender side.
const SENDER_FIELDS = ['from', 'sender', 'reply-to', 'return-path'];
// Headers that mark the returned message as a list posting (RFC 2369, RFC 2919).
const LIST_FIELDS = ['list-id', 'list-post', 'list-unsubscribe'];

/** Addresses the bounce names that are not the person who failed to receive it, lower case. */
export function excludedAddresses(email: BounceEmail): Set<string> {
  const own = [...findAddresses(email.from), ...findAddresses(header(email, 'to'))];
  const original = email.originalHeaders ?? '';
  if (original !== '') {
    for (const name of SENDER_FIELDS) own.push(...headerValues(original, name).flatMap(findAddresses));
    // A list posting is addressed to the list: its To and Cc are the list, not a member.
    if (LIST_FIELDS.some((name) => headerValues(original, name).length > 0)) {
      for (const name of ['to', 'cc', 'list-post']) own.push(...headerValues(original, name).flatMap(findAddresses));
    }
  }
  return new Set(own.map((a) => a.toLowerCase()));
}

/** An address that may be reported as the failed recipient: not the sender, not the mail system, not a list. */
export function isRecipient(address: string, excluded: ReadonlySet<string>): boolean {
  return !isSystemAddress(address) && !isListAddress(address) && !excluded.has(address.toLowerCase());
}

// Where a notice stops and the returned message starts, as the servers write it:
//   Exim:     "------ This is a copy of the message, including all the headers. ------"
//             (src/deliver.c; "…of the body of the message…" without headers)
//   Sendmail: "----- Original message follows -----", "----- Message header follows -----"
//             (sendmail/savemail.c), "----- Unsent message follows -----" (older versions)
//   qmail:    "--- Below this line is a copy of the message." (qmail-send.c)
//   others:   "----- Original message -----", "-----Original Message-----"
const ORIGINAL_START =
  /^[ \t]*-{2,}[ \t]*(?:original message|below this line is a copy|this is a copy of|message headers? follows?|unsent message follows|returned message)/im;

/** The notice itself: the text before the returned message starts. */
export function noticeText(text: string): string {
  const m = ORIGINAL_START.exec(text);
  return m === null ? text : text.slice(0, m.index);
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

// A list item: a bullet ("-", "*", "•") or a number ("1.", "2)") before the address.
const BULLET = /^(?:[-*•]|\d{1,3}[.)])[ \t]+/;

/**
 * The recipients a notice lists one per line ("…to the following recipients:"
 * then one address a line), in order, without the ones that cannot have failed.
 * Empty when the block holds any line that is not a lone address.
 */
export function listedRecipients(block: string, excluded: ReadonlySet<string>): string[] {
  const lines = block.split('\n').map((l) => l.trim().replace(BULLET, '')).filter((l) => l !== '');
  // The list's own heading may open the block ("…to the following recipients:").
  if (lines.length > 1 && lines[0]?.endsWith(':') === true && loneAddress(lines[0]) === null) lines.shift();
  const found: string[] = [];
  for (const line of lines) {
    const address = loneAddress(line);
    if (address === null) return [];
    if (isRecipient(address, excluded) && !found.some((a) => a.toLowerCase() === address.toLowerCase())) found.push(address);
  }
  return found.slice(0, MAX_RECIPIENTS);
}

/**
 * The failed recipients a notice without any code names: a list of lone
 * addresses in the notice when there is one, else the first address of the
 * notice that can have failed. Only the notice is read, not the returned message.
 */
export function noticeRecipients(text: string, excluded: ReadonlySet<string>): string[] {
  const notice = noticeText(text);
  for (const block of notice.split(/\n[ \t]*\n/)) {
    const listed = listedRecipients(block, excluded);
    if (listed.length > 0) return listed;
  }
  const first = recipientIn(notice, excluded);
  return first === null ? [] : [first];
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
