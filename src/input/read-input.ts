// A synchronous stat, not the callback one or node:fs/promises: the argument
// is checked once, before anything else runs, and the callback stat starts
// libuv's thread pool and node:fs/promises loads eleven more modules, for a
// raw SMTP string too. A missing path returns undefined instead of building
// an error with its stack.
import { closeSync, constants, createReadStream, fstatSync, openSync, readdirSync, readSync, statSync } from 'node:fs';
import { hasSmtpCode } from '../smtp/parse-smtp-line';
import { MAX_FILE_BYTES, MAX_FOLDER_DEPTH, MAX_MESSAGE_BYTES, READ_CHUNK_BYTES, SNIFF_BYTES } from '../limits';
import { collect, countFromLines, firstLineIsLog, isBinary, peek, sniff, utf16Bom, utf8BomLength } from './sniff';
import { MboxSplitter, type MboxMessage } from './split-mbox';
import { gunzipMembers } from './gunzip';
import { specialKind, walkFolder } from './walk-folder';

/**
 * One thing to diagnose, or a note about the input. Messages of an mbox are
 * named `path#N` (N counts from 1), or just `path` when the mbox holds only one;
 * "-" is stdin (`-#N` for an mbox on stdin), "argv" a string argument.
 */
export type InputItem =
  | { kind: 'data'; name: string; data: Buffer; warnings?: string[]; source?: string; fromLine?: string }
  | { kind: 'string'; name: 'argv'; text: string }
  /**
   * Text that is not an email (a mail log, error lines, ESP events), as it
   * streams in: the CLI reads it a line at a time (src/cli/text-input.ts) and
   * must drain `chunks`, which yields it whole from its first byte.
   */
  | {
      kind: 'text';
      name: string;
      chunks: AsyncIterable<Buffer>;
      /** When the file was last written (a log's classic stamps take their year from it); absent for stdin. */
      modified?: Date;
    }
  | { kind: 'error'; name: string; error: string }
  | { kind: 'skipped'; name: string; reason: string };

// Guard (MAX_FILE_BYTES): a single email, one that is not an mbox, is held
// whole in memory to be parsed, so a larger one is refused. An mbox of any size
// is streamed instead, each message cut at MAX_MESSAGE_BYTES.
export { MAX_FILE_BYTES };


// An argument that looks like a file name is a path the user mistyped, not an
// error text: one with a slash, or with a mail or log file's extension, even if
// it holds a code ("logs/smtp-550-5.1.1.log"); and one with no code and any
// short extension ("bounce.msg"). Never one with a space: an SMTP reply has one.
const FILE_EXTENSION = /\.(?:eml|mbox|mbx|mail|msg|gz|log|txt)$/i;

export function looksLikePath(arg: string): boolean {
  if (/\s/.test(arg)) return false;
  if (/[/\\]/.test(arg) || FILE_EXTENSION.test(arg)) return true;
  return !hasSmtpCode(arg) && /\.[A-Z0-9]{1,5}$/i.test(arg);
}

/**
 * The path on disk of an argument whose name is not valid UTF-8: the shell
 * hands over the bytes, but process.argv shows them as U+FFFD, which names no
 * file. Each such part of the path is looked up in its folder by its display
 * form; a name that two files share in that form is not guessed.
 */
function rawPath(arg: string): Buffer | undefined {
  if (!arg.includes('\uFFFD')) return undefined;
  let out: Buffer = Buffer.from(arg.startsWith('/') ? '/' : '');
  for (const part of arg.split('/')) {
    if (part === '') continue;
    let bytes: Buffer = Buffer.from(part);
    if (part.includes('\uFFFD')) {
      let names: Buffer[];
      try {
        names = readdirSync(out.length === 0 ? '.' : out, { encoding: 'buffer' });
      } catch {
        return undefined;
      }
      const found = names.filter((name) => name.toString('utf8') === part);
      if (found.length !== 1 || found[0] === undefined) return undefined;
      bytes = found[0];
    }
    const slash = out.length === 0 || out[out.length - 1] === 0x2f ? 0 : 1;
    out = Buffer.concat([out, Buffer.from('/'.repeat(slash)), bytes]);
  }
  return out;
}

