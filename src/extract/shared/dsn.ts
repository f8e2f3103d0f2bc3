import type { Action, BounceEmail, Candidate } from '../../types';
import { MAX_DSN_TEXT, MAX_NOTICE_CHARS, MAX_NOTICE_PARAGRAPHS, MAX_RECIPIENTS } from '../../limits';
import { parseDiagnostic, parseSmtpLine } from '../../smtp/parse-smtp-line';
import { cleanAddress, findAddresses } from '../../text/addresses';
import { foldSpaces } from '../../text/fold-spaces';
import { commandOf } from '../../smtp/commands';
import { excludedAddresses, isRecipient } from './recipients';
import { firstOf, headerValues, readReportGroups, stripType, type ReportGroup } from './report-fields';
import { classOfAction, statusFromWording } from './stated-status';
import { header } from '../../email/parse-email';

// Reading RFC 3464 (and RFC 1894 before it, RFC 6533 for
// message/global-delivery-status) delivery-status fields: a per-message group,
// then one group per recipient. The rfc3464 format reads them, and so do the
// formats whose own text says more than their report (they merge the two).
//
//   Reporting-MTA: dns; mx.example.net
//
//   Final-Recipient: rfc822; user@example.com
//   Action: failed
//   Status: 5.1.1
//   Diagnostic-Code: smtp; 550 5.1.1 <user@example.com>... User unknown

const ACTIONS = new Set<Action>(['failed', 'delayed', 'delivered', 'relayed', 'expanded']);

// Action words seen in the wild that RFC 3464 does not define: "deliverable" and
// "undeliverable" are what Postfix and Sendmail write for an address test
// (sendmail -bv), "failure" and "delay" are misspellings by smaller MTAs.
const ACTION_ALIASES: Readonly<Record<string, Action>> = {
  deliverable: 'delivered',
  undeliverable: 'failed',
  failure: 'failed',
  fail: 'failed',
  delay: 'delayed',
  relay: 'relayed',
};

// Fields that only a per-recipient group has.
const RECIPIENT_FIELDS = ['final-recipient', 'original-recipient', 'action', 'status', 'diagnostic-code'];

// A line that opens DSN fields inside a text body (a report pasted into the
// notice, or a multipart whose boundaries are broken).
const DSN_TEXT_START = /^(?:Reporting-MTA|Final-Recipient|Original-Recipient)[ \t]*:/im;

function actionOf(value: string | undefined): Action | null {
  // "failed", "Failed (permanent)", "delayed; will retry" → the first word.
  const word = /^\s*([a-z]{1,20})/i.exec(value ?? '')?.[1]?.toLowerCase() ?? '';
  if (ACTIONS.has(word as Action)) return word as Action;
  return ACTION_ALIASES[word] ?? null;
}

function statusFieldOf(value: string | undefined): string | null {
  // "5.1.1", "4.4.0 (other or undefined network or routing status)"
  const m = /^\s*([245]\.\d{1,3}\.\d{1,3})(?!\.?\d)/.exec(value ?? '');
  return m?.[1] ?? null;
}

