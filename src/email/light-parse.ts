// A light, synchronous MIME reader for the common shape of a bounce.
//
// mailparser (parse-email.ts) is the reader of record: this one exists only
// because mailparser costs ~85 ms to load and ~290 µs a message, more than the
// rest of the pipeline together (docs/performance.md). It returns exactly the
// BounceEmail that mailparser gives — it follows mailparser 3.14 and its
// splitter (@zone-eu/mailsplit) rule by rule — or null as soon as it meets
// anything it does not handle, and mailparser then reads the message as
// before. test/light-parse.test.ts checks the two agree on every fixture and
// on the shared corpus.
//
// Handled: header blocks with folding; RFC 2047 encoded words in Subject and
// From for UTF-8 and the Latin-1 family; multipart/* split by boundary, nested
// up to LIGHT_MAX_DEPTH; text parts in 7bit, 8bit, quoted-printable or base64,
// in UTF-8, US-ASCII, ISO-8859-1 or windows-1252, format=flowed included;
// message/delivery-status, message/global-delivery-status, text/rfc822-headers,
// message/feedback-report; message/rfc822 (only its header block is read, the
// returned body is never decoded); any other part is skipped without decoding.
// Declined (null): other charsets, HTML that mailparser would turn into text,
// comments or RFC 2231 in MIME parameters, parts with no blank line after their
// headers, odd dispositions, a forwarded bounce (message/rfc822 holding a
// multipart/report), malformed base64, and any limit below.
import type { BounceEmail } from '../types';
import { finishEmail, headerBlock, isEmbeddedReport, toLf, type HeaderLine, type PartView } from './finish-email';

// Limits of the fast path. Past them the message is not refused, only handed
// to mailparser, which has its own (larger) guards.
/** MIME parts in one message (bounces have 2 to 6). */
const LIGHT_MAX_PARTS = 64;
/** Nesting depth of multiparts. */
const LIGHT_MAX_DEPTH = 8;
/** One header block, in bytes. */
const LIGHT_MAX_HEADER_BYTES = 64 * 1024;

/** Thrown (one shared instance, no stack to build) when the message needs mailparser. */
class Declined extends Error {}
const DECLINED = new Declined('left to mailparser');

function decline(): never {
  throw DECLINED;
}

/** Reads a raw email like parseEmail does with mailparser, or returns null to leave it to mailparser. */
export function lightParse(raw: Buffer | string): BounceEmail | null {
  const buf = typeof raw === 'string' ? Buffer.from(raw) : raw;
  try {
    return readMessage(buf, raw);
  } catch (err) {
    if (err === DECLINED) return null;
    throw err;
  }
}

// ---------------------------------------------------------------------------
// The MIME tree, split the way mailsplit splits it.

interface Part {
  readonly parent: Part | null;
  readonly depth: number;
  readonly headerStart: number;
  headerEnd: number;
  lines: HeaderLine[];
  contentType: string;
  params: Record<string, string>;
  encoding: string;
  disposition: string;
  hasFilename: boolean;
  boundary: Buffer | null;
  multipart: boolean;
  bodyStart: number;
  bodyEnd: number;
}

const LF = 0x0a;
const CR = 0x0d;
const DASH = 0x2d;
const NEXT_DELIMITER = Buffer.from('\n--');
const CR_DELIMITER = Buffer.from('\n\r-');

function newPart(parent: Part | null, start: number): Part {
  const depth = parent === null ? 0 : parent.depth + 1;
  if (depth > LIGHT_MAX_DEPTH) decline();
  return {
    parent,
    depth,
    headerStart: start,
    headerEnd: start,
    lines: [],
    contentType: 'text/plain',
    params: {},
    encoding: '',
    disposition: '',
    hasFilename: false,
    boundary: null,
    multipart: false,
    bodyStart: start,
    bodyEnd: start,
  };
}

/**
 * What a delimiter line means for the current part (mailsplit's checkBoundary):
 * 1 next child of the part, 2 end of the part's own children, 3 next child of
 * an enclosing multipart, 4 end of an enclosing multipart; 0 not a delimiter.
 */
function delimiterKind(buf: Buffer, start: number, end: number, part: Part, inEpilogue: boolean): { kind: number; owner: Part | null } {
  if (end - start < 4 || buf[start] !== DASH || buf[start + 1] !== DASH) return { kind: 0, owner: null };
  if (!inEpilogue && part.boundary !== null) {
    const kind = compareDelimiter(buf, start, end, part.boundary);
    if (kind !== 0) return { kind, owner: null };
  }
  for (let owner = part.parent; owner !== null; owner = owner.parent) {
    if (owner.boundary === null) continue;
    const kind = compareDelimiter(buf, start, end, owner.boundary);
    if (kind !== 0) return { kind: kind + 2, owner };
  }
  return { kind: 0, owner: null };
}

