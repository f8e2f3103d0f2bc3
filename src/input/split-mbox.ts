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

/**
 * The splitter itself, fed one chunk at a time: `push` returns the messages a
 * chunk completes, synchronously (a batch reads them without a promise each),
 * and `end` the last one.
 */
export class MboxSplitter {
  private parts: Buffer[] | null = null; // null until the first "From " line: bytes before it are not a message
  private size = 0;
  private truncated = false;
  private carry: Buffer | null = null;

  // Guard: a message larger than `limit` is cut, and the rest of it skipped, so one
  // huge message (or a file that never says "From " again) can't fill memory.
  constructor(private readonly limit = MAX_MESSAGE_BYTES) {}

  private add(line: Buffer): void {
    const parts = this.parts;
    if (parts === null) return;
    const limit = this.limit;
    if (this.size + line.length > limit) {
      if (this.size < limit) parts.push(line.subarray(0, limit - this.size));
      this.size = limit;
      this.truncated = true;
      return;
    }
    parts.push(line);
    this.size += line.length;
  }

  private finish(): MboxMessage {
    let data = Buffer.concat(this.parts ?? [], this.size);
    // The blank line before the next "From " separates messages; it is not part of the last one.
    const n = data.length;
    if (n >= 2 && data[n - 1] === LF && data[n - 2] === LF) data = data.subarray(0, n - 1);
    else if (n >= 4 && data[n - 1] === LF && data[n - 2] === CR && data[n - 3] === LF && data[n - 4] === CR) {
      data = data.subarray(0, n - 2);
    }
    const message = { data, truncated: this.truncated };
    this.parts = [];
    this.size = 0;
    this.truncated = false;
    return message;
  }

  /** Takes the next chunk; returns the messages it completes, in order. */
  push(chunk: Buffer): MboxMessage[] {
    const out: MboxMessage[] = [];
    const buf: Buffer = this.carry === null ? chunk : Buffer.concat([this.carry, chunk]);
    this.carry = null;
    let start = 0;
    // Lines are kept in runs (one slice from `run` up to a line that needs
    // handling), not one slice per line: a 2 MB attachment is 27,000 lines.
    let run = 0;
    for (let nl = buf.indexOf(LF, start); nl !== -1; nl = buf.indexOf(LF, start)) {
      const end = nl + 1;
      if (startsWithFrom(buf, start, end)) {
        if (start > run) this.add(buf.subarray(run, start));
        if (this.parts !== null) out.push(this.finish());
        this.parts = [];
        run = end;
      } else if (buf[start] === GT) {
        let i = start;
        while (i < end && buf[i] === GT) i++;
        if (startsWithFrom(buf, i, end)) {
          if (start > run) this.add(buf.subarray(run, start));
          this.add(buf.subarray(start + 1, end));
          run = end;
        }
      }
      start = end;
    }
    if (start > run) this.add(buf.subarray(run, start));
    if (start < buf.length) {
      // Guard: a "line" with no newline for megabytes is kept only up to the
      // limit, so a file of one endless line can't grow the carry without end.
      const rest = buf.subarray(start);
      if (rest.length > this.limit) {
        this.add(rest);
        this.carry = null;
      } else {
        this.carry = rest;
      }
    }
    return out;
  }

  /** The input has ended: returns the last messages. */
  end(): MboxMessage[] {
    const out: MboxMessage[] = [];
    const carry = this.carry;
    this.carry = null;
    if (carry !== null) {
      if (startsWithFrom(carry, 0, carry.length)) {
        if (this.parts !== null) out.push(this.finish());
        this.parts = [];
      } else {
        this.add(carry);
      }
    }
    if (this.parts !== null) out.push(this.finish());
    this.parts = null;
    return out;
  }
}

/** Splits an mbox read as a stream of chunks; yields each message as soon as the next one starts. */
export async function* splitMbox(chunks: AsyncIterable<Buffer>, limit = MAX_MESSAGE_BYTES): AsyncGenerator<MboxMessage> {
  const splitter = new MboxSplitter(limit);
  for await (const chunk of chunks) yield* splitter.push(chunk);
  yield* splitter.end();
}
