import { startsLikeEmail } from '../email/header-syntax';
import { MAX_LINES_BEFORE_MBOX, SNIFF_BYTES } from '../limits';

/** What a file or stream holds, told from its first bytes (never from its name). */
export type ContentKind = 'gzip' | 'mbox' | 'email' | 'other';

// An mbox's separator as mail programs write it: "From ", the envelope sender,
// and an asctime() date ("From MAILER-DAEMON Mon Nov 16 10:00:00 2026").
// Stricter than the splitter's test (any line starting "From "), so that a body
// line starting "From " is not taken for one.
const FROM_LINE =
  /^From \S+ +(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) +(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +\d{1,2} +\d{1,2}:\d\d/;


/** The length of a UTF-8 byte order mark at the start of `head` (3), or 0. */
export function utf8BomLength(head: Buffer): number {
  return head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
}

/** 'le' or 'be' when `head` starts with a UTF-16 byte order mark. */
export function utf16Bom(head: Buffer): 'le' | 'be' | null {
  if (head.length >= 2 && head[0] === 0xff && head[1] === 0xfe) return 'le';
  if (head.length >= 2 && head[0] === 0xfe && head[1] === 0xff) return 'be';
  return null;
}

/**
 * Whether `head` is binary (an image, an archive, a database) rather than text:
 * more than one byte in 64 is a control character that text never holds (NUL
 * and the like; tab, line ends, form feed, ESC and the ISO-2022 shifts are
 * text). One stray NUL in a bounce does not make it binary.
 */
export function isBinary(head: Buffer): boolean {
  let controls = 0;
  for (const byte of head) {
    if (byte < 0x09 || (byte >= 0x10 && byte < 0x20 && byte !== 0x1b)) controls++;
  }
  return controls * 64 > head.length;
}

/** Whether `line` (Latin-1) is an mbox "From " line with a date. */
export function isFromLine(line: string): boolean {
  return FROM_LINE.test(line);
}

/**
 * Whether a text (LF line ends, BOM taken off) is an mbox: it starts with a
 * "From " line, or one with a date comes after at most a few lines (a blank
 * line, a stray header), which the splitter passes over.
 */
function startsLikeMbox(text: string): boolean {
  let pos = 0;
  for (let line = 0; line <= MAX_LINES_BEFORE_MBOX && pos < text.length; line++) {
    const nl = text.indexOf('\n', pos);
    const end = nl === -1 ? text.length : nl;
    const current = text.slice(pos, Math.min(end, pos + 200));
    if (line === 0 ? current.startsWith('From ') : isFromLine(current)) return true;
    if (nl === -1) break;
    pos = nl + 1;
  }
  return false;
}

/**
 * How many lines of `data` look like an mbox's "From " lines (with a date): a
 * file read as one email that holds several was likely an mbox with something
 * before its first message.
 */
export function countFromLines(data: Buffer): number {
  const lineAt = (start: number): boolean => isFromLine(data.subarray(start, start + 200).toString('latin1'));
  let count = lineAt(0) ? 1 : 0;
  for (let at = data.indexOf('\nFrom '); at !== -1; at = data.indexOf('\nFrom ', at + 1)) if (lineAt(at + 1)) count++;
  return count;
}

/** Tells gzip, mbox, a single email, or something else from the first bytes of an input. */
export function sniff(head: Buffer): ContentKind {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (isBinary(head)) return 'other';
  const text = head.subarray(utf8BomLength(head)).toString('latin1').replace(/\r\n?/g, '\n');
  if (startsLikeMbox(text)) return 'mbox';
  return startsLikeEmail(text, SNIFF_BYTES - 3) ? 'email' : 'other';
}

// The start of a line that a mail log, an error listing or NDJSON opens with: a
// reply code, a syslog or ISO 8601 stamp, a syslog priority, a JSON object.
const LOG_LINE_START = /^(?:[2-5]\d\d[ -]|[2-5]\.\d{1,3}\.\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [ \d]\d |\d{4}-\d\d-\d\d[T ]|<\d{1,3}>|\{)/;

/**
 * Whether the first line of `head` is whole and is a log line (not a header, an
 * mbox "From " line or a blank): then the input is a log and nothing more need
 * be waited for to sniff it. (A stream written a line at a time, `tail -F`.)
 */
export function firstLineIsLog(head: Buffer): boolean {
  const nl = head.indexOf(0x0a);
  if (nl === -1) return false;
  return LOG_LINE_START.test(head.subarray(0, Math.min(nl, 200)).toString('latin1'));
}

/**
 * Reads at least `size` bytes (or all there is) from a stream of chunks and
 * returns them, with a stream that yields everything again from the start.
 * Stops sooner once `enough` says the bytes read tell what the stream is.
 */
export async function peek(
  chunks: AsyncIterable<Buffer>,
  size = SNIFF_BYTES,
  enough: (head: Buffer) => boolean = () => false,
): Promise<{ head: Buffer; rest: AsyncIterable<Buffer> }> {
  const iterator = chunks[Symbol.asyncIterator]();
  const seen: Buffer[] = [];
  let length = 0;
  let done = false;
  while (length < size) {
    const next = await iterator.next();
    if (next.done === true) {
      done = true;
      break;
    }
    seen.push(next.value);
    length += next.value.length;
    // A slow writer (`tail -F`): its first line may already tell what it is.
    if (length < size && enough(seen.length === 1 ? next.value : Buffer.concat(seen))) break;
  }
  async function* rest(): AsyncGenerator<Buffer> {
    try {
      yield* seen.splice(0);
      if (done) return;
      for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) yield next.value;
    } finally {
      // Stopping early (a size limit, a closed pipe) must close the file or stream.
      if (!done) await iterator.return?.();
    }
  }
  return { head: Buffer.concat(seen).subarray(0, size), rest: rest() };
}

/** Collects a stream of chunks into one Buffer; rejects when it passes `limit` bytes. */
export async function collect(chunks: AsyncIterable<Buffer>, limit: number, what = 'input', limitName?: string): Promise<Buffer> {
  const parts: Buffer[] = [];
  let length = 0;
  for await (const chunk of chunks) {
    length += chunk.length;
    // Guard: a single message is held whole in memory, so its size is capped.
    if (length > limit) throw new Error(`${what} is larger than ${limit} bytes${limitName === undefined ? '' : ` (${limitName})`}`);
    parts.push(chunk);
  }
  return Buffer.concat(parts, length);
}
