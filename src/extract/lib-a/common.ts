import type { Action, BounceEmail, Candidate, SmtpCommand } from '../../types';
import { MAX_RECIPIENTS } from '../../limits';
import { parseSmtpLine } from '../../smtp/parse-smtp-line';
import { findAddresses, firstAddress, isSystemAddress } from '../address';
import { commandOf, readDeliveryStatus } from '../delivery-status';
import { excludedAddresses } from '../text-scan';
import { header } from '../../email/parse-email';

// Guard: a classic MTA's notice is a few dozen lines; reading at most this many
// keeps a returned message pasted inline (or a hostile 1 GB body) from costing anything.
export const MAX_LINES = 3000;
// Guard (src/limits.ts): no notice lists more recipients than MAX_RECIPIENTS; a longer list is a loop or an attack.
export { MAX_RECIPIENTS };
// Guard: the reason under one recipient is a handful of lines; more is the returned message.
export const MAX_REASON_LINES = 40;

/** The lines of the human-readable part, capped. */
export function textLines(email: BounceEmail): string[] {
  // Many extractors split the same text: the last split is kept, and each
  // caller gets its own copy of the array (some change theirs).
  if (email.text !== lastText) {
    lastLines = email.text.split('\n', MAX_LINES);
    lastText = email.text;
  }
  return lastLines.slice();
}
let lastText: string | undefined;
let lastLines: string[] = [];

/** Whether a line of a list (trimmed) is exactly one address, maybe in <> or quotes, maybe ending in ":". */
const LONE_ADDRESS = /^["<]?([^\s"<>]{1,64}@[^\s"<>:]{1,253})[">]?:?$/;
export function loneAddress(line: string): string | null {
  const m = LONE_ADDRESS.exec(line.trim());
  return m?.[1] === undefined ? null : (findAddresses(m[1])[0] ?? null);
}

/** An address that may be reported as the failed recipient: not the sender, not the mail system. */
export function isRecipient(address: string, excluded: ReadonlySet<string>): boolean {
  return !isSystemAddress(address) && !excluded.has(address.toLowerCase());
}

/** First address of a text that can be the failed recipient, or null. */
export function recipientIn(text: string, excluded: ReadonlySet<string>): string | null {
  return findAddresses(text).find((a) => isRecipient(a, excluded)) ?? null;
}

/** Addresses the sender and the mail system use in this bounce (never the failed recipient). */
export function excluded(email: BounceEmail): Set<string> {
  return excludedAddresses(email);
}

/** The returned message's To (first usable address), for formats that name no recipient. */
export function originalTo(email: BounceEmail): string | null {
  const to = /^to:[ \t]*(.*(?:\n[ \t].*)*)/im.exec(email.originalHeaders ?? '');
  return recipientIn(to?.[1] ?? '', excluded(email));
}

/** X-Failed-Recipients (Exim and its followers), in order. */
export function failedRecipients(email: BounceEmail): string[] {
  return (email.headers.get('x-failed-recipients') ?? []).flatMap((v) => findAddresses(v));
}

/** Index of the first line matching, from `from`, or -1. */
export function findLine(lines: readonly string[], re: RegExp, from = 0): number {
  for (let i = from; i < lines.length; i++) if (re.test(lines[i] ?? '')) return i;
  return -1;
}

/**
 * Joins the lines of one reason into one text. When a line starts with a reply
 * code ("550 5.1.1 …") the server's reply starts there; the reporting MTA's
 * preamble before it ("SMTP error from remote mail server after RCPT TO:<…>:")
 * follows in parentheses, so the text starts with the reply and the command
 * can still be read from the preamble.
 */
export function joinReason(lines: readonly string[]): string {
  const parts = lines.map((l) => l.trim()).filter((l) => l !== '');
  const at = parts.findIndex((l) => /^[2-5]\d\d(?:[ -]|$)/.test(l));
  if (at <= 0) return parts.join(' ');
  return `${parts.slice(at).join(' ')} (${parts.slice(0, at).join(' ').replace(/:$/, '')})`;
}

/**
 * The status a format states by its wording alone ("permanent error", "will
 * retry") when the reply holds no enhanced code: that class with RFC 3463's
 * "other or undefined" subject and detail. A reply code of another class in the
 * text wins over the wording; a text with its own x.y.z code needs no help.
 */
