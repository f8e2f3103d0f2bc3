// Text that is not an email (issue 13): a mail log, lines of SMTP errors, ESP
// events. Read a chunk at a time: each error line becomes a record of its own,
// named `path:N` (`-:N` on stdin), and goes out as soon as its line is whole,
// so `tail -F /var/log/mail.log | whybounce --ndjson` answers at once and holds
// no more than one record however long it runs. The log and event readers are
// loaded on the first such text only (a raw string or an email never pays).
import { StringDecoder } from 'node:string_decoder';
import type { DiagnoseResult } from '../types';
import type { InputItem } from '../input/read-input';
import type { LogRecord } from '../logs/types';
import type { Outcome } from './diagnose-item';
import { diagnoseText } from '../pipeline/text';
import { MAX_FILE_BYTES, MAX_REPLY_TEXT } from '../limits';

type TextItem = Extract<InputItem, { kind: 'text' }>;
type Logs = typeof import('../logs/index');
type Events = typeof import('../events/index');

/**
 * How long the input may stay silent before the record held for a possible
 * continuation line ("550-…" then "550 …", a folded line) is let out: a live
 * stream's last line is answered within this, a file never waits for it.
 */
const IDLE_MS = 20;

/** Characters of a chunk handed to the log parser at a time (see readTextItem). */
const PARSE_SLICE_CHARS = 16 * 1024;

export interface TextRun {
  /** Hands an outcome to the run's output; a promise when the output must drain first. */
  emit(outcome: Outcome): Promise<void> | undefined;
  /** Every record read, before --only (for --summary's count by final state), in line order. */
  onRecord?: (record: LogRecord) => void;
  /** A log line saying that a queue id is done with (see LogStreamHooks), after the records before it. */
  onQueueDone?: (queueId: string) => void;
  /** The reference for syslog stamps without a year (the current time). */
  now?: Date;
}

/** What the lines of a text gave. */
export interface TextCounts {
  records: number;
  /** Lines with no error: no SMTP code, or a log line that reports no delivery ("connect from …"). */
  skipped: number;
}

let logs: Logs | undefined;
let events: Events | undefined;

/** One record as the result of its own input, `name:N` (or `name#N` for the Nth event). */
function recordResult(logsModule: Logs, record: LogRecord, input: string): DiagnoseResult {
  return {
    input,
    isBounce: record.action !== 'delivered',
    diagnoses: [logsModule.diagnoseLogRecord(record)],
    warnings: [],
  };
}

