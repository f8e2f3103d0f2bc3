// The last step of reading an email, shared by both readers: mailparser
// (parse-email.ts, the reference) and the light reader (light/, the fast
// path). Each reader says what it found in the message — its header
// lines, subject, From text, plain text and non-text parts — and this module
// turns that into the BounceEmail extractors read. Sharing it is what keeps the
// two readers' results identical (test/email/light-parse.test.ts checks it).
import type { BounceEmail } from '../types';
import { MAX_LINE_CHARS } from '../limits';
import { readOriginal } from './original';

/** One raw header line as mailsplit keeps it: lower-case key, the line in latin1 with folds joined by CRLF. */
export interface HeaderLine {
  readonly key: string;
  readonly line: string;
}

/** A part that mailparser returns as an attachment; its content is read only when asked for. */
export interface PartView {
  /** Lower-case MIME type. */
  readonly contentType: string;
  /** The part's Content-Disposition value, when it has one. */
  readonly contentDisposition?: string;
  /** The transfer-decoded content as UTF-8 text, LF-only. */
  text(): string;
  /** The header block of the content (for a returned message), LF-only. */
  headerBlock(): string;
}

/** What a reader found in one message, before the shared finishing rules below. */
export interface ReadMail {
  readonly headerLines: readonly HeaderLine[];
  readonly subject: string;
  readonly from: string;
  /** mailparser's `text`: the inline text parts joined by "\n" ('' when none). */
  readonly text: string;
  /** Every part mailparser would list as an attachment, in message order. */
  readonly attachments: readonly PartView[];
  /** Content-Type of the top-level message, lower case, without parameters. */
  readonly contentType: string;
  /** The reader's decoder of RFC 2047 encoded words, for the original's header values. */
  readonly decodeWords: (text: string) => string;
}

/** The content types of a delivery report's machine-readable part (RFC 3464, RFC 6533). */
export const DSN_TYPES: ReadonlySet<string> = new Set(['message/delivery-status', 'message/global-delivery-status']);
const HEADER_TYPES = new Set(['text/rfc822-headers', 'message/global-headers', 'text/rfc822-header']);
const MESSAGE_TYPES = new Set(['message/rfc822', 'message/global']);
const FEEDBACK_TYPE = 'message/feedback-report';

// A notice shorter than this, in a multipart mail with no DSN part, is a sign
// that mailparser lost the notice (see finishEmail); real notices are longer.
const MIN_NOTICE_CHARS = 64;
// A returned message declaring itself a delivery report ("Content-Type: multipart/report").
const REPORT_HEADER = /^content-type:[ \t]*multipart\/report\b/im;

export function toLf(text: string): string {
  return text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
}

/** The header block of a message: everything before the first empty line. */
export function headerBlock(message: string): string {
  const text = toLf(message);
  const end = text.indexOf('\n\n');
  return end === -1 ? text : text.slice(0, end + 1);
}

/** Whether a part is a returned message that is itself a delivery report (a forwarded bounce). */
export function isEmbeddedReport(part: PartView): boolean {
  return MESSAGE_TYPES.has(part.contentType.toLowerCase()) && REPORT_HEADER.test(part.headerBlock());
}

/** Guard (MAX_LINE_CHARS): cuts every longer line, so no extractor ever scans a 10 MB line. */
function capLines(text: string, cut: { hit: boolean }): string {
  let longest = 0;
  let start = 0;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline === -1 ? text.length : newline;
    longest = Math.max(longest, end - start);
    start = end + 1;
  }
  if (longest <= MAX_LINE_CHARS) return text;
  cut.hit = true;
  return text
    .split('\n')
    .map((line) => (line.length > MAX_LINE_CHARS ? line.slice(0, MAX_LINE_CHARS) : line))
    .join('\n');
}

function unfoldHeaderLine(line: string): string {
  const colon = line.indexOf(':');
  const value = colon === -1 ? '' : line.slice(colon + 1);
  return (value.includes('\n') ? value.replace(/\r?\n[ \t]+/g, ' ') : value).trim();
}

function headersOf(lines: readonly HeaderLine[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const { key, line } of lines) {
    const list = map.get(key) ?? [];
    list.push(unfoldHeaderLine(line));
    map.set(key, list);
  }
  return map;
}

/** The body of a raw message (after its header block), LF-only. */
function rawBody(raw: Buffer | string): string {
  const text = toLf(typeof raw === 'string' ? raw : raw.toString('utf8'));
  const end = text.indexOf('\n\n');
  return end === -1 ? '' : text.slice(end + 2);
}

/**
 * Builds the BounceEmail from what a reader found. `embedded` is the DSN of a
 * forwarded bounce (see isEmbeddedReport), used only when the mail has none of its own.
 */
export function finishEmail(mail: ReadMail, raw: Buffer | string, embedded: readonly string[] = []): BounceEmail {
  const deliveryStatus: string[] = [];
  let originalHeaders: string | null = null;
  let feedbackReport: string | null = null;
  const texts: string[] = [];
  for (const a of mail.attachments) {
    const type = a.contentType.toLowerCase();
    if (DSN_TYPES.has(type)) deliveryStatus.push(a.text());
    else if (HEADER_TYPES.has(type)) originalHeaders ??= a.text();
    else if (MESSAGE_TYPES.has(type)) originalHeaders ??= a.headerBlock();
    else if (type === FEEDBACK_TYPE) feedbackReport ??= a.text();
    else if (type === 'text/plain' && a.contentDisposition !== 'attachment') texts.push(a.text());
  }
  let body = toLf(mail.text);
  const warnings: string[] = [];
  const contentType = mail.contentType;
  // A multipart whose boundary parameter matches none of its boundary lines (or
  // that has none) gives no parts at all: its raw body is the notice, read as text.
  if (contentType.startsWith('multipart/') && body.trim() === '' && mail.attachments.length === 0) {
    body = rawBody(raw);
    if (body !== '') warnings.push('The MIME boundaries of this email do not match; its raw body was read as text.');
  } else if (contentType.startsWith('multipart/') && deliveryStatus.length === 0 && body.trim().length < MIN_NOTICE_CHARS) {
    // Part headers folded without indentation or a part without its own
    // Content-Type make mailparser hand back a scrap (the returned message's
    // last line) instead of the notice: the raw body holds the notice.
    const whole = rawBody(raw);
    if (whole.trim().length > body.trim().length) {
      body = whole;
      warnings.push('The MIME parts of this email could not be told apart; its raw body was read as text.');
    }
  }
  // A relay that forwards a bounce as an attachment (message/rfc822 holding a
  // multipart/report) hides the real DSN one level down. Only one level is
  // read, and only when the outer mail has no DSN of its own.
  if (deliveryStatus.length === 0) deliveryStatus.push(...embedded);
  const cut = { hit: false };
  const text = capLines(texts.length > 0 ? [body, ...texts].join('\n') : body, cut);
  const original = originalHeaders === null ? null : capLines(originalHeaders, cut);
  const email: BounceEmail = {
    headers: headersOf(mail.headerLines),
    subject: mail.subject,
    from: mail.from,
    text,
    deliveryStatus: deliveryStatus.map((d) => capLines(d, cut)),
    originalHeaders: original,
    feedbackReport: feedbackReport === null ? null : capLines(feedbackReport, cut),
    original: readOriginal(original, text, mail.decodeWords),
    contentType,
    warnings,
  };
  if (cut.hit) warnings.push(`A line longer than ${MAX_LINE_CHARS} characters (MAX_LINE_CHARS) was cut to that length.`);
  return email;
}