function hostOf(value: string | undefined): string | null {
  if (value === undefined) return null;
  // "dns; mx.example.net. (192.0.2.1, the server for the domain example.net.)" → "mx.example.net"
  const host = stripType(value).split(/[\s(]/)[0]?.replace(/^\[|\]$/g, '').replace(/\.$/, '') ?? '';
  return host === '' ? null : host;
}

// RFC 6533 §3: a utf-8 address type may spell characters as "\x{HEX}".
function decodeEmbeddedUnicode(value: string): string {
  return value.replace(/\\x\{([0-9A-Fa-f]{1,6})\}/g, (whole, hex: string) => {
    const code = Number.parseInt(hex, 16);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

// An internationalised address (RFC 6531), which the ASCII address pattern does not read.
const UTF8_ADDRESS = /^<?([^\s<>@"]{1,64}@[^\s<>@"]{1,253})>?$/;

/** The address of a typed recipient field ("rfc822; <a@b>", "utf-8; 猫@例え.jp"), or null. */
export function addressOf(value: string | undefined): string | null {
  if (value === undefined) return null;
  const bare = decodeEmbeddedUnicode(stripType(value)).trim();
  // A pipe or a file is a local delivery target, not an address:
  // X-Actual-Recipient: RFC822; |IFS=' ' && exec /usr/bin/procmail … #user@example.edu
  if (/^["']?[|/]/.test(bare)) return null;
  const ascii = cleanAddress(bare);
  if (ascii !== null && (bare === ascii || bare === `<${ascii}>`)) return ascii;
  return UTF8_ADDRESS.exec(bare)?.[1] ?? ascii;
}

/** The recipient of a group: Final-Recipient, else Original-Recipient, else X-Actual-Recipient. */
function recipientOf(group: ReportGroup, i: number): string | null {
  for (const name of ['final-recipient', 'original-recipient', 'x-actual-recipient']) {
    const values = group.get(name);
    const found = addressOf(values?.[i] ?? values?.[0]);
    if (found !== null) return found;
  }
  return null;
}

function isPerMessage(group: ReportGroup): boolean {
  return !RECIPIENT_FIELDS.some((name) => group.has(name));
}

/** The i-th value of a field in a group that lists several recipients, else its only value. */
function nth(group: ReportGroup, name: string, i: number): string | undefined {
  const values = group.get(name);
  return values?.[i] ?? values?.[values.length - 1];
}

function candidatesOf(group: ReportGroup, perMessage: ReportGroup | undefined, format: string): Candidate[] {
  // A group that names several recipients without blank lines between them
  // (Final-Recipient, Action, Status, Final-Recipient, Action, Status…) holds
  // one recipient per Final-Recipient field.
  const count = Math.min(Math.max(group.get('final-recipient')?.length ?? 1, 1), MAX_RECIPIENTS);
  const out: Candidate[] = [];
  for (let i = 0; i < count; i++) {
    const action = actionOf(nth(group, 'action', i));
    const diagnostic = stripType(nth(group, 'diagnostic-code', i) ?? '');
    const diagnosticType = typeOf(nth(group, 'diagnostic-code', i));
    const recipient = recipientOf(group, i);
    const statusField = statusFieldOf(nth(group, 'status', i));
    const parsed = parseDiagnostic(diagnostic);
    // The Status field is required, but McAfee and others leave it out: the
    // reply code's class, else the Action's, states one.
    const statedStatus = statusField === null ? statusFromWording(parsed.reply, classOfAction(action), 'any-reply') : null;
    if (recipient === null && action === null && statusField === null && statedStatus === null) continue;
    out.push({
      recipient,
      action,
      statusField,
      statedStatus,
      diagnostic,
      remoteMta: hostOf(nth(group, 'remote-mta', i)),
      command: commandOf(diagnostic),
      format,
      reportingMta: hostOf(perMessage === undefined ? undefined : firstOf(perMessage, 'reporting-mta')),
      lastAttemptDate: nth(group, 'last-attempt-date', i) ?? null,
      arrivalDate: (perMessage === undefined ? undefined : firstOf(perMessage, 'arrival-date')) ?? null,
      ...(diagnosticType === null ? {} : { diagnosticType }),
      parsed,
    });
  }
  return out;
}

/** "x-unix; 71" → "x-unix": the Diagnostic-Code type, when it is not "smtp" (which says nothing more). */
function typeOf(value: string | undefined): string | null {
  const semi = value?.indexOf(';') ?? -1;
  if (value === undefined || semi === -1) return null;
  const type = value.slice(0, semi).trim().toLowerCase();
  return /^[a-z][\w.-]{0,40}$/.test(type) && type !== 'smtp' ? type : null;
}

/** Reads RFC 3464 (and RFC 1894, RFC 6533 global) delivery-status fields: one candidate per recipient. */
export function readDeliveryStatus(body: string, format = 'rfc3464'): Candidate[] {
  const groups = readReportGroups(body);
  const perMessage = groups.find(isPerMessage);
  const out: Candidate[] = [];
  for (const group of groups) {
    if (group === perMessage || isPerMessage(group)) continue;
    out.push(...candidatesOf(group, perMessage, format));
    if (out.length >= MAX_RECIPIENTS) break;
  }
  return out.slice(0, MAX_RECIPIENTS);
}

/** DSN fields written into the text of the notice instead of their own MIME part, or null. */
export function dsnInText(text: string): string | null {
  const m = DSN_TEXT_START.exec(text.slice(0, MAX_DSN_TEXT));
  return m === null ? null : text.slice(m.index, m.index + MAX_DSN_TEXT);
}

/**
 * A group without a recipient field: the only failed address the bounce names
 * elsewhere (X-Failed-Recipients, else the To of the returned message).
 */
function fillRecipients(email: BounceEmail, found: Candidate[]): Candidate[] {
  const missing = found.filter((c) => c.recipient === null);
  if (missing.length !== 1) return found;
  // The bounce's From and To are the reporting system and the sender.
  const own = excludedAddresses(email);
  const named = [
    ...findAddresses(header(email, 'x-failed-recipients')),
    ...headerValues(email.originalHeaders ?? '', 'to').flatMap(findAddresses),
  ].filter((a) => isRecipient(a, own));
  const known = new Set(found.map((c) => c.recipient?.toLowerCase()));
  const fill = named.find((a) => !known.has(a.toLowerCase()));
  if (fill === undefined) return found;
  return found.map((c) => (c.recipient === null ? { ...c, recipient: fill } : c));
}

/**
 * A DSN without Diagnostic-Code, for one recipient: the notice's own words. The
 * paragraph with the only SMTP reply in it ("----- Transcript of session
 * follows -----\n554 … Service unavailable"), else the opening paragraphs
 * ("** Address not found ** Your message wasn't delivered to …").
 */
function fillDiagnostics(email: BounceEmail, found: Candidate[]): Candidate[] {
  const bare = found.filter((c) => c.diagnostic === '');
  if (bare.length !== 1 || found.length !== 1) return found;
  const paragraphs = email.text
    .slice(0, MAX_DSN_TEXT)
    .split(/\n[ \t]*\n/)
    .map((p) => foldSpaces(p).trim())
    .filter((p) => p !== '' && !DSN_TEXT_START.test(p));
  const replies = paragraphs.filter((p) => parseSmtpLine(p).replyCode !== null);
  const diagnostic = replies.length === 1 ? (replies[0] ?? '') : paragraphs.slice(0, MAX_NOTICE_PARAGRAPHS).join(' ');
  if (diagnostic === '') return found;
  return found.map((c) => ({ ...c, diagnostic: diagnostic.slice(0, MAX_NOTICE_CHARS), command: commandOf(diagnostic) }));
}

/** The DSN candidates of the delivery-status parts only, as they are, under this format's id. */
export function dsnPartCandidates(email: BounceEmail, format: string): Candidate[] {
  return email.deliveryStatus.flatMap((body) => readDeliveryStatus(body, format));
}

/** The DSN fields of an email as they are: its delivery-status parts, else DSN fields in its text. */
export function rawDsnCandidatesOf(email: BounceEmail, format = 'rfc3464'): Candidate[] {
  const found = dsnPartCandidates(email, format);
  if (found.length > 0) return found;
  const fields = dsnInText(email.text);
  return fields === null ? [] : readDeliveryStatus(fields, format);
}

/** Fills what a DSN left out from the rest of the email: a missing recipient, a missing diagnostic. */
export function completeDsn(email: BounceEmail, found: Candidate[]): Candidate[] {
  return fillDiagnostics(email, fillRecipients(email, found));
}

/** Every DSN candidate of an email, completed from the rest of it. */
export function dsnCandidatesOf(email: BounceEmail, format = 'rfc3464'): Candidate[] {
  return completeDsn(email, rawDsnCandidatesOf(email, format));
}