// RFC 2046 allows spaces and tabs after a delimiter; mailsplit accepts up to
// this many, and a run of CRs before the LF.
const DELIMITER_MAX_TRAILER = 2 + 998 + 2;

/** 1 for "--boundary", 2 for "--boundary--" (the only one allowed without a line end), 0 otherwise. */
function compareDelimiter(buf: Buffer, start: number, end: number, boundary: Buffer): number {
  const length = end - start;
  if (length < boundary.length + 3 || length > boundary.length + 2 + DELIMITER_MAX_TRAILER) return 0;
  if (buf.compare(boundary, 0, boundary.length, start + 2, start + 2 + boundary.length) !== 0) return 0;
  let i = start + 2 + boundary.length;
  let kind = 1;
  if (buf[i] === DASH) {
    if (buf[i + 1] !== DASH) return 0;
    kind = 2;
    i += 2;
  }
  while (i < end && (buf[i] === 0x20 || buf[i] === 0x09)) i++;
  if (i === end) return kind === 2 ? 2 : 0;
  while (i < end && buf[i] === CR) i++;
  if (i < end && buf[i] === LF) i++;
  return i === end ? kind : 0;
}

/** End of the line starting at `start`: just past its LF, or the end of the buffer. */
function lineEndOf(buf: Buffer, start: number): number {
  const nl = buf.indexOf(LF, start);
  return nl === -1 ? buf.length : nl + 1;
}

/**
 * Where a leaf's body ends, given the delimiter line that follows it: the line
 * end before a delimiter belongs to the delimiter. mailsplit keeps a body that
 * is one bare line end when a next part follows (kind 1 or 3), not when the
 * multipart closes (kind 4).
 */
function bodyEndBefore(buf: Buffer, bodyStart: number, delimiter: number, kind: number): number {
  let end = delimiter;
  if (end > bodyStart && buf[end - 1] === LF) {
    end--;
    if (end > bodyStart && buf[end - 1] === CR) end--;
  }
  return end === bodyStart && kind !== 4 ? delimiter : end;
}

/** Splits the message into parts in message order (mailsplit's MessageSplitter, for one chunk). */
function splitParts(buf: Buffer): Part[] {
  // mailsplit reads a line that starts with a lone CR and then "--" as a
  // delimiter; such lines are too odd to be worth following here.
  if (buf.indexOf(CR_DELIMITER) !== -1 || (buf[0] === CR && buf[1] === DASH)) decline();
  const parts: Part[] = [];
  let part = newPart(null, 0);
  let inHead = true;
  let inEpilogue = false;
  let pos = 0;
  const open = (parent: Part, at: number): void => {
    if (parts.length >= LIGHT_MAX_PARTS) decline();
    part = newPart(parent, at);
    inHead = true;
    inEpilogue = false;
  };
  while (pos < buf.length) {
    if (inHead) {
      const end = lineEndOf(buf, pos);
      // A delimiter before the blank line: mailsplit drops the part unseen.
      if (part.parent !== null && delimiterKind(buf, pos, end, part, inEpilogue).kind !== 0) decline();
      const blank = (end - pos === 1 && buf[pos] === LF) || (end - pos === 2 && buf[pos] === CR && buf[pos + 1] === LF);
      pos = end;
      if (pos - part.headerStart > LIGHT_MAX_HEADER_BYTES) decline();
      if (!blank) continue;
      part.headerEnd = pos;
      readPartHeaders(buf, part);
      parts.push(part);
      inHead = false;
      part.bodyStart = pos;
      part.bodyEnd = pos;
      continue;
    }
    if (part.parent === null && !part.multipart) {
      // A single-part message: no delimiter can end its body.
      part.bodyEnd = buf.length;
      break;
    }
    // Only a line starting with "--" can be a delimiter: jump to the next one.
    let start = pos;
    if (buf[pos] !== DASH || buf[pos + 1] !== DASH) {
      const found = buf.indexOf(NEXT_DELIMITER, pos);
      start = found === -1 ? -1 : found + 1;
    }
    if (start === -1) {
      part.bodyEnd = buf.length;
      break;
    }
    const end = lineEndOf(buf, start);
    const { kind, owner } = delimiterKind(buf, start, end, part, inEpilogue);
    pos = end;
    if (kind === 0) continue;
    if (!part.multipart) part.bodyEnd = bodyEndBefore(buf, part.bodyStart, start, kind);
    if (kind === 1) open(part, pos);
    else if (kind === 3 && owner !== null) open(owner, pos);
    else if (kind === 4 && owner !== null) {
      part = owner;
      inEpilogue = true;
    }
  }
  // A leaf still open at the end runs to it, line end included.
  if (!inHead && !part.multipart) part.bodyEnd = buf.length;
  if (inHead) {
    // Headers that run to the end with no blank line: mailsplit still reads
    // them, but only the top-level case is common enough to follow.
    if (part.parent !== null) decline();
    part.headerEnd = buf.length;
    readPartHeaders(buf, part);
    part.bodyStart = buf.length;
    part.bodyEnd = buf.length;
    parts.push(part);
  }
  return parts;
}