function describeError(err: unknown): string {
  const code = (err as { code?: string } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'Z_DATA_ERROR':
    case 'Z_BUF_ERROR':
      return `damaged gzip data (${err instanceof Error ? err.message : String(err)})`;
    default:
      return err instanceof Error ? err.message : String(err);
  }
}


function sizeWarning(): string {
  return `This message is larger than ${MAX_MESSAGE_BYTES} bytes (MAX_MESSAGE_BYTES); only the first part was read.`;
}

/**
 * The messages of one byte stream: gzip is unpacked (one level), an mbox is
 * split as it streams in, anything else is one message. In a folder walk,
 * files that are not mail come back as `skipped`.
 */
// The generators below yield batches: every message one chunk of an mbox
// completes comes out together, so the layers between the file and the CLI's
// loop cost a promise per chunk, not per message.
type Batch = InputItem[];
type DataItem = Extract<InputItem, { kind: 'data' }>;

/** The chunks of a stream without its first `count` bytes. */
async function* skipBytes(chunks: AsyncIterable<Buffer>, count: number): AsyncGenerator<Buffer> {
  let left = count;
  for await (const chunk of chunks) {
    if (left >= chunk.length) {
      left -= chunk.length;
      continue;
    }
    yield left > 0 ? chunk.subarray(left) : chunk;
    left = 0;
  }
}

/** The chunks of a stream with every CR turned into LF (a file with CR-only line ends, old Mac style). */
async function* crToLf(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  for await (const chunk of chunks) {
    const out = Buffer.from(chunk);
    for (let i = out.indexOf(0x0d); i !== -1; i = out.indexOf(0x0d, i + 1)) out[i] = 0x0a;
    yield out;
  }
}

/** One buffer as a stream of one chunk. */
function single(data: Buffer): AsyncIterable<Buffer> {
  return {
    [Symbol.asyncIterator]: () => {
      let done = false;
      return {
        next: (): Promise<IteratorResult<Buffer>> => {
          const result: IteratorResult<Buffer> = done ? { done: true, value: undefined } : { done: false, value: data };
          done = true;
          return Promise.resolve(result);
        },
      };
    },
  };
}

/** A UTF-16 text (its BOM included) as UTF-8 bytes. */
function fromUtf16(data: Buffer, order: 'le' | 'be'): Buffer {
  let le = data.subarray(2, data.length - (data.length % 2));
  if (order === 'be') le = Buffer.from(le).swap16();
  return Buffer.from(le.toString('utf16le'), 'utf8');
}

function withoutSource(item: DataItem): DataItem {
  const { source: _source, ...rest } = item;
  return rest;
}

function severalMessagesWarning(count: number): string {
  return `This file holds ${count} lines that start like the "From " lines between the messages of an mbox, but it does not start like one, so it was read as one email. If it is an mbox, take out what comes before its first "From " line.`;
}

