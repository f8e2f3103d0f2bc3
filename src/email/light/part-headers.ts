// A part's header block and the MIME facts read from it: type, parameters,
// transfer encoding, disposition, boundary.
import type { HeaderLine } from '../finish-email';
import { decline } from './decline';
import { headerLinesOf, headerValue } from './header-lines';
import { parseHeaderValue } from './header-params';
import type { Part } from './part';

/** The first value of a structural MIME header; only plain ASCII is followed. */
function mimeHeader(lines: readonly HeaderLine[], key: string): string | null {
  const line = lines.find((l) => l.key === key);
  if (line === undefined) return null;
  // Non-ASCII: mailsplit tries it as UTF-8 first; comments and escapes: libmime's rules are subtle.
  if (/[^\x20-\x7e\r\n\t]|\\/.test(line.line) || hasComment(line.line)) decline(hasComment(line.line) ? `${key}: comment` : `${key}: non-ASCII or backslash`);
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

/** Reads a part's header block and the MIME facts mailsplit takes from it (MimeNode#parseHeaders). */
export function readPartHeaders(buf: Buffer, part: Part): void {
  part.lines = headerLinesOf(buf.toString('latin1', part.headerStart, part.headerEnd), part.parent === null);
  const typeHeader = mimeHeader(part.lines, 'content-type');
  const dispositionHeader = mimeHeader(part.lines, 'content-disposition');
  const encodingHeader = mimeHeader(part.lines, 'content-transfer-encoding');
  const disposition = parseHeaderValue(dispositionHeader ?? '');
  // Without a Content-Type, mailsplit guesses from a file name: not followed.
  if (typeHeader === null && dispositionHeader !== null) decline('Content-Disposition without Content-Type');
  const type = parseHeaderValue(typeHeader ?? 'text/plain');
  const contentType = type.value.toLowerCase().trim();
  if (contentType === '' || contentType.includes('=?')) decline('content type empty or encoded');
  part.contentType = contentType;
  part.params = type.params;
  part.encoding = (encodingHeader ?? '').toLowerCase().trim();
  part.disposition = disposition.value.toLowerCase().trim();
  if (part.disposition.includes('=?')) decline('disposition encoded');
  part.hasFilename = (disposition.params.filename ?? type.params.name ?? '') !== '';
  // "multipart/" with no subtype is a leaf to mailsplit but a multipart to mailparser.
  if (contentType === 'multipart/') decline('multipart/ without subtype');
  part.multipart = contentType.startsWith('multipart/');
  const boundary = (type.params.boundary ?? '').trimEnd();
  if (!part.multipart) {
    // A boundary on a part that is not a multipart still splits it in mailsplit.
    if (boundary !== '') decline('boundary on a leaf');
    return;
  }
  // No usable boundary: mailparser finds no parts, and finishEmail's raw-body
  // rules take over; rare enough to leave to mailparser.
  if (boundary === '' || !/^[\x20-\x7e]+$/.test(boundary)) decline('multipart without a usable boundary');
  part.boundary = Buffer.from(boundary, 'latin1');
}