export function statusByWording(diagnostic: string, cls: '4' | '5' | null): string | null {
  const reply = parseSmtpLine(diagnostic);
  if (reply.status !== null) return null;
  const fromReply = reply.replyCode === null ? null : String(reply.replyCode).charAt(0);
  const digit = fromReply === '4' || fromReply === '5' ? fromReply : cls;
  return digit === null ? null : `${digit}.0.0`;
}

/** "host mx.example.net [192.0.2.1]", "mx.example.net[192.0.2.1]" → mx.example.net */
export function hostIn(text: string): string | null {
  const m = /\bhost:? ([A-Za-z0-9][A-Za-z0-9.-]{0,252}[A-Za-z0-9])/.exec(text) ?? /(?<![A-Z0-9.-])([A-Z0-9][A-Z0-9.-]{0,252}\.[A-Z]{2,63}) ?\[[0-9A-F.:]{3,45}\]/i.exec(text);
  return m?.[1] ?? null;
}

export interface Found {
  recipient: string | null;
  diagnostic: string;
  /** Class the format's wording gives, for statusByWording. */
  cls?: '4' | '5' | null;
  status?: string | null;
  command?: SmtpCommand | null;
  remoteMta?: string | null;
  action?: Action | null;
}

/** A candidate from what a format's text says, with the command and status filled from the text when not given. */
export function candidateOf(found: Found, format: string): Candidate {
  const status = found.status ?? statusByWording(found.diagnostic, found.cls === undefined ? '5' : found.cls);
  return {
    recipient: found.recipient,
    action: found.action ?? null,
    status,
    diagnostic: found.diagnostic,
    remoteMta: found.remoteMta ?? hostIn(found.diagnostic),
    command: found.command ?? commandOf(found.diagnostic),
    format,
  };
}

/** Keeps the first candidate per recipient (a list may name an address twice), capped. */
export function uniqueByRecipient(candidates: readonly Candidate[]): Candidate[] {
  const seen = new Set<string>();
  const out: Candidate[] = [];
  for (const c of candidates) {
    const key = (c.recipient ?? '').toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c);
    if (out.length >= MAX_RECIPIENTS) break;
  }
  return out;
}

/** The DSN candidates of the email, re-labelled with this format's id. */
export function dsnCandidates(email: BounceEmail, format: string): Candidate[] {
  return email.deliveryStatus.flatMap((body) => readDeliveryStatus(body, format));
}

/**
 * Merges what the text says with the DSN part. The DSN names the recipients
 * (the text may wrap or abbreviate them) and its Status/Action/Remote-MTA stay;
 * the text's reason replaces the DSN diagnostic when the DSN has none, or when
 * `preferText` says the format's text holds the remote server's own words.
 * With no DSN, the text candidates are returned as they are.
 */
export function mergeWithDsn(
  email: BounceEmail,
  fromText: readonly Candidate[],
  format: string,
  preferText: (dsn: Candidate, text: Candidate) => boolean = (dsn) => !hasCode(dsn.diagnostic),
): Candidate[] {
  const dsn = dsnCandidates(email, format).filter((c) => c.recipient === null || !isSystemAddress(c.recipient));
  if (dsn.length === 0) return [...fromText];
  const byRecipient = new Map(fromText.map((c) => [(c.recipient ?? '').toLowerCase(), c]));
  return dsn.map((d, i) => {
    const t = byRecipient.get((d.recipient ?? '').toLowerCase()) ?? (dsn.length === 1 ? fromText[0] : fromText[i]);
    if (t === undefined) return d;
    const merged: Candidate = { ...d };
    if (!merged.recipient?.includes('.')) merged.recipient = t.recipient;
    if (t.diagnostic !== '' && preferText(d, t)) {
      merged.diagnostic = t.diagnostic;
      merged.command = t.command ?? d.command;
    }
    merged.command ??= t.command;
    merged.remoteMta ??= t.remoteMta;
    return merged;
  });
}

/** Whether a text holds a reply code or an enhanced status code. */
export function hasCode(text: string): boolean {
  const r = parseSmtpLine(text);
  return r.replyCode !== null || r.status !== null;
}

/** Lower-cased From address, '' when none. */
export function fromAddress(email: BounceEmail): string {
  return firstAddress(email.from)?.toLowerCase() ?? '';
}

export { header };