// ---------------------------------------------------------------------------
// Header blocks.

/** The header lines of a block (mailsplit's Headers#_parseHeaders). Lines are latin1, folds joined with CRLF. */
function headerLinesOf(block: string, top: boolean): HeaderLine[] {
  let end = block.length;
  while (end > 0 && (block.charCodeAt(end - 1) === LF || block.charCodeAt(end - 1) === CR)) end--;
  const raw = block.slice(0, end).split(/\r?\n/);
  let i = 1;
  let first = raw[0] ?? '';
  while (i < raw.length && folded(raw[i] ?? '')) first += '\r\n' + (raw[i++] ?? '');
  const lines: { key: string; line: string }[] = [];
  if (/^From /i.test(first) || /^POST /i.test(first)) {
    // An mbox "From " line (or an HTTP request line) is not a header.
    if (!top) decline();
  } else {
    lines.push({ key: keyBefore(first, first.indexOf(':')), line: first });
  }
  // A line with no colon takes its key from the first colon of its continuation lines.
  let keyPending = false;
  for (; i < raw.length; i++) {
    const text = raw[i] ?? '';
    const last = lines[lines.length - 1];
    if (folded(text) && last !== undefined) {
      const colon = text.indexOf(':');
      if (keyPending && colon >= 0) {
        last.key = keyBefore(`${last.line}\r\n${text}`, last.line.length + 2 + colon);
        keyPending = false;
      }
      last.line += `\r\n${text}`;
    } else if (folded(text)) {
      return decline();
    } else {
      const colon = text.indexOf(':');
      lines.push({ key: keyBefore(text, colon), line: text });
      keyPending = colon < 0;
    }
  }
  return lines;
}

/** Whether a header line continues the one before it. */
function folded(text: string): boolean {
  const first = text.charCodeAt(0);
  return first === 0x20 || first === 0x09;
}

/** The lower-case name before a header's colon; '' when there is no colon (as String#substr(0, -1) gives). */
function keyBefore(line: string, colon: number): string {
  return colon < 0 ? '' : line.slice(0, colon).toLowerCase().trim();
}

/** A header line's value, unfolded and trimmed (libmime's decodeHeader). */
function headerValue(line: string): string {
  const unfolded = (line.includes('\n') || line.includes('\r') ? line.replace(/(?:\r?\n|\r)[ \t]*/g, ' ') : line).trim();
  // The value is trimmed, so libmime's leading \s* in /^\s*([^:]+):(.*)$/ matches nothing here.
  // That is /^[^:]+:(.*)$/ without the regex: a name before the first colon, and
  // no line terminator after it (unfolding left only U+2028 and U+2029 possible).
  const colon = unfolded.indexOf(':');
  if (colon < 1) return '';
  const rest = unfolded.slice(colon + 1);
  if (/[\n\r\u2028\u2029]/.test(rest)) return '';
  return rest.trim();
}

/** The first value of a structural MIME header; only plain ASCII is followed. */
function mimeHeader(lines: readonly HeaderLine[], key: string): string | null {
  const line = lines.find((l) => l.key === key);
  if (line === undefined) return null;
  // Non-ASCII: mailsplit tries it as UTF-8 first; comments and escapes: libmime's rules are subtle.
  if (/[^\x20-\x7e\r\n\t]|\\/.test(line.line) || hasComment(line.line)) decline();
  return headerValue(line.line);
}

/** Whether a "(" stands outside double quotes (a comment, which libmime strips). */
function hasComment(text: string): boolean {
  if (!text.includes('(')) return false;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) quoted = !quoted;
    else if (c === 0x28 && !quoted) return true;
  }
  return false;
}

interface HeaderValue {
  value: string;
  params: Record<string, string>;
}

const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === '\f' || c === '\v';