/** The chunks of a stream, with a null in between whenever the stream stays silent for IDLE_MS. */
async function* withIdle(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer | null> {
  const iterator = chunks[Symbol.asyncIterator]();
  let done = false;
  try {
    let next = iterator.next();
    for (;;) {
      let timer: NodeJS.Timeout | undefined;
      const idle = new Promise<null>((resolve) => {
        timer = setTimeout(resolve, IDLE_MS, null);
      });
      let got = await Promise.race([next, idle]);
      clearTimeout(timer);
      if (got === null) {
        yield null;
        got = await next;
      }
      if (got.done === true) {
        done = true;
        return;
      }
      next = iterator.next();
      yield got.value;
    }
  } finally {
    if (!done) await iterator.return?.();
  }
}

/** Reads a text item to its end, handing each record to `run` as it is read. */
export async function readTextItem(item: TextItem, run: TextRun): Promise<TextCounts> {
  logs ??= require('../logs/index') as Logs;
  const logsModule = logs;
  const decoder = new StringDecoder('utf8');
  // The records go to run.onRecord as they are parsed, in line order with the queue ids done with.
  // Classic syslog stamps have no year: a file's lines were written before the
  // file was last modified, so its modification time is their reference (an
  // archived log keeps its year); a stream's lines are about now.
  const reference = item.modified ?? run.now;
  const stream = new logsModule.LogStream(reference === undefined ? {} : { referenceDate: reference }, {
    onRecord: run.onRecord,
    onQueueDone: run.onQueueDone,
  });
  const counts: TextCounts = { records: 0, skipped: 0 };

  // The first record is held until a second one, the end, or a pause of the
  // input: a text with one error line is read whole as before (named `-` or
  // its path, the recipient looked for in all of it). The text is kept while
  // it may be needed, up to MAX_REPLY_TEXT.
  const state: { held: LogRecord | null; started: boolean } = { held: null, started: false };
  let whole: string | null = '';

  const send = (record: LogRecord): Promise<void> | undefined => {
    state.started = true;
    counts.records++;
    // `source`: --json gives one object for the whole input, each diagnosis naming its line (as for an mbox).
    return run.emit({ ok: recordResult(logsModule, record, `${item.name}:${record.line ?? counts.records}`), source: item.name });
  };
  /** Lets the held record out (a second record came, or the input paused). */
  const release = async (): Promise<void> => {
    const first = state.held;
    state.held = null;
    if (first !== null) await send(first);
  };
  const take = async (records: readonly LogRecord[]): Promise<void> => {
    if (records.length === 0) return;
    for (const record of records) {
      if (!state.started && state.held === null) {
        state.held = record;
        continue;
      }
      if (state.held !== null) await release();
      // A promise only when the output must drain: no microtask per record otherwise.
      const waiting = send(record);
      if (waiting !== undefined) await waiting;
    }
  };

  let first = true;
  const source = withIdle(item.chunks);
  try {
    for (let next = await source.next(); next.done !== true; next = await source.next()) {
      const chunk = next.value;
      if (chunk === null) {
        await take(stream.flushUnlessOpen());
        // The writer paused: a live stream, whose records go out at once.
        await release();
        whole = null;
        continue;
      }
      const text = decoder.write(chunk);
      if (first) {
        first = false;
        events ??= require('../events/index') as Events;
        if (events.looksLikeEspEvents(text)) return await readEvents({ item, modules: { logs: logsModule, events }, start: text, source, decoder, run, counts });
      }
      if (whole !== null) whole = whole.length + text.length <= MAX_REPLY_TEXT ? whole + text : null;
      // A read chunk (READ_CHUNK_BYTES) holds hundreds of lines: parsed in
      // slices, few records wait for their turn at a time, and fewer of them
      // live long enough to be moved to the heap's old generation.
      for (let at = 0; at < text.length; at += PARSE_SLICE_CHARS) await take(stream.push(text.slice(at, at + PARSE_SLICE_CHARS)));
    }
  } finally {
    await source.return(undefined);
  }
  const tail = decoder.end();
  if (whole !== null) whole += tail;
  await take([...stream.push(tail), ...stream.end()]);
  const heldAtEnd = state.held;
  if (!state.started) {
    // One error line or none: the whole text, as a text that is not an email was always read.
    if (heldAtEnd !== null && (heldAtEnd.format !== 'log-line' || whole === null)) {
      counts.records++;
      await run.emit({ ok: recordResult(logsModule, heldAtEnd, item.name) });
    } else if (whole !== null) {
      if (heldAtEnd !== null) counts.records++;
      await run.emit({ ok: diagnoseText(whole, item.name) });
    } else {
      await run.emit({
        ok: { input: item.name, isBounce: false, diagnoses: [], warnings: ['No line with an SMTP reply code or enhanced status code found.'] },
      });
    }
    return counts;
  }
  counts.skipped = stream.counts.other + stream.counts.skipped;
  return counts;
}

/**
 * Whether a text of events is NDJSON, judged on its first line: a whole JSON
 * object on it. (A pretty-printed object opens with "{" alone on its line; an
 * array with "[". A one-line object alone reads the same either way.)
 */
function startsAsNdjson(start: string): boolean {
  const nl = start.indexOf('\n');
  if (nl === -1) return false;
  const first = start.slice(0, nl).trim();
  if (!first.startsWith('{')) return false;
  try {
    const value: unknown = JSON.parse(first);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}

/**
 * ESP events (a JSON array, one object, or NDJSON), one record each. NDJSON is
 * read line by line, each record out as soon as its line is whole (an event
 * export of any size, `tail -F` of a webhook log); a JSON array or object is
 * read whole, up to MAX_FILE_BYTES.
 */
/** What an events reader works with: the input, its first text (`start`), the rest of its chunks, and where the records go. */
interface EventReading {
  item: TextItem;
  modules: { logs: Logs; events: Events };
  start: string;
  source: AsyncIterator<Buffer | null>;
  decoder: StringDecoder;
  run: TextRun;
  counts: TextCounts;
}

async function readEvents(reading: EventReading): Promise<TextCounts> {
  const { item, modules, start, source, decoder, run, counts } = reading;
  if (startsAsNdjson(start)) return readEventLines(reading);
  const parts = [start];
  let length = start.length;
  for (let next = await source.next(); next.done !== true; next = await source.next()) {
    const chunk = next.value;
    if (chunk === null) continue;
    length += chunk.length;
    // Guard (MAX_FILE_BYTES): events are parsed as one JSON text, so they are held whole.
    if (length > MAX_FILE_BYTES) {
      await run.emit({ error: { input: item.name, error: `the events are larger than ${MAX_FILE_BYTES} bytes` } });
      return counts;
    }
    parts.push(decoder.write(chunk));
  }
  parts.push(decoder.end());
  const found = modules.events.readEspEvents(parts.join(''));
  counts.skipped = found.unknown + found.badLines;
  const several = found.records.length > 1;
  let n = 0;
  for (const record of found.records) {
    n++;
    counts.records++;
    run.onRecord?.(record);
    if (several) await run.emit({ ok: recordResult(modules.logs, record, `${item.name}#${n}`), source: item.name });
    else await run.emit({ ok: recordResult(modules.logs, record, item.name) });
  }
  if (found.records.length === 0) {
    await run.emit({ ok: { input: item.name, isBounce: false, diagnoses: [], warnings: ['No bounce event of a known email service found.'] } });
  }
  return counts;
}

/**
 * NDJSON events, a line at a time: the same records, names and counts as
 * reading the whole text (readEspEvents), each out once its line is whole. The
 * first record is held until a second one, the end or a pause of the input:
 * one event alone is named like its input, several `name#N`.
 */
async function readEventLines(reading: EventReading): Promise<TextCounts> {
  const { item, modules, start, source, decoder, run, counts } = reading;
  let partial = '';
  let n = 0;
  const state: { held: LogRecord | null } = { held: null };
  let unknown = 0;
  let badLines = 0;
  const send = async (record: LogRecord, input: string): Promise<void> => {
    const waiting = run.emit({ ok: recordResult(modules.logs, record, input), source: item.name });
    if (waiting !== undefined) await waiting;
  };
  const release = async (): Promise<void> => {
    const first = state.held;
    if (first === null) return;
    state.held = null;
    await send(first, `${item.name}#1`);
  };
  const readLine = async (line: string): Promise<void> => {
    const text = line.trim();
    if (text === '') return;
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      badLines++;
      return;
    }
    const found = modules.events.readEspValue(value);
    unknown += found.unknown;
    for (const record of found.records) {
      n++;
      counts.records++;
      run.onRecord?.(record);
      if (n === 1) {
        state.held = record;
        continue;
      }
      await release();
      await send(record, `${item.name}#${n}`);
    }
  };
  const take = async (text: string): Promise<boolean> => {
    partial += text;
    let from = 0;
    for (let nl = partial.indexOf('\n'); nl !== -1; nl = partial.indexOf('\n', from)) {
      await readLine(partial.slice(from, nl));
      from = nl + 1;
    }
    partial = partial.slice(from);
    // Guard (MAX_FILE_BYTES): one line longer than this is not held.
    return partial.length <= MAX_FILE_BYTES;
  };

  let fits = await take(start);
  for (let next = await source.next(); fits && next.done !== true; next = await source.next()) {
    const chunk = next.value;
    // The writer paused: a live stream, whose records go out at once.
    if (chunk === null) await release();
    else fits = await take(decoder.write(chunk));
  }
  if (!fits) {
    await release();
    await run.emit({ error: { input: item.name, error: `an event line is larger than ${MAX_FILE_BYTES} bytes` } });
    return counts;
  }
  await take(decoder.end());
  await readLine(partial);
  counts.skipped = unknown + badLines;
  const last = state.held;
  if (last !== null) {
    // One event alone: named like its input.
    if (n === 1) await run.emit({ ok: recordResult(modules.logs, last, item.name) });
    else await release();
  }
  if (n === 0) {
    await run.emit({ ok: { input: item.name, isBounce: false, diagnoses: [], warnings: ['No bounce event of a known email service found.'] } });
  }
  return counts;
}
