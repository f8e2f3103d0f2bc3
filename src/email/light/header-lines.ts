// Header blocks: the raw lines of a block and the value of one line.
import type { HeaderLine } from '../finish-email';
import { decline } from './decline';
import { CR, LF } from './part';

/** The header lines of a block (mailsplit's Headers#_parseHeaders). Lines are latin1, folds joined with CRLF. */
export function headerLinesOf(block: string, top: boolean): HeaderLine[] {
  let end = block.length;
  while (end > 0 && (block.charCodeAt(end - 1) === LF || block.charCodeAt(end - 1) === CR)) end--;
  const raw = block.slice(0, end).split(/\r?\n/);
  let i = 1;
  let first = raw[0] ?? '';
  while (i < raw.length && folded(raw[i] ?? '')) first += '\r\n' + (raw[i++] ?? '');
  const lines: { key: string; line: string }[] = [];
  if (/^From /i.test(first) || /^POST /i.test(first)) {
    // An mbox "From " line (or an HTTP request line) is not a header.
    if (!top) decline('part header: From_ line');
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
      return decline('header: fold before the first line');
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
export function headerValue(line: string): string {
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

/** A top-level header value as mailparser reads it: unfolded, trimmed, its 8-bit bytes read as UTF-8. */
export function mailparserValue(line: HeaderLine): string {
  const value = headerValue(line.line).trim();
  return /[\x80-\xff]/.test(value) ? Buffer.from(value, 'latin1').toString('utf8') : value;
}