/**
 * "type/subtype; key=value; key2="quoted"" split like libmime's parseHeaderValue,
 * for values with no comments, escapes or RFC 2231 parameters (mimeHeader and the
 * check below decline those).
 */
function parseHeaderValue(text: string): HeaderValue {
  const simple = splitHeaderValue(text);
  if (simple !== null) return simple;
  const result: HeaderValue = { value: '', params: {} };
  let key: string | null = null;
  let inKey = false;
  let value = '';
  let valueEnd = 0;
  let quote = false;
  let quoteClosed = false;
  const commit = (): void => {
    const collected = value.slice(0, valueEnd);
    value = '';
    valueEnd = 0;
    if (inKey) {
      const name = collected.toLowerCase();
      if (name !== '' && !Object.hasOwn(result.params, name)) result.params[name] = '';
    } else if (key === null) result.value = collected;
    else if (!Object.hasOwn(result.params, key)) result.params[key] = collected;
  };
  for (const c of text) {
    if (inKey) {
      if (c === '=') {
        key = value.slice(0, valueEnd).toLowerCase();
        value = '';
        valueEnd = 0;
        inKey = false;
      } else if (c === ';') commit();
      else if (isSpace(c)) {
        if (value.length > 0) value += c;
      } else {
        value += c;
        valueEnd = value.length;
      }
      continue;
    }
    if (quoteClosed && c !== ';') continue;
    if (c === '"') {
      quoteClosed = quote;
      quote = !quote;
    } else if (!quote && c === ';') {
      commit();
      inKey = true;
      quoteClosed = false;
    } else if (!quote && isSpace(c)) {
      if (value.length > 0) value += c;
    } else {
      value += c;
      valueEnd = value.length;
    }
  }
  commit();
  for (const name of Object.keys(result.params)) {
    // RFC 2231 continuations and charsets (name*=, name*0=): left to mailparser.
    if (/\*(?:\d+\*?)?$/.test(name)) decline();
  }
  return result;
}

/**
 * parseHeaderValue for the common shapes, by splitting at ";" and "=": each
 * piece trimmed of the blanks libmime skips, a parameter value either bare or
 * wholly in quotes (kept as is inside them). null for anything else, such as a
 * ";" in quotes, which the full reading handles.
 */
function splitHeaderValue(text: string): HeaderValue | null {
  const pieces = text.split(';');
  const first = pieces[0] ?? '';
  if (first.includes('"')) return null;
  const result: HeaderValue = { value: first.trim(), params: {} };
  for (let i = 1; i < pieces.length; i++) {
    const piece = pieces[i] ?? '';
    const eq = piece.indexOf('=');
    const key = eq === -1 ? piece : piece.slice(0, eq);
    if (key.includes('"')) return null;
    const name = key.trim().toLowerCase();
    let value = eq === -1 ? '' : piece.slice(eq + 1).trim();
    if (value.includes('"')) {
      const inner = value.slice(1, -1);
      if (value.length < 2 || !value.startsWith('"') || !value.endsWith('"') || inner.includes('"')) return null;
      value = inner;
    }
    if ((eq === -1 && name === '') || Object.hasOwn(result.params, name)) continue;
    result.params[name] = value;
  }
  for (const name of Object.keys(result.params)) {
    if (/\*(?:\d+\*?)?$/.test(name)) decline();
  }
  return result;
}

/** Reads a part's header block and the MIME facts mailsplit takes from it (MimeNode#parseHeaders). */
function readPartHeaders(buf: Buffer, part: Part): void {
  part.lines = headerLinesOf(buf.toString('latin1', part.headerStart, part.headerEnd), part.parent === null);
  const typeHeader = mimeHeader(part.lines, 'content-type');
  const dispositionHeader = mimeHeader(part.lines, 'content-disposition');
  const encodingHeader = mimeHeader(part.lines, 'content-transfer-encoding');
  const disposition = parseHeaderValue(dispositionHeader ?? '');
  // Without a Content-Type, mailsplit guesses from a file name: not followed.
  if (typeHeader === null && dispositionHeader !== null) decline();
  const type = parseHeaderValue(typeHeader ?? 'text/plain');
  const contentType = type.value.toLowerCase().trim();
  if (contentType === '' || contentType.includes('=?')) decline();
  part.contentType = contentType;
  part.params = type.params;
  part.encoding = (encodingHeader ?? '').toLowerCase().trim();
  part.disposition = disposition.value.toLowerCase().trim();
  if (part.disposition.includes('=?')) decline();
  part.hasFilename = (disposition.params.filename ?? type.params.name ?? '') !== '';
  // "multipart/" with no subtype is a leaf to mailsplit but a multipart to mailparser.
  if (contentType === 'multipart/') decline();
  part.multipart = contentType.startsWith('multipart/');
  const boundary = (type.params.boundary ?? '').trimEnd();
  if (!part.multipart) {
    // A boundary on a part that is not a multipart still splits it in mailsplit.
    if (boundary !== '') decline();
    return;
  }
  // No usable boundary: mailparser finds no parts, and finishEmail's raw-body
  // rules take over; rare enough to leave to mailparser.
  if (boundary === '' || !/^[\x20-\x7e]+$/.test(boundary)) decline();
  part.boundary = Buffer.from(boundary, 'latin1');
}