async function* messagesOf(
  name: string,
  chunks: AsyncIterable<Buffer>,
  options: { skipNonMail: boolean; gzipped?: boolean; decoded?: boolean; modified?: Date | undefined },
): AsyncGenerator<Batch> {
  const { head, rest } = await peek(chunks, SNIFF_BYTES, firstLineIsLog);
  const kind = sniff(head);
  if (kind === 'gzip' && options.gzipped !== true) {
    // gunzip.ts loads zlib on first use: it adds ~2 ms to the start of every run (docs/performance.md).
    const tail = { garbage: 0 };
    yield* messagesOf(name, gunzipMembers(rest, tail), { ...options, gzipped: true });
    if (tail.garbage > 0) {
      yield [{ kind: 'skipped', name, reason: `${tail.garbage} bytes after the end of the gzip data were ignored (as gzip -d does)` }];
    }
    return;
  }
  if (head.length === 0) {
    if (options.skipNonMail) yield [{ kind: 'skipped', name, reason: 'empty file' }];
    else yield [{ kind: 'error', name, error: name === '-' ? 'standard input is empty' : 'file is empty' }];
    return;
  }
  if (options.decoded !== true) {
    // Text that mail programs save now and then in other shapes is brought to
    // the one the readers take (bytes, LF or CRLF line ends, no BOM), then sniffed
    // again. A UTF-16 file (with its BOM) is decoded whole: it is a single message
    // under MAX_FILE_BYTES, as any file that is not an mbox.
    const decoded = { ...options, decoded: true };
    const utf16 = utf16Bom(head);
    if (utf16 !== null) {
      const data = await collect(rest, MAX_FILE_BYTES, name === '-' ? 'standard input' : 'the file', 'MAX_FILE_BYTES');
      yield* messagesOf(name, single(fromUtf16(data, utf16)), decoded);
      return;
    }
    const bom = utf8BomLength(head);
    if (bom > 0) {
      yield* messagesOf(name, skipBytes(rest, bom), options);
      return;
    }
    // CR-only line ends (no LF in the first 4 KB): every reader splits lines at LF.
    if (kind !== 'gzip' && !head.includes(0x0a) && head.includes(0x0d) && !isBinary(head)) {
      yield* messagesOf(name, crToLf(rest), decoded);
      return;
    }
  }
  if (kind === 'mbox') {
    // One message of look-ahead: an mbox of one message is named like a plain file.
    let held: DataItem | null = null;
    let n = 0;
    const splitter = new MboxSplitter(MAX_MESSAGE_BYTES);
    const batchOf = (messages: MboxMessage[]): Batch => {
      const batch: Batch = [];
      for (const message of messages) {
        n++;
        const item: DataItem = { kind: 'data', name: `${name}#${n}`, data: message.data, source: name, fromLine: message.fromLine };
        if (message.truncated) item.warnings = [sizeWarning()];
        if (held !== null) batch.push(held);
        held = item;
      }
      return batch;
    };
    try {
      for await (const chunk of rest) {
        const batch = batchOf(splitter.push(chunk));
        if (batch.length > 0) yield batch;
      }
    } catch (err) {
      // Damage (a cut .gz, a read error): the last whole message before it is
      // given too, then the error; the message the damage cut is not.
      const last = held as DataItem | null;
      if (last !== null) yield [last];
      throw err;
    }
    const batch = batchOf(splitter.end());
    // (Set inside batchOf, which the type checker does not follow.)
    const last = held as DataItem | null;
    if (last !== null) {
      batch.push(n === 1 ? { ...withoutSource(last), name } : last);
    }
    if (batch.length > 0) yield batch;
    return;
  }
  // Text that is no email is read a line at a time as it comes (a mail log on
  // `tail -F`, error lines, ESP events); in a folder, only a log or events file.
  if (kind === 'other' && !isBinary(head) && (!options.skipNonMail || isLogFile(name, head))) {
    yield [options.modified === undefined ? { kind: 'text', name, chunks: rest } : { kind: 'text', name, chunks: rest, modified: options.modified }];
    return;
  }
  if (options.skipNonMail && kind !== 'email') {
    await rest[Symbol.asyncIterator]().return?.();
    yield [{ kind: 'skipped', name, reason: 'not an email' }];
    return;
  }
  // A named binary file (an image, an archive) is an unreadable input, not "not a
  // bounce"; a stray NUL in a text is no reason to refuse it (sniff.ts, isBinary).
  if (isBinary(head)) {
    await rest[Symbol.asyncIterator]().return?.();
    yield [{ kind: 'error', name, error: 'binary file, not an email or a text' }];
    return;
  }
  const data = await collect(rest, MAX_FILE_BYTES, name === '-' ? 'standard input' : 'the file', 'MAX_FILE_BYTES');
  const item: DataItem = { kind: 'data', name, data };
  // An mbox with more before its first "From " line than sniffing passes over
  // is read as one email: say so when it holds several "From " lines.
  const fromLines = countFromLines(data);
  if (fromLines >= 2) item.warnings = [severalMessagesWarning(fromLines)];
  yield [item];
}

// A log file's name: mail.log, maillog.1, exim_mainlog, mail.err.2.gz, smtp.log-20261204.
const LOG_FILE_NAME = /(?:^|[-./_])(?:mail|maillog|mainlog|log)(?:$|[-._\d])/i;

