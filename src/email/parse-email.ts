import type { BounceEmail } from '../types';
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

// Guard: MIME trees deeper or wider than this are refused by mailparser instead
// of being walked (a bounce has a handful of parts; a hostile one may have
// thousands to make the parser spin).
export const MAX_MIME_PARTS = 1000;
// Guard: one part's header block larger than this is an attack or a broken file.
export const MAX_HEADER_BYTES = 1024 * 1024;
// Guard: HTML bigger than this is not turned into text (html-to-text is the
// slowest step of mailparser on large inputs); bounces are small.
export const MAX_HTML_TO_TEXT = 2 * 1024 * 1024;

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
  const body = toLf(mail.text ?? '');
  return {
    headers: headersOf(mail),
    subject: mail.subject ?? '',
    from: mail.from?.text ?? '',
    text: texts.length > 0 ? [body, ...texts].join('\n') : body,
    deliveryStatus,
    originalHeaders,
    feedbackReport,
    contentType: contentTypeOf(mail),
    warnings: [],
  };
}

/** First value of a header, or '' when absent. */
export function header(email: BounceEmail, name: string): string {
  return email.headers.get(name.toLowerCase())?.[0] ?? '';
}