// ---------------------------------------------------------------------------
// Bodies.

function transferDecode(buf: Buffer, part: Part): Buffer {
  const body = buf.subarray(part.bodyStart, part.bodyEnd);
  if (part.encoding === 'base64') return decodeBase64Body(body);
  if (part.encoding === 'quoted-printable') return decodeQuotedPrintable(body.toString('latin1'));
  return body;
}

/** Well-formed base64 only (padding at the very end); anything looser is left to mailparser's decoder. */
function decodeBase64Body(body: Buffer): Buffer {
  const text = body.toString('latin1').replace(/[^\d+/=a-z]/gi, '');
  if (text.length % 4 !== 0 || !/^[\d+/a-z]*={0,2}$/i.test(text)) decline();
  return Buffer.from(text, 'base64');
}

function hexDigit(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x41 && code <= 0x46) return code - 0x37;
  if (code >= 0x61 && code <= 0x66) return code - 0x57;
  return -1;
}

/** Quoted-printable as libqp decodes a whole body: trailing blanks and soft breaks dropped, =XX decoded. */
function decodeQuotedPrintable(latin1: string): Buffer {
  const text = latin1.replace(/(^|[^ \t])[ \t]+(?=[\n\r\u2028\u2029]|$)/g, '$1').replace(/[=](?:\r?\n|$)/g, '');
  const out = Buffer.allocUnsafe(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x3d && i < text.length - 2) {
      const hi = hexDigit(text.charCodeAt(i + 1));
      const lo = hexDigit(text.charCodeAt(i + 2));
      if (hi >= 0 && lo >= 0) {
        out[n++] = hi * 16 + lo;
        i += 2;
        continue;
      }
    }
    out[n++] = code;
  }
  return out.subarray(0, n);
}

/** format=flowed unwrapping (RFC 3676), on a latin1 string, the way libmime's decodeFlowed does it. */
function unwrapFlowed(text: string, delSp: boolean): string {
  const out: string[] = [];
  let pieces: string[] = [];
  let piecesLength = 0;
  let depth = 0;
  let prefix = '';
  const add = (piece: string): void => {
    if (piece === '') return;
    pieces.push(piece);
    piecesLength += piece.length;
  };
  const lines = text.split(/\r?\n/);
  lines.forEach((line, index) => {
    let lineDepth = 0;
    while (line.charCodeAt(lineDepth) === 0x3e) lineDepth++;
    const prefixLength = lineDepth > 0 && line.charCodeAt(lineDepth) === 0x20 ? lineDepth + 1 : lineDepth;
    const content = line.slice(prefixLength);
    const last = pieces[pieces.length - 1] ?? '';
    const signature = piecesLength === 3 && pieces.join('') === '-- ';
    if (lineDepth === depth && last.endsWith(' ') && !signature) {
      if (delSp) {
        pieces.pop();
        piecesLength -= last.length;
        add(last.slice(0, -1));
        add(content);
      } else {
        add(lineDepth > 0 ? content : content.replace(/^ /, ''));
      }
      return;
    }
    if (index > 0) out.push(prefix + pieces.join(''));
    pieces = [];
    piecesLength = 0;
    depth = lineDepth;
    prefix = line.slice(0, prefixLength);
    add(content);
  });
  if (piecesLength > 0 || prefix !== '') out.push(prefix + pieces.join(''));
  return out.join('\n').replace(/^ /gm, '');
}

// iconv-lite's windows-1252 for 0x80–0x9F (libmime reads ISO-8859-1 and US-ASCII as windows-1252 too).
const CP1252_HIGH =
  '\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd' +
  '\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178';

function decodeCp1252(bytes: Buffer): string {
  return bytes.toString('latin1').replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH.charAt(c.charCodeAt(0) - 0x80));
}

