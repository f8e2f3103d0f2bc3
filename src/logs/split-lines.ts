// Splits a text stream, chunk by chunk, into logical lines: one per record,
// with the continuation lines of a multi-line SMTP reply ("550-…" then "550 …")
// and folded lines (starting with a space or a tab) kept in the record they
// continue. Every character is looked at a bounded number of times and at most
// one record and one partial line are held, so memory stays flat on endless
// input (`tail -F`), whatever the chunk sizes.
import type { LogLine } from './types';
import { MAX_LINE_CHARS, MAX_REPLY_TEXT } from '../limits';

// Guard: a physical line longer than this is cut (the rest up to its newline is
// dropped), so one endless line without "\n" cannot grow the buffer.
export const MAX_LOG_LINE_CHARS = MAX_LINE_CHARS;

// Guard: continuation lines past this many characters in one record are
// dropped, so a flood of "550-" lines cannot build one huge record.
export const MAX_RECORD_CHARS = MAX_REPLY_TEXT;

const SPACE = 0x20;
const TAB = 0x09;
const DASH = 0x2d;

/** The reply code a line opens with (after spaces and a transcript's "<<< "), and whether a dash follows it. */
function replyHead(line: string): { code: string; dash: boolean } | null {
  let i = 0;
  while (i < line.length && (line.charCodeAt(i) === SPACE || line.charCodeAt(i) === TAB)) i++;
  if (line.startsWith('<<<', i)) {
    i += 3;
    while (i < line.length && line.charCodeAt(i) === SPACE) i++;
  }
  const d0 = line.charCodeAt(i);
  const d1 = line.charCodeAt(i + 1);
  const d2 = line.charCodeAt(i + 2);
  if (!(d0 >= 0x32 && d0 <= 0x35 && d1 >= 0x30 && d1 <= 0x39 && d2 >= 0x30 && d2 <= 0x39)) return null;
  const next = line.charCodeAt(i + 3);
  // NaN at the end of the line: a bare code.
  if (!(Number.isNaN(next) || next === SPACE || next === DASH || next === TAB)) return null;
  return { code: line.slice(i, i + 3), dash: next === DASH };
}

/**
 * The text as a string of its own. A line sliced from a chunk keeps the whole
 * chunk alive in V8 as long as the line (or any slice of it: a recipient, a
 * queue id kept by --summary) is; copied, a chunk is freed once it is read, and
 * memory stays flat however long the log. (A join of several lines is a copy already.)
 */
function ownCopy(text: string): string {
  return ` ${text}`.slice(1);
}

function isBlank(line: string): boolean {
  for (let i = 0; i < line.length; i++) {
    const c = line.charCodeAt(i);
    if (c !== SPACE && c !== TAB && c !== 0x0d) return false;
  }
  return true;
}

/**
 * Feed it chunks with `push`, call `end` at the end of input. Records come out
 * when the next record starts (a line cannot be known complete before the next
 * one shows it is not continued); on a live stream call `flushUnlessOpen` after
 * each chunk (or after a short idle time) to get the last record out at once.
 */
export class LineSplitter {
  private partial = '';
  /** The partial line passed MAX_LOG_LINE_CHARS: drop the rest of it. */
  private cutting = false;
  private lineNo = 0;
  private started = false;
  private pending: string[] = [];
  private pendingStart = 0;
  private pendingChars = 0;
  /** The reply code of a "550-" line ending the pending record: a line with that code continues it. */
  private openCode = '';

  /** Adds a chunk of text; returns the records it completed. */
  push(chunk: string): LogLine[] {
    const out: LogLine[] = [];
    let pos = 0;
    if (!this.started && chunk.length > 0) {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) pos = 1;
    }
    for (;;) {
      const nl = chunk.indexOf('\n', pos);
      if (nl === -1) {
        this.addPartial(chunk, pos, chunk.length);
        return out;
      }
      this.addPartial(chunk, pos, nl);
      const line = this.partial;
      this.partial = '';
      this.cutting = false;
      this.takeLine(line, out);
      pos = nl + 1;
    }
  }

  /** Ends the input: returns the records still held (a last line without "\n" included). */
  end(): LogLine[] {
    const out: LogLine[] = [];
    if (this.partial.length > 0 || this.cutting) {
      const line = this.partial;
      this.partial = '';
      this.cutting = false;
      this.takeLine(line, out);
    }
    this.emit(out);
    return out;
  }

  /**
   * Returns the record held, unless it ends with a "550-" line still waiting
   * for its continuation. A folded line arriving later then starts a record of
   * its own: the price of answering a live stream at once.
   */
  flushUnlessOpen(): LogLine[] {
    const out: LogLine[] = [];
    if (this.openCode === '') this.emit(out);
    return out;
  }

  private addPartial(chunk: string, from: number, to: number): void {
    if (this.cutting || from === to) return;
    const room = MAX_LOG_LINE_CHARS - this.partial.length;
    if (to - from > room) {
      this.partial += chunk.slice(from, from + room);
      this.cutting = true;
    } else {
      this.partial += chunk.slice(from, to);
    }
  }

  private takeLine(raw: string, out: LogLine[]): void {
    this.lineNo++;
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (isBlank(line)) {
      this.emit(out);
      return;
    }
    const head = replyHead(line);
    const first = line.charCodeAt(0);
    const continues =
      this.pending.length > 0 && (first === SPACE || first === TAB || (this.openCode !== '' && head?.code === this.openCode));
    if (!continues) {
      this.emit(out);
      this.pendingStart = this.lineNo;
    }
    if (this.pendingChars + line.length <= MAX_RECORD_CHARS || this.pending.length === 0) {
      this.pending.push(line);
      this.pendingChars += line.length + 1;
    }
    this.openCode = head?.dash === true ? head.code : '';
  }

  private emit(out: LogLine[]): void {
    if (this.pending.length === 0) return;
    out.push({ text: this.pending.length === 1 ? ownCopy(this.pending[0] ?? '') : this.pending.join('\n'), line: this.pendingStart });
    this.pending = [];
    this.pendingChars = 0;
    this.openCode = '';
  }
}

/** Splits a whole text at once (the same records as pushing it in chunks). */
export function splitLogLines(text: string): LogLine[] {
  const splitter = new LineSplitter();
  const out = splitter.push(text);
  for (const r of splitter.end()) out.push(r);
  return out;
}