/**
 * Whether a file met in a folder walk is a mail log or ESP events (then read
 * like the mail files around it): a server's log format on its first lines, an
 * ESP's event fields, or error lines in a file named like a log.
 */
function isLogFile(name: string, head: Buffer): boolean {
  const text = head.toString('utf8');
  const { looksLikeEspEvents } = require('../events/index') as typeof import('../events/index');
  if (looksLikeEspEvents(text)) return true;
  const { detectLogFormat } = require('../logs/parser') as typeof import('../logs/parser');
  const format = detectLogFormat(text);
  if (format === null) return false;
  return format !== 'log-line' || LOG_FILE_NAME.test(name.slice(name.lastIndexOf('/') + 1));
}

/** A file's modification time, or undefined when it cannot be had (the read that follows says why). */
function modifiedTime(fsPath: string | Buffer): Date | undefined {
  try {
    return statSync(fsPath, { throwIfNoEntry: false })?.mtime;
  } catch {
    return undefined;
  }
}

async function* readFileMessages(path: string, skipNonMail: boolean, fsPath: string | Buffer = path): AsyncGenerator<Batch> {
  try {
    const stream = createReadStream(fsPath, { highWaterMark: READ_CHUNK_BYTES });
    yield* messagesOf(path, stream as AsyncIterable<Buffer>, { skipNonMail, modified: modifiedTime(fsPath) });
  } catch (err) {
    const code = (err as { code?: string } | null)?.code;
    if (skipNonMail && code === 'EISDIR') yield [{ kind: 'skipped', name: path, reason: 'link to a folder, not followed' }];
    else yield [{ kind: 'error', name: path, error: describeError(err) }];
  }
}

// One buffer for the files of a folder walk: most messages are a few KB, and
// one read into it (copied out at the file's size) costs far less than a read
// stream of READ_CHUNK_BYTES each (issue 15: GC was a fifth of a Maildir's run).
let smallFileBuffer: Buffer | null = null;

/**
 * A file met in a folder walk. It is opened without blocking and checked after
 * the open, on the open file: only a regular file is read, so a link to a FIFO
 * can't hang the walk (opening a FIFO to read waits for a writer) and a link
 * swapped between a check and the open can't slip through. What is not read is
 * said as `skipped`.
 */