// The charset names libmime maps to UTF-8 and to windows-1252 that this reader follows.
const UTF8_NAMES = new Set(['utf-8', 'utf8']);
const CP1252_NAMES = new Set([
  'us-ascii',
  'ascii',
  'iso-8859-1',
  'iso8859-1',
  'iso_8859-1',
  'iso88591',
  'latin1',
  'l1',
  'windows-1252',
  'cp1252',
  'x-cp1252',
]);

/** libmime's canonical name for the charsets followed here; declines any other. */
function charsetFamily(charset: string): 'utf-8' | 'windows-1252' {
  const name = charset.toLowerCase().trim();
  if (UTF8_NAMES.has(name)) return 'utf-8';
  if (CP1252_NAMES.has(name)) return 'windows-1252';
  return decline();
}

/** An inline text/plain part as mailparser's textContent: transfer-decoded, unflowed, charset-decoded, LF-only. */
function textContentOf(buf: Buffer, part: Part): string {
  let bytes = transferDecode(buf, part);
  if ((part.params.format ?? '').toLowerCase().trim() === 'flowed') {
    const delSp = (part.params.delsp ?? '').toLowerCase().trim() === 'yes';
    bytes = Buffer.from(unwrapFlowed(bytes.toString('latin1'), delSp), 'latin1');
  }
  const charset = part.params.charset ?? '';
  // mailparser reads ASCII and UTF-8 (and no charset) as UTF-8, and hands every other name to libmime.
  const plain = charset === '' || ['ascii', 'usascii', 'utf8'].includes(charset.toLowerCase().replace(/[^a-z0-9]+/g, ''));
  const text = plain || charsetFamily(charset) === 'utf-8' ? bytes.toString('utf8') : decodeCp1252(bytes);
  return text.includes('\r') ? text.replace(/\r?\n/g, '\n') : text;
}

/** Whether bytes [start, end) hold a CR that is not the first half of a CRLF. */
function hasLoneCr(buf: Buffer, start: number, end: number): boolean {
  for (let at = buf.indexOf(CR, start); at !== -1 && at < end; at = buf.indexOf(CR, at + 1)) {
    if (at + 1 >= end || buf[at + 1] !== LF) return true;
  }
  return false;
}

/**
 * The header block of a returned message, read from its raw bytes without
 * decoding its body: the same text as headerBlock() of the whole part, which
 * cuts at the first empty line once line ends are made LF.
 */
function returnedHeaderBlock(buf: Buffer, part: Part): string {
  if (part.encoding === 'base64' || part.encoding === 'quoted-printable') decline();
  const { bodyStart: start, bodyEnd: end } = part;
  // The first line end followed by another one ("\n\n", "\n\r\n").
  let at = buf.indexOf(LF, start);
  while (at !== -1 && at + 1 < end && buf[at + 1] !== LF && buf[at + 1] !== CR) at = buf.indexOf(LF, at + 1);
  const cut = at !== -1 && at + 1 < end ? at + 1 : end;
  // A lone CR is a line end to toLf: it could make an earlier empty line.
  if (hasLoneCr(buf, start, cut)) decline();
  return headerBlock(buf.toString('utf8', start, cut));
}

// ---------------------------------------------------------------------------
// Subject and From.

// The one place a thrown error is a decision: libmime's decoding steps run as
// regex callbacks, and a charset outside the two families stops the whole read.

/** libmime's decodeWord for the followed charsets. */
function decodeWord(charset: string, encoding: string, text: string): string {
  const star = charset.indexOf('*');
  const family = charsetFamily(star === -1 ? charset : charset.slice(0, star));
  let bytes: Buffer;
  if (encoding.toUpperCase() === 'Q') {
    const utf8 = Buffer.from(text.replace(/=\s+([\da-f])/gi, '=$1').replace(/[_\s]/g, ' '));
    const out: number[] = [];
    for (let i = 0; i < utf8.length; i++) {
      const c = utf8[i] ?? 0;
      if (i <= utf8.length - 2 && c === 0x3d) {
        const hi = hexDigit(utf8[i + 1] ?? -1);
        const lo = hexDigit(utf8[i + 2] ?? -1);
        if (hi >= 0 && lo >= 0) {
          out.push(hi * 16 + lo);
          i += 2;
          continue;
        }
      }
      out.push(c);
    }
    bytes = Buffer.from(out);
  } else {
    bytes = decodeBase64Word(text);
  }
  return family === 'utf-8' ? bytes.toString('utf8') : decodeCp1252(bytes);
}

