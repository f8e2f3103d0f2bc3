import { Readable } from 'node:stream';
import type { BounceEmail } from '../types';
import { MAX_HEADER_BYTES, MAX_HTML_TO_TEXT, MAX_LINE_CHARS, MAX_MIME_PARTS } from '../limits';
import type { AddressObject, Attachment, HeaderLines, Headers, HeaderValue, SimpleParserOptions } from 'mailparser';
import { DSN_TYPES, finishEmail, headerBlock, isEmbeddedReport, toLf, type PartView } from './finish-email';
import { lightParse } from './light';
import { capHeaderFields } from './cap-header-fields';

export { headerBlock };

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


export interface ParseEmailOptions {
  /**
   * "auto" (default): the light reader first, mailparser when it declines.
   * "mailparser": mailparser only (the reference, to compare the two).
   */
  reader?: 'auto' | 'mailparser';
}

/**
 * A part's content type, lower case. mailparser gives `false`, not a string,
 * for a part whose Content-Type header is empty: such a part is text/plain, as
 * a part with no Content-Type at all (RFC 2045, section 5.2).
 */
function typeOf(a: Attachment): string {
  const type: unknown = a.contentType;
  return typeof type === 'string' && type !== '' ? type.toLowerCase() : 'text/plain';
}

function textOf(a: Attachment): string {
  return toLf(a.content.toString('utf8'));
}

/**
 * Where the first empty line of some bytes ends at the latest: just past the
 * first two line ends in a row. A line end is CRLF, LF or a lone CR, so two in
 * a row hold LF LF, LF CR or CR CR; the length when there are none.
 */
function afterFirstEmptyLine(bytes: Buffer): number {
  let end = bytes.length;
  for (const pair of ['\n\n', '\n\r', '\r\r']) {
    const at = bytes.indexOf(pair, 0, 'latin1');
    if (at !== -1 && at + 2 < end) end = at + 2;
  }
  return end;
}

/**
 * headerBlock() of a part's whole text, from only the bytes it needs: a
 * returned message of 30 MB is not decoded and made LF-only to read its header
 * block. The cut falls after ASCII line ends, so the bytes before it decode as
 * they would in the whole, and the first empty line is the same.
 */
function headerBlockOf(a: Attachment): string {
  return headerBlock(toLf(a.content.toString('utf8', 0, afterFirstEmptyLine(a.content))));
}

function viewOf(a: Attachment): PartView {
  return {
    contentType: typeOf(a),
    ...(a.contentDisposition === undefined ? {} : { contentDisposition: a.contentDisposition }),
    text: () => textOf(a),
    headerBlock: () => headerBlockOf(a),
  };
}

function contentTypeOf(mail: MailparserRead): string {
  const ct = mail.headers.get('content-type');
  if (ct !== undefined && typeof ct === 'object' && 'value' in ct && typeof ct.value === 'string') {
    return ct.value.toLowerCase();
  }
  return 'text/plain';
}

type DecodeWords = (text: string) => string;
let libmimeDecoder: DecodeWords | undefined;

/**
 * The decoder mailparser itself decodes a Subject with (libmime's decodeWords,
 * on the libmime instance each MailParser keeps), so the original's header
 * values come out as mailparser would give them. One parser is made, once,
 * for its decoder only; it is never fed.
 */
function libmimeDecodeWords(text: string): string {
  if (!text.includes('=?')) return text;
  if (libmimeDecoder === undefined) {
    const parser = new (loadMailparser().MailParser)() as unknown as { libmime: { decodeWords: DecodeWords } };
    const libmime = parser.libmime;
    libmimeDecoder = (t) => libmime.decodeWords(t);
  }
  return libmimeDecoder(text);
}

/** The DSN parts of the first attached message that is itself a delivery report. */
async function embeddedDeliveryStatus(attachments: readonly Attachment[]): Promise<string[]> {
  const inner = attachments.find((a) => isEmbeddedReport(viewOf(a)));
  if (inner === undefined) return [];
  const { simpleParser } = loadMailparser();
  const mail = await simpleParser(inner.content, PARSER_OPTIONS);
  return mail.attachments.filter((a) => DSN_TYPES.has(typeOf(a))).map(textOf);
}

// mailparser is fed the message in pieces of this size, as a stream. Handed
// the whole message in one write, its splitter pushes every line of it into
// the stream between its steps at once, and they all wait there together (a
// 30 MB attachment took ~250 MB); a piece at a time, each line goes through
// before the next piece is read. The result is the same: mailsplit carries
// what a piece cuts in two over to the next one.
const MAILPARSER_PIECE_BYTES = 64 * 1024;

/** The message as a stream of pieces, for mailparser (see MAILPARSER_PIECE_BYTES). */
function piecesOf(raw: Buffer | string): Readable {
  const buf = typeof raw === 'string' ? Buffer.from(raw) : raw;
  function* pieces(): Generator<Buffer> {
    for (let at = 0; at < buf.length; at += MAILPARSER_PIECE_BYTES) yield buf.subarray(at, at + MAILPARSER_PIECE_BYTES);
  }
  return Readable.from(pieces(), { objectMode: false });
}