async function* readFolderFile(path: string, fsPath: string | Buffer): AsyncGenerator<Batch> {
  let fd: number;
  try {
    fd = openSync(fsPath, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (err) {
    yield [{ kind: 'error', name: path, error: describeError(err) }];
    return;
  }
  let small: Buffer | null = null;
  let modified: Date | undefined;
  try {
    const stats = fstatSync(fd);
    modified = stats.mtime;
    if (stats.isDirectory()) {
      closeSync(fd);
      yield [{ kind: 'skipped', name: path, reason: 'link to a folder, not followed' }];
      return;
    }
    if (!stats.isFile()) {
      closeSync(fd);
      yield [{ kind: 'skipped', name: path, reason: `not a regular file (${specialKind(stats)})` }];
      return;
    }
    const buffer = (smallFileBuffer ??= Buffer.allocUnsafe(READ_CHUNK_BYTES));
    if (stats.size < buffer.length) {
      // One read, plus one to see the end (a file may have grown since fstat).
      let length = 0;
      for (let n = -1; n !== 0 && length < buffer.length; length += n) n = readSync(fd, buffer, length, buffer.length - length, null);
      if (length < buffer.length) small = Buffer.from(buffer.subarray(0, length));
    }
  } catch (err) {
    closeSync(fd);
    yield [{ kind: 'error', name: path, error: describeError(err) }];
    return;
  }
  if (small !== null) {
    closeSync(fd);
    yield* messagesOf(path, single(small), { skipNonMail: true, modified });
    return;
  }
  // A large file (an mbox in the folder): streamed from the start, on the same descriptor.
  try {
    const stream = createReadStream('', { fd, start: 0, highWaterMark: READ_CHUNK_BYTES });
    yield* messagesOf(path, stream as AsyncIterable<Buffer>, { skipNonMail: true, modified });
  } catch (err) {
    yield [{ kind: 'error', name: path, error: describeError(err) }];
  }
}

async function* readFolder(dir: string, fsDir: string | Buffer = dir): AsyncGenerator<Batch> {
  for await (const entry of walkFolder(dir, 0, fsDir)) {
    if (entry.kind === 'error') yield [{ kind: 'error', name: entry.path, error: describeError(entry.error) }];
    else if (entry.kind === 'other') yield [{ kind: 'skipped', name: entry.path, reason: `not a regular file (${entry.what})` }];
    else if (entry.kind === 'too-deep') {
      yield [{ kind: 'skipped', name: entry.path, reason: `folder nested more than ${MAX_FOLDER_DEPTH} levels deep (MAX_FOLDER_DEPTH), not read` }];
    }
    else yield* readFolderFile(entry.path, entry.fsPath);
  }
}

async function* flatten(batches: AsyncIterable<Batch>): AsyncGenerator<InputItem> {
  for await (const batch of batches) yield* batch;
}

/** Where the CLI's inputs come from; stdin is a function so that it is touched only when named. */
export interface InputSources {
  stdin: () => AsyncIterable<Buffer>;
}

/**
 * Resolves one command-line argument into messages: "-" is stdin, an existing
 * file is read (gzip, mbox or one email), a folder is walked (Maildir aware),
 * and anything else is an SMTP error string.
 */
export function readArgument(arg: string, sources: InputSources): AsyncGenerator<InputItem> {
  return flatten(readArgumentBatches(arg, sources));
}

/** readArgument, in batches (the messages one chunk of an mbox completes). */
export async function* readArgumentBatches(arg: string, sources: InputSources): AsyncGenerator<Batch> {
  if (arg === '-') {
    try {
      yield* messagesOf('-', sources.stdin(), { skipNonMail: false });
    } catch (err) {
      yield [{ kind: 'error', name: '-', error: describeError(err) }];
    }
    return;
  }
  let isFolder: boolean | undefined;
  let fsPath: string | Buffer = arg;
  try {
    isFolder = statSync(arg, { throwIfNoEntry: false })?.isDirectory();
    const raw = isFolder === undefined ? rawPath(arg) : undefined;
    if (raw !== undefined) {
      isFolder = statSync(raw, { throwIfNoEntry: false })?.isDirectory();
      fsPath = raw;
    }
  } catch (err) {
    const code = (err as { code?: string } | null)?.code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR' && code !== 'ENAMETOOLONG') {
      yield [{ kind: 'error', name: arg, error: describeError(err) }];
      return;
    }
  }
  if (isFolder === undefined) {
    if (looksLikePath(arg)) yield [{ kind: 'error', name: arg, error: 'no such file or directory' }];
    else yield [{ kind: 'string', name: 'argv', text: arg }];
    return;
  }
  if (isFolder) yield* readFolder(arg, fsPath);
  else yield* readFileMessages(arg, false, fsPath);
}

/**
 * Whether an argument names a folder (read as the files in it): what --json's
 * top-level type depends on. The same lookup as readArgumentBatches.
 */
export function isFolderArgument(arg: string): boolean {
  if (arg === '-') return false;
  try {
    const found = statSync(arg, { throwIfNoEntry: false });
    if (found !== undefined) return found.isDirectory();
    const raw = rawPath(arg);
    return raw !== undefined && statSync(raw, { throwIfNoEntry: false })?.isDirectory() === true;
  } catch {
    return false;
  }
}

/**
 * Every message of every argument, in order, in batches (the messages one chunk
 * of an mbox completes). Stdin is read once, however often "-" is given.
 */
export async function* readInputBatches(args: readonly string[], sources: InputSources): AsyncGenerator<Batch> {
  let stdinUsed = false;
  for (const arg of args) {
    if (arg === '-') {
      if (stdinUsed) {
        yield [{ kind: 'error', name: '-', error: 'standard input was already read' }];
        continue;
      }
      stdinUsed = true;
    }
    yield* readArgumentBatches(arg, sources);
  }
}