/** libbase64's decode: a string of several padded segments is decoded segment by segment. */
function decodeBase64Word(text: string): Buffer {
  const clean = /[\u0100-\uffff]/.test(text) ? text.replace(/[\u0100-\uffff]+/g, '') : text;
  const pad = clean.indexOf('=');
  if (pad === -1 || !/[\w+/-]/.test(clean.slice(pad))) return Buffer.from(clean, 'base64');
  const out = Buffer.alloc(Math.floor((clean.length * 3) / 4));
  let length = 0;
  for (let start = 0; start <= clean.length; ) {
    let end = clean.indexOf('=', start);
    if (end < 0) end = clean.length;
    if (end > start) length += out.write(clean.substring(start, end), length, 'base64');
    start = end + 1;
  }
  return Buffer.from(out.subarray(0, length));
}

/** libmime's decodeWords: adjacent encoded words of one charset are joined before decoding. */
function decodeWords(text: string): string {
  if (!text.includes('=?')) return text;
  const sameFamily = (left: string, right: string): boolean => charsetFamily(left) === charsetFamily(right);
  // libmime marks the joins with this NUL-framed word; it is kept so that results match byte for byte.
  const join = '__\0JOIN\0__';
  return text
    .replace(/(=\?([^?]+)\?b\?[^?]*\?=)\s*(?==\?([^?]+)\?b\?[^?]*\?=)/gi, (match, left: string, a: string, b: string) =>
      sameFamily(a, b) ? `${left}${join}` : match,
    )
    .replace(/(=\?([^?]+)\?q\?[^?]*\?=)\s*(?==\?([^?]+)\?q\?[^?]*\?=)/gi, (match, left: string, a: string, b: string) =>
      sameFamily(a, b) ? `${left}${join}` : match,
    )
    .replace(/(?:\?=)?__\0JOIN\0__(?:=\?[^?]+\?[bq]\?)?/gi, '')
    .replace(/(=\?[^?]+\?[bq]\?[^?]*\?=)\s+(?==\?[^?]+\?[bq]\?[^?]*\?=)/gi, '$1')
    .replace(/=\?([\w*-]+)\?([bq])\?([^?]*)\?=/gi, (_m, charset: string, encoding: string, payload: string) =>
      decodeWord(charset, encoding, payload),
    );
}

/** A top-level header value as mailparser reads it: unfolded, trimmed, its 8-bit bytes read as UTF-8. */
function mailparserValue(line: HeaderLine): string {
  const value = headerValue(line.line).trim();
  return /[\x80-\xff]/.test(value) ? Buffer.from(value, 'latin1').toString('utf8') : value;
}

function subjectOf(lines: readonly HeaderLine[]): string {
  for (const line of lines) {
    if (line.key !== 'subject') continue;
    const value = decodeWords(mailparserValue(line));
    if (value !== '') return value;
  }
  return '';
}

