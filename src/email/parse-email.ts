import type { BounceEmail } from '../types';
import { MAX_HEADER_BYTES, MAX_HTML_TO_TEXT, MAX_LINE_CHARS, MAX_MIME_PARTS } from '../limits';
import type { Attachment, ParsedMail, SimpleParserOptions } from 'mailparser';

type MailparserModule = typeof import('mailparser');

let mailparser: MailparserModule | undefined;

// mailparser costs ~100 ms to load; a raw SMTP string must not pay that, so it
// is required on first use only. `require` (its CJS build) and not `import()`:
// the ESM build loads libmime twice (notes/ECOSYSTEM.md §2a).
function loadMailparser(): MailparserModule {
  mailparser ??= require('mailparser') as MailparserModule;
  return mailparser;
}

// Guards (src/limits.ts): MIME trees wider or deeper than MAX_MIME_PARTS, header
// blocks over MAX_HEADER_BYTES and HTML over MAX_HTML_TO_TEXT are not walked.
export { MAX_HEADER_BYTES, MAX_HTML_TO_TEXT, MAX_MIME_PARTS };

const PARSER_OPTIONS: SimpleParserOptions = {
  keepDeliveryStatus: true,
  // The returned message stays an attachment: its body must not be mistaken
  // for the bounce text, and we only want its headers.
  ignoreEmbedded: true,
  skipTextToHtml: true,
  skipTextLinks: true,
  skipImageLinks: true,
  keepCidLinks: true,
  checksumAlgo: false,
  maxChildNodes: MAX_MIME_PARTS,
  maxHeadSize: MAX_HEADER_BYTES,
  maxHtmlLengthToParse: MAX_HTML_TO_TEXT,
};

const DSN_TYPES = new Set(['message/delivery-status', 'message/global-delivery-status']);
const HEADER_TYPES = new Set(['text/rfc822-headers', 'message/global-headers', 'text/rfc822-header']);
const MESSAGE_TYPES = new Set(['message/rfc822', 'message/global']);
const FEEDBACK_TYPE = 'message/feedback-report';

function toLf(text: string): string {
  return text.replace(/\r\n?/g, '\n');
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

/** The header block of a message: everything before the first empty line. */
export function headerBlock(message: string): string {
  const text = toLf(message);
  const end = text.indexOf('\n\n');
  return end === -1 ? text : text.slice(0, end + 1);
}

function unfoldHeaderLine(line: string): string {
  const colon = line.indexOf(':');
  return (colon === -1 ? '' : line.slice(colon + 1)).replace(/\r?\n[ \t]+/g, ' ').trim();
}

function headersOf(mail: ParsedMail): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const { key, line } of mail.headerLines) {
    const list = map.get(key) ?? [];
    list.push(unfoldHeaderLine(line));
    map.set(key, list);
  }
  return map;
}

function textOf(a: Attachment): string {
  return toLf(a.content.toString('utf8'));
}

function contentTypeOf(mail: ParsedMail): string {
  const ct = mail.headers.get('content-type');
  if (ct !== undefined && typeof ct === 'object' && 'value' in ct && typeof ct.value === 'string') {
    return ct.value.toLowerCase();
  }
  return 'text/plain';
}

/** The body of a raw message (after its header block), LF-only. */
function rawBody(raw: Buffer | string): string {
  const text = toLf(typeof raw === 'string' ? raw : raw.toString('utf8'));
  const end = text.indexOf('\n\n');
  return end === -1 ? '' : text.slice(end + 2);
}

// A notice shorter than this, in a multipart mail with no DSN part, is a sign
// that mailparser lost the notice (see parseEmail); real notices are longer.
const MIN_NOTICE_CHARS = 64;
// A returned message declaring itself a delivery report ("Content-Type: multipart/report").
const REPORT_HEADER = /^content-type:[ \t]*multipart\/report\b/im;

/** The DSN parts of the first attached message that is itself a delivery report. */
async function embeddedDeliveryStatus(attachments: readonly Attachment[]): Promise<string[]> {
  const inner = attachments.find(
    (a) => MESSAGE_TYPES.has(a.contentType.toLowerCase()) && REPORT_HEADER.test(headerBlock(textOf(a))),
  );
  if (inner === undefined) return [];
  const { simpleParser } = loadMailparser();
  const mail = await simpleParser(inner.content, PARSER_OPTIONS);
  return mail.attachments.filter((a) => DSN_TYPES.has(a.contentType.toLowerCase())).map(textOf);
}

/**
 * Parses a raw email with mailparser and keeps what bounce extractors read.
 * Rejects (throws) only when mailparser itself fails on the bytes.
 */
export async function parseEmail(raw: Buffer | string): Promise<BounceEmail> {
  const { simpleParser } = loadMailparser();
  const mail = await simpleParser(raw, PARSER_OPTIONS);
  const deliveryStatus: string[] = [];
  let originalHeaders: string | null = null;
  let feedbackReport: string | null = null;
  const texts: string[] = [];
  for (const a of mail.attachments) {
    const type = a.contentType.toLowerCase();
    if (DSN_TYPES.has(type)) deliveryStatus.push(textOf(a));
    else if (HEADER_TYPES.has(type)) originalHeaders ??= textOf(a);
    else if (MESSAGE_TYPES.has(type)) originalHeaders ??= headerBlock(textOf(a));
    else if (type === FEEDBACK_TYPE) feedbackReport ??= textOf(a);
    else if (type === 'text/plain' && a.contentDisposition !== 'attachment') texts.push(textOf(a));
  }
  let body = toLf(mail.text ?? '');
  const warnings: string[] = [];
  const contentType = contentTypeOf(mail);
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
  if (deliveryStatus.length === 0) deliveryStatus.push(...(await embeddedDeliveryStatus(mail.attachments)));
  const cut = { hit: false };
  const email: BounceEmail = {
    headers: headersOf(mail),
    subject: mail.subject ?? '',
    from: mail.from?.text ?? '',
    text: capLines(texts.length > 0 ? [body, ...texts].join('\n') : body, cut),
    deliveryStatus: deliveryStatus.map((d) => capLines(d, cut)),
    originalHeaders: originalHeaders === null ? null : capLines(originalHeaders, cut),
    feedbackReport: feedbackReport === null ? null : capLines(feedbackReport, cut),
    contentType,
    warnings,
  };
  if (cut.hit) warnings.push(`A line longer than ${MAX_LINE_CHARS} characters (MAX_LINE_CHARS) was cut to that length.`);
  return email;
}

/** First value of a header, or '' when absent. */
export function header(email: BounceEmail, name: string): string {
  return email.headers.get(name.toLowerCase())?.[0] ?? '';
}
