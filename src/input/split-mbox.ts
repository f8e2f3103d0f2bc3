// A streaming mbox splitter (mboxrd). Each message is cut at the next line that
// starts with "From ", the "From " line itself is dropped, and one ">" is taken
// off every line matching /^>+From / (mboxrd quoting). mboxo files, which quote
// only "From ", can't be told apart for sure; un-quoting every /^>+From / line
// is the usual compromise. Works on Buffers, so any charset and CRLF pass
// through byte for byte (notes/ECOSYSTEM.md §4).

import { MAX_MESSAGE_BYTES } from '../limits';

/** One message of an mbox: its bytes, whether the size limit cut it, and the "From " line before it. */
export interface MboxMessage {
  data: Buffer;
  truncated: boolean;
  /** The "From " line that started it (its first FROM_LINE_CHARS bytes, as latin1), for its date. */
  fromLine: string;
}

// Of a "From " line, only this much is kept: the envelope sender and an asctime date fit in it.
const FROM_LINE_CHARS = 200;

const LF = 0x0a;
const CR = 0x0d;
const GT = 0x3e;
const FROM = Buffer.from('From ');
const NL_FROM = Buffer.from('\nFrom ');
const NL_GT = Buffer.from('\n>');

/** Where the next line starting with `needle` (after its "\n") begins, at or after `from`; -1 if none. */
function nextLineStart(buf: Buffer, needle: Buffer, from: number): number {
  const i = buf.indexOf(needle, from);
  return i === -1 ? -1 : i + 1;
}

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
  private carry: Buffer | null = null; // the start of an unfinished line, fewer bytes than tell its kind
  private lineMode: 'none' | 'keep' | 'drop' = 'none'; // an unfinished line whose kind is known
  private fromLine = ''; // the "From " line of the message being read

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
    const message = { data, truncated: this.truncated, fromLine: this.fromLine };
    this.parts = [];
    this.size = 0;
    this.truncated = false;
    return message;
  }

  /** Takes the next chunk; returns the messages it completes, in order. */
  push(chunk: Buffer): MboxMessage[] {
    const out: MboxMessage[] = [];
    let buf = chunk;
    if (this.lineMode !== 'none') {
      // The chunk goes on with a line whose kind is already known: its bytes up
      // to the first newline are kept (or dropped, for a "From " line) as they
      // come, never joined again, so a line of any length costs its length once.
      const lf = chunk.indexOf(LF);
      const head = lf === -1 ? chunk : chunk.subarray(0, lf + 1);
      if (this.lineMode === 'keep') this.add(head);
      else this.addToFromLine(head);
      if (lf === -1) return out;
      this.lineMode = 'none';
      buf = chunk.subarray(lf + 1);
    } else if (this.carry !== null) {
      // At most a few bytes: the start of a line too short to tell its kind.
      buf = Buffer.concat([this.carry, chunk]);
    }
    this.carry = null;
    // `buf` starts at the start of a line; its complete lines end at `stop`, and
    // what follows (a line still without its newline) is handled by `startLine`.
    const stop = buf.lastIndexOf(LF) + 1;
    // Only two kinds of line need handling: "From " (a new message) and lines
    // starting with ">" (perhaps quoted). Both are found with the native search
    // for "\nFrom " and "\n>", not line by line: a message is ~100 lines, an
    // attachment thousands, and almost none of them need a look.
    let from = startsWithFrom(buf, 0, stop) ? 0 : nextLineStart(buf, NL_FROM, 0);
    let quoted = stop > 0 && buf[0] === GT ? 0 : nextLineStart(buf, NL_GT, 0);
    // Lines are kept in runs (one slice from `run` up to a line that needs handling).
    let run = 0;
    for (;;) {
      const at = from === -1 ? quoted : quoted === -1 ? from : Math.min(from, quoted);
      if (at === -1 || at >= stop) break;
      const end = buf.indexOf(LF, at) + 1;
      if (at === from) {
        if (at > run) this.add(buf.subarray(run, at));
        this.startMessage(out);
        this.fromLine = '';
        this.addToFromLine(buf.subarray(at, end));
        run = end;
        from = nextLineStart(buf, NL_FROM, end - 1);
      } else {
        let i = at;
        while (i < end && buf[i] === GT) i++;
        if (startsWithFrom(buf, i, end)) {
          if (at > run) this.add(buf.subarray(run, at));
          this.add(buf.subarray(at + 1, end));
          run = end;
        }
        quoted = nextLineStart(buf, NL_GT, end - 1);
      }
    }
    if (stop > run) this.add(buf.subarray(run, stop));
    if (stop < buf.length) this.startLine(buf.subarray(stop), out);
    return out;
  }

  /** Keeps the start of the current "From " line (without its line end). */
  private addToFromLine(bytes: Buffer): void {
    const room = FROM_LINE_CHARS - this.fromLine.length;
    if (room > 0) this.fromLine += bytes.toString('latin1', 0, Math.min(bytes.length, room)).replace(/\r?\n$/, '');
  }

  private startMessage(out: MboxMessage[]): void {
    if (this.parts !== null) out.push(this.finish());
    this.parts = [];
  }

  /**
   * The start of a line whose newline is not there yet. Its kind is told as soon
   * as its first bytes are in: a "From " line starts a message (the rest of it
   * is dropped), a ">…>From " line loses one ">", any other line is kept. Only a
   * start too short to tell waits in `carry` (a few bytes: a run of ">" is kept
   * as it comes but for one, which all ">" being alike stands for the first).
   */
  private startLine(rest: Buffer, out: MboxMessage[]): void {
    if (rest[0] !== GT) {
      if (rest.length < FROM.length) {
        this.carry = rest;
      } else if (startsWithFrom(rest, 0, rest.length)) {
        this.startMessage(out);
        this.fromLine = '';
        this.addToFromLine(rest);
        this.lineMode = 'drop';
      } else {
        this.add(rest);
        this.lineMode = 'keep';
      }
      return;
    }
    let i = 1;
    while (i < rest.length && rest[i] === GT) i++;
    if (rest.length - i >= FROM.length) {
      this.add(startsWithFrom(rest, i, rest.length) ? rest.subarray(1) : rest);
      this.lineMode = 'keep';
      return;
    }
    // Not told yet: every ">" but one is kept now, the one and what follows the run wait.
    if (i > 1) this.add(rest.subarray(1, i));
    this.carry = Buffer.concat([rest.subarray(0, 1), rest.subarray(i)]);
  }

  /** The input has ended: returns the last messages. */
  end(): MboxMessage[] {
    const out: MboxMessage[] = [];
    const carry = this.carry;
    this.carry = null;
    this.lineMode = 'none';
    // Too short to be a "From " line or a quoted one: the last line, kept as it is.
    if (carry !== null) this.add(carry);
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