/** What is kept of mailparser's reading: what simpleParser returns, less the content of parts never read. */
interface MailparserRead {
  headers: Headers;
  headerLines: HeaderLines;
  subject?: string;
  from?: AddressObject;
  text?: string;
  textConversionError?: Error;
  attachments: Attachment[];
}

/**
 * Whether the content of a part mailparser lists as an attachment is read
 * (finishEmail reads delivery reports, header parts, returned messages,
 * feedback reports and text); typeOf makes an empty type text/plain.
 */
function contentIsRead(type: unknown): boolean {
  return typeof type !== 'string' || type === '' || /^(?:text|message)\//i.test(type);
}

/**
 * simpleParser's result, from mailparser's streaming parser, except that the
 * content of an attachment that is never read (an image, a PDF, a zip: no
 * text/* or message/* type) is read through and dropped, not gathered into
 * memory: a 30 MB attachment kept its 22 MB of decoded bytes, twice while
 * they were joined (issue 15, item 2).
 */
function readWithMailparser(input: Readable): Promise<MailparserRead> {
  const parser = new (loadMailparser().MailParser)(PARSER_OPTIONS);
  const mail: Partial<MailparserRead> & { attachments: Attachment[] } = { attachments: [] };
  return new Promise((resolve, reject) => {
    // mailparser may report an error and still end: the first outcome counts.
    let settled = false;
    const fail = (err: unknown): void => {
      if (settled) return;
      settled = true;
      reject(err instanceof Error ? err : new Error(String(err)));
    };
    parser.on('error', fail);
    parser.on('headers', (headers: Headers) => {
      mail.headers = headers;
      if (parser.headerLines !== false) mail.headerLines = parser.headerLines;
    });
    // Objects come out one at a time: an attachment's content must end before the next is asked for.
    let draining = false;
    const drain = (): void => {
      draining = true;
      for (let data = parser.read(); data !== null; data = parser.read()) {
        if (data.type === 'text') {
          if (data.text !== undefined) mail.text = data.text;
          if (data.textConversionError !== undefined) mail.textConversionError = data.textConversionError;
          continue;
        }
        const part = data;
        const keep = contentIsRead(part.contentType);
        const chunks: Buffer[] = [];
        part.content.on('data', (chunk: Buffer) => {
          if (keep) chunks.push(chunk);
        });
        part.content.once('end', () => {
          mail.attachments.push({ ...part, content: Buffer.concat(chunks), release: null, checksum: '', size: 0 });
          part.release?.();
          drain();
        });
        return;
      }
      draining = false;
    };
    parser.on('readable', () => {
      if (!draining) drain();
    });
    parser.once('end', () => {
      if (settled) return;
      settled = true;
      const headers: Headers = mail.headers ?? new Map<string, HeaderValue>();
      const subject = headers.get('subject');
      const from = headers.get('from');
      resolve({
        ...mail,
        headers,
        headerLines: mail.headerLines ?? [],
        ...(typeof subject === 'string' ? { subject } : {}),
        ...(from !== undefined && typeof from === 'object' && 'text' in from ? { from: from as AddressObject } : {}),
      });
    });
    input.once('error', (err) => {
      input.destroy();
      parser.destroy();
      fail(err);
    });
    input.pipe(parser);
  });
}

/** mailparser's reading of a message: the reference, and the fallback of the light reader. */
async function parseWithMailparser(original: Buffer | string): Promise<BounceEmail> {
  const { raw, cut } = capHeaderFields(original);
  const mail = await readWithMailparser(piecesOf(raw));
  const hasDsn = mail.attachments.some((a) => DSN_TYPES.has(typeOf(a)));
  const embedded = hasDsn ? [] : await embeddedDeliveryStatus(mail.attachments);
  const email = finishEmail(
    {
      headerLines: mail.headerLines,
      subject: mail.subject ?? '',
      from: mail.from?.text ?? '',
      text: mail.text ?? '',
      attachments: mail.attachments.map(viewOf),
      contentType: contentTypeOf(mail),
      decodeWords: libmimeDecodeWords,
    },
    raw,
    embedded,
  );
  if (cut) email.warnings.push(`A header field longer than ${MAX_LINE_CHARS} characters (MAX_LINE_CHARS) was cut to that length.`);
  // mailparser leaves HTML over its limit unconverted, and says so only here.
  if (mail.textConversionError?.message.startsWith('HTML too long') === true) {
    email.warnings.push(`An HTML part is larger than ${MAX_HTML_TO_TEXT} characters (MAX_HTML_TO_TEXT); it was not turned into text, so its words were not read.`);
  }
  return email;
}

/**
 * Reads a raw email and keeps what bounce extractors read. mailparser is the
 * reader of record; the light reader (light/) answers first for the
 * common shapes of a bounce and gives exactly mailparser's result, or declines
 * and mailparser reads the message. Rejects (throws) only when mailparser
 * itself fails on the bytes.
 */
export async function parseEmail(raw: Buffer | string, options: ParseEmailOptions = {}): Promise<BounceEmail> {
  if (options.reader !== 'mailparser') {
    const light = lightParse(raw);
    if (light !== null) return light;
  }
  return parseWithMailparser(raw);
}

/** First value of a header, or '' when absent. */
export function header(email: BounceEmail, name: string): string {
  return email.headers.get(name.toLowerCase())?.[0] ?? '';
}