// The From forms bounces use, read the way nodemailer's addressparser reads them:
//   addr | <addr> | <> | word | Name <addr> | "Name" <addr> | addr (Comment) | <addr> (Comment) | Name <addr> (Comment)
const PLAIN_ADDRESS = /^[\w!#$%&'*+/=?^`{|}~.-]+@[\d.a-z-]+$/i;
const PLAIN_WORD = /^[\w!#$%&'*+/=?^`{|}~.-]+$/;
// A phrase: no specials, no control or Unicode space characters, no "@".
const PHRASE = /^[^\s"(),:;<>@[\]\\]+(?: [^\s"(),:;<>@[\]\\]+)*$/u;
const QUOTED = /^"([^"\\\p{Cc}]+)"$/u;
// A comment's text (checked apart to be non-blank).
const COMMENT = /^\(([^()\\\p{Cc}]*)\)$/u;
const UNICODE_SPACE = /[\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

function formatAddress(address: string, name: string): string {
  // addressparser: a name equal to the address is dropped, an "address" with no "@" is a name.
  let addr = address;
  let display = name.trim();
  if (addr === display) {
    if (addr.includes('@')) display = '';
    else addr = '';
  }
  if (addr.includes('=?') || addr.includes('@xn--')) decline();
  if (display !== '') display = decodeWords(display);
  if (display === '') return addr;
  const quoted = `"${display.replace(/["\\]/g, '\\$&')}"`;
  return addr === '' ? quoted : `${quoted} <${addr}>`;
}

/** The text of a simple "(comment)": not blank, not nested, no escapes. */
function commentText(comment: string): string {
  const text = (COMMENT.exec(comment)?.[1] ?? '').trim();
  return text === '' ? decline() : text;
}

function fromOf(lines: readonly HeaderLine[]): string {
  const line = lines.find((l) => l.key === 'from');
  if (line === undefined) return '';
  const value = mailparserValue(line);
  if (value === '') return '';
  if (UNICODE_SPACE.test(value) || /\p{Cc}/u.test(value)) decline();
  // A trailing " (comment)", then "phrase <address>" or a bare token.
  let rest = value;
  let comment: string | undefined;
  if (value.endsWith(')')) {
    const open = value.lastIndexOf(' (');
    if (open === -1) decline();
    comment = value.slice(open + 1);
    rest = value.slice(0, open);
  }
  if (!rest.endsWith('>')) {
    // addr | word | addr (Comment)
    if (rest === '' || /\s/.test(rest)) decline();
    if (comment !== undefined) {
      if (!PLAIN_ADDRESS.test(rest)) decline();
      return formatAddress(rest, commentText(comment));
    }
    if (PLAIN_ADDRESS.test(rest)) return formatAddress(rest, '');
    if (PLAIN_WORD.test(rest) && !rest.includes('@')) return formatAddress(rest, rest);
    return decline();
  }
  const open = rest.lastIndexOf('<');
  if (open === -1) decline();
  const address = rest.slice(open + 1, -1);
  const before = rest.slice(0, open);
  const phrase = before.endsWith(' ') ? before.slice(0, -1) : before;
  if (address !== '' && !PLAIN_ADDRESS.test(address) && !PLAIN_WORD.test(address)) decline();
  let name = '';
  if (phrase !== '') {
    const quoted = QUOTED.exec(phrase);
    if (quoted !== null) name = quoted[1] ?? '';
    else if (PHRASE.test(phrase)) name = phrase;
    else decline();
    if (name.trim() === '' || name !== name.trim()) decline();
  }
  if (comment !== undefined) {
    const text = commentText(comment);
    // A comment names the address only when there is no other name.
    if (name === '') name = text;
  }
  // "Name <>" and "<word>": addressparser makes the text the address, then drops it as a name.
  return formatAddress(address === '' ? name : address, name === '' ? address : name);
}

// ---------------------------------------------------------------------------
// The message.

const TEXT_TYPES = new Set(['text/plain', 'text/html']);

function readMessage(buf: Buffer, raw: Buffer | string): BounceEmail {
  const parts = splitParts(buf);
  const root = parts[0];
  if (root === undefined) decline();
  const attachments: PartView[] = [];
  const texts: string[] = [];
  const htmlParts: { part: Part; inAlternative: boolean }[] = [];
  let hasText = false;
  for (const part of parts) {
    if (part.multipart) continue;
    const type = part.contentType;
    const disposition = part.disposition;
    if (disposition !== '' && disposition !== 'attachment' && disposition !== 'inline') decline();
    const inline = TEXT_TYPES.has(type) && (disposition === '' || disposition === 'inline');
    if (!inline) {
      // mailparser renames application/octet-stream after the file's extension.
      if (type === 'application/octet-stream' && part.hasFilename) decline();
      attachments.push(partView(buf, part));
      continue;
    }
    if (type === 'text/plain') {
      hasText = true;
      const text = textContentOf(buf, part);
      if (text !== '') texts.push(text);
    } else {
      htmlParts.push({ part, inAlternative: hasAncestor(part, 'multipart/alternative') });
    }
  }
  // mailparser turns HTML into text when it stands beside text parts (not as an
  // alternative of one), or is the whole message: html-to-text is not followed here.
  for (const { part, inAlternative } of htmlParts) {
    const converted = (!inAlternative && hasText) || (part.parent === null && !hasText);
    if (converted && part.bodyEnd > part.bodyStart) decline();
  }
  const hasDsn = attachments.some((a) => a.contentType === 'message/delivery-status' || a.contentType === 'message/global-delivery-status');
  // A forwarded bounce: mailparser reads the inner message again (parse-email.ts).
  if (!hasDsn && attachments.some(isEmbeddedReport)) decline();
  return finishEmail(
    {
      headerLines: root.lines,
      subject: subjectOf(root.lines),
      from: fromOf(root.lines),
      text: texts.join('\n'),
      attachments,
      contentType: root.contentType,
    },
    raw,
  );
}

function hasAncestor(part: Part, type: string): boolean {
  for (let p = part.parent; p !== null; p = p.parent) if (p.contentType === type) return true;
  return false;
}

function partView(buf: Buffer, part: Part): PartView {
  let text: string | undefined;
  let header: string | undefined;
  return {
    contentType: part.contentType,
    ...(part.disposition === '' ? {} : { contentDisposition: part.disposition }),
    text: () => (text ??= toLf(transferDecode(buf, part).toString('utf8'))),
    headerBlock: () => (header ??= returnedHeaderBlock(buf, part)),
  };
}
