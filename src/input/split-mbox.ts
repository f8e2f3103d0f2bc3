// A streaming mbox splitter (mboxrd). Each message is cut at the next line that
// starts with "From ", the "From " line itself is dropped, and one ">" is taken
// off every line matching /^>+From / (mboxrd quoting). mboxo files, which quote
// only "From ", can't be told apart for sure; un-quoting every /^>+From / line
// is the usual compromise. Works on Buffers, so any charset and CRLF pass
// through byte for byte (notes/ECOSYSTEM.md §4).

import { MAX_MESSAGE_BYTES } from '../limits';

/** One message of an mbox: its bytes, and whether the size limit cut it. */
export interface MboxMessage {
  data: Buffer;
  truncated: boolean;
}

const LF = 0x0a;
const CR = 0x0d;
const GT = 0x3e;
const FROM = Buffer.from('From ');

function startsWithFrom(buf: Buffer, at: number, end: number): boolean {
  return end - at >= FROM.length && buf.compare(FROM, 0, FROM.length, at, at + FROM.length) === 0;
}

/** Splits an mbox read as a stream of chunks; yields each message as soon as the next one starts. */
export async function* splitMbox(
  chunks: AsyncIterable<Buffer>,
  // Guard: a message larger than this is cut, and the rest of it skipped, so one
  // huge message (or a file that never says "From " again) can't fill memory.
  limit = MAX_MESSAGE_BYTES,
): AsyncGenerator<MboxMessage> {
  let parts: Buffer[] | null = null; // null until the first "From " line: bytes before it are not a message
  let size = 0;
  let truncated = false;
  let carry: Buffer | null = null;

  const push = (line: Buffer): void => {
    if (parts === null) return;
    if (size + line.length > limit) {
      if (size < limit) parts.push(line.subarray(0, limit - size));
      size = limit;
      truncated = true;
      return;
    }
    parts.push(line);
    size += line.length;
  };
  const finish = (): MboxMessage => {
    let data = Buffer.concat(parts ?? [], size);
    // The blank line before the next "From " separates messages; it is not part of the last one.
    const n = data.length;
    if (n >= 2 && data[n - 1] === LF && data[n - 2] === LF) data = data.subarray(0, n - 1);
    else if (n >= 4 && data[n - 1] === LF && data[n - 2] === CR && data[n - 3] === LF && data[n - 4] === CR) {
      data = data.subarray(0, n - 2);
    }
    const message = { data, truncated };
    parts = [];
    size = 0;
    truncated = false;
    return message;
  };

  for await (const chunk of chunks) {
    const buf: Buffer = carry === null ? chunk : Buffer.concat([carry, chunk]);
    carry = null;
    let start = 0;
    // Lines are kept in runs (one slice from `run` up to a line that needs
    // handling), not one slice per line: a 2 MB attachment is 27,000 lines.
    let run = 0;
    for (let nl = buf.indexOf(LF, start); nl !== -1; nl = buf.indexOf(LF, start)) {
      const end = nl + 1;
      if (startsWithFrom(buf, start, end)) {
        if (start > run) push(buf.subarray(run, start));
        if (parts !== null) yield finish();
        parts = [];
        run = end;
      } else if (buf[start] === GT) {
        let i = start;
        while (i < end && buf[i] === GT) i++;
        if (startsWithFrom(buf, i, end)) {
          if (start > run) push(buf.subarray(run, start));
          push(buf.subarray(start + 1, end));
          run = end;
        }
      }
      start = end;
    }
    if (start > run) push(buf.subarray(run, start));
    if (start < buf.length) {
      // Guard: a "line" with no newline for megabytes is kept only up to the
      // limit, so a file of one endless line can't grow the carry without end.
      const rest = buf.subarray(start);
      if (rest.length > limit) {
        push(rest);
        carry = null;
      } else {
        carry = rest;
      }
    }
  }
  if (carry !== null) {
    if (startsWithFrom(carry, 0, carry.length)) {
      if (parts !== null) yield finish();
      parts = [];
    } else {
      push(carry);
    }
  }
  if (parts !== null) yield finish();
}
