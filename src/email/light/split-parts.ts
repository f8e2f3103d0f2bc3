// The part walk: the MIME tree, split the way mailsplit splits it.
import { LIGHT_MAX_HEADER_BYTES, LIGHT_MAX_PARTS } from '../../limits';
import { decline } from './decline';
import { CR, DASH, LF, newPart, type Part } from './part';
import { readPartHeaders } from './part-headers';

const NEXT_DELIMITER = Buffer.from('\n--');
const CR_DELIMITER = Buffer.from('\n\r-');

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
// this many, and a run of CRs before the LF. A rule of mailsplit's that the walk
// must copy to split as it does, not a guard of ours: it stays here, not in
// limits.ts.
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
export function splitParts(buf: Buffer): Part[] {
  // mailsplit reads a line that starts with a lone CR and then "--" as a
  // delimiter; such lines are too odd to be worth following here.
  if (buf.indexOf(CR_DELIMITER) !== -1 || (buf[0] === CR && buf[1] === DASH)) decline('CR before a delimiter');
  const parts: Part[] = [];
  let part = newPart(null, 0);
  let inHead = true;
  let inEpilogue = false;
  let pos = 0;
  const open = (parent: Part, at: number): void => {
    if (parts.length >= LIGHT_MAX_PARTS) decline('LIGHT_MAX_PARTS');
    part = newPart(parent, at);
    inHead = true;
    inEpilogue = false;
  };
  while (pos < buf.length) {
    if (inHead) {
      const end = lineEndOf(buf, pos);
      // A delimiter before the blank line: mailsplit drops the part unseen.
      if (part.parent !== null && delimiterKind(buf, pos, end, part, inEpilogue).kind !== 0) decline('delimiter inside part headers');
      const blank = (end - pos === 1 && buf[pos] === LF) || (end - pos === 2 && buf[pos] === CR && buf[pos + 1] === LF);
      pos = end;
      if (pos - part.headerStart > LIGHT_MAX_HEADER_BYTES) decline('LIGHT_MAX_HEADER_BYTES');
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
    if (part.parent !== null) decline('part headers run to the end');
    part.headerEnd = buf.length;
    readPartHeaders(buf, part);
    part.bodyStart = buf.length;
    part.bodyEnd = buf.length;
    parts.push(part);
  }
  return parts;
}
