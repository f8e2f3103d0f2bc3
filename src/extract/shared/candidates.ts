import type { Action, Candidate, SmtpCommand } from '../../types';
import { MAX_RECIPIENTS } from '../../limits';
import { parseDiagnostic } from '../../smtp/parse-smtp-line';
import { foldSpaces } from '../../text/fold-spaces';
import { commandOf } from '../../smtp/commands';
import { statusFromWording, type ReplyOverride, type StatedClass } from './stated-status';

/** What a format's text says about one recipient. */
export interface Found {
  recipient: string | null;
  diagnostic: string;
  /** The class the format's wording states (see stated-status.ts); '5' when not given, null: none. */
  cls?: StatedClass | null;
  command?: SmtpCommand | null;
  remoteMta?: string | null;
  action?: Action | null;
}

/**
 * How a family of readers turns what it found into a candidate. The two
 * families (classic MTA lists, provider and gateway notices) have always
 * differed in these four ways; each is named so a reader says which it takes.
 */
export interface CandidateStyle {
  /** Fold the diagnostic's white space into one line (notices wrap their text; list readers join theirs already). */
  foldText: boolean;
  /** Which reply codes in the text override the wording's class. */
  replyOverride: ReplyOverride;
  /** When no host is given, take the one the text names ("host mx.example.net[192.0.2.1] said"). */
  hostFromText: boolean;
  /** When no Action is given, state the one the class gives (delayed, delivered, else failed); otherwise leave it to the verdict. */
  actionFromClass: boolean;
}

/** Classic MTA failure lists (sendmail, qmail, Postfix, Domino…). */
export const MTA_LIST: CandidateStyle = { foldText: false, replyOverride: 'error-reply', hostFromText: true, actionFromClass: false };
/** Providers' and security gateways' own notices (Gmail, Yahoo, Exchange, MessageLabs…). */
export const NOTICE: CandidateStyle = { foldText: true, replyOverride: 'any-reply', hostFromText: false, actionFromClass: true };

function actionOfClass(cls: StatedClass | null): Action {
  if (cls === '4') return 'delayed';
  if (cls === '2') return 'delivered';
  return 'failed';
}

/** A candidate from what a format's text says: the status its wording states when the text has no code, the command from the text. */
export function candidateOf(format: string, found: Found, style: CandidateStyle): Candidate {
  const diagnostic = style.foldText ? foldSpaces(found.diagnostic).trim() : found.diagnostic;
  const cls = found.cls === undefined ? '5' : found.cls;
  const parsed = parseDiagnostic(diagnostic);
  return {
    recipient: found.recipient,
    action: found.action ?? (style.actionFromClass ? actionOfClass(cls) : null),
    statusField: null,
    statedStatus: statusFromWording(parsed.reply, cls, style.replyOverride),
    diagnostic,
    remoteMta: found.remoteMta ?? (style.hostFromText ? hostIn(diagnostic) : null),
    command: found.command ?? commandOf(diagnostic),
    format,
    parsed,
  };
}

/** Keeps the first candidate per recipient (a list may name an address twice), at most MAX_RECIPIENTS. */
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

/** "host mx.example.net [192.0.2.1]", "mx.example.net[192.0.2.1]" → mx.example.net */
export function hostIn(text: string): string | null {
  const m = /\bhost:? ([A-Za-z0-9][A-Za-z0-9.-]{0,252}[A-Za-z0-9])/.exec(text) ?? /(?<![A-Z0-9.-])([A-Z0-9][A-Z0-9.-]{0,252}\.[A-Z]{2,63}) ?\[[0-9A-F.:]{3,45}\]/i.exec(text);
  return m?.[1] ?? null;
}

/** The status a candidate carries, whether a Status field or stated (for readers that compare or adjust it). */
export function statusOf(c: Candidate): string | null {
  return c.statusField ?? c.statedStatus ?? null;
}
