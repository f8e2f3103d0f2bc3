// Guard (MAX_LINE_CHARS) for the message's own header block, before mailparser
// reads it: mailparser parses address fields (From, To…) whole, and a field of
// ~1 MB (a From of non-UTF-8 bytes, say) cost it seconds and hundreds of MB in
// its address parser and HTML escaper (issue 15, item 16). A field longer than
// MAX_LINE_CHARS is cut to that length first, as the lines of every other part
// are (finish-email.ts), so what mailparser is given is bounded.
import { MAX_HEADER_BYTES, MAX_LINE_CHARS } from '../limits';

const LF = 0x0a;

/** Where the header block ends (the index of its blank line's LF), or -1 if none within MAX_HEADER_BYTES. */
function headerEnd(raw: Buffer): number {
  let pos = 0;
  const limit = Math.min(raw.length, MAX_HEADER_BYTES + 2);
  while (pos < limit) {
    const nl = raw.indexOf(LF, pos);
    if (nl === -1 || nl >= limit) return -1;
    // A blank line: nothing, or a lone CR, before its LF.
    if (nl === pos || (nl === pos + 1 && raw[pos] === 0x0d)) return nl;
    pos = nl + 1;
  }
  return -1;
}

/** Whether a line starts a new field (it is no folded continuation of the one above). */
function startsField(raw: Buffer, pos: number): boolean {
  return raw[pos] !== 0x20 && raw[pos] !== 0x09;
}

/** The end of a cut field with its trailing blanks and line ends taken off. */
function trimEnd(raw: Buffer, start: number, end: number): number {
  let e = end;
  while (e > start && (raw[e - 1] === 0x20 || raw[e - 1] === 0x09 || raw[e - 1] === 0x0d || raw[e - 1] === LF)) e--;
  return e;
}

/**
 * The message with every field of its top header block cut to MAX_LINE_CHARS
 * bytes (folded lines count with their field), and whether one was cut. A
 * message whose header block is shorter than that is returned as it is.
 */
export function capHeaderFields(raw: Buffer | string): { raw: Buffer | string; cut: boolean } {
  const bytes = typeof raw === 'string' ? Buffer.from(raw, 'utf8') : raw;
  const end = headerEnd(bytes);
  const blockEnd = end === -1 ? Math.min(bytes.length, MAX_HEADER_BYTES) : end;
  if (blockEnd <= MAX_LINE_CHARS) return { raw, cut: false };
  const crlf = bytes.indexOf(LF) > 0 && bytes[bytes.indexOf(LF) - 1] === 0x0d;
  const lineEnd = Buffer.from(crlf ? '\r\n' : '\n');
  const pieces: Buffer[] = [];
  let cut = false;
  let fieldStart = 0;
  let pos = 0;
  // One field at a time: its lines run until a line that starts a new field.
  while (pos < blockEnd) {
    const nl = bytes.indexOf(LF, pos);
    const next = nl === -1 || nl >= blockEnd ? blockEnd : nl + 1;
    if (next >= blockEnd || startsField(bytes, next)) {
      if (next - fieldStart > MAX_LINE_CHARS) {
        pieces.push(bytes.subarray(fieldStart, trimEnd(bytes, fieldStart, fieldStart + MAX_LINE_CHARS)), lineEnd);
        cut = true;
      } else {
        pieces.push(bytes.subarray(fieldStart, next));
      }
      fieldStart = next;
    }
    pos = next;
  }
  if (!cut) return { raw, cut: false };
  pieces.push(bytes.subarray(blockEnd));
  return { raw: Buffer.concat(pieces), cut: true };
}
