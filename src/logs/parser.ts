// Reading the logical lines of one stream with the registry's readers.
import type { LogLine, LogReadOptions, LogRecord } from './types';
import { createLogReaders } from './registry';
import { splitLogLines } from './split-lines';

/** What became of one logical line. */
export type LogOutcome =
  | { kind: 'record'; record: LogRecord }
  /**
   * A reader knew the line, but it reports no delivery, deferral or failure
   * ("connect from …"); `queueDone` when it says a queue id is done with.
   */
  | { kind: 'other'; format: string; queueDone?: string }
  /** No reader knew the line and it holds no SMTP code. */
  | { kind: 'skipped' };

/** Reads the logical lines of one stream, keeping per-stream state (a CSV header) and counts. */
export class LogParser {
  private readonly readers = createLogReaders();
  readonly counts = { records: 0, other: 0, skipped: 0 };

  constructor(private readonly options: LogReadOptions = {}) {}

  read(entry: LogLine): LogOutcome {
    for (const reader of this.readers) {
      if (!reader.recognises(entry.text)) continue;
      const record = reader.read(entry, this.options);
      if (record !== null) {
        this.counts.records++;
        return { kind: 'record', record };
      }
      if (reader.id === 'log-line') break;
      this.counts.other++;
      const done = reader.finishedQueue?.(entry.text) ?? null;
      return done === null ? { kind: 'other', format: reader.id } : { kind: 'other', format: reader.id, queueDone: done };
    }
    this.counts.skipped++;
    return { kind: 'skipped' };
  }
}

/** Reads a whole log text: its records in order, and how many lines gave none. */
export function readLogText(
  text: string,
  options: LogReadOptions = {},
): { records: LogRecord[]; other: number; skipped: number } {
  const parser = new LogParser(options);
  const records: LogRecord[] = [];
  for (const entry of splitLogLines(text)) {
    const outcome = parser.read(entry);
    if (outcome.kind === 'record') records.push(outcome.record);
  }
  return { records, other: parser.counts.other, skipped: parser.counts.skipped };
}

/**
 * The log format of a text, judged on its first lines: the server format
 * (not the generic fallback) that recognises most of them, else "log-line"
 * when at least one holds an SMTP code, else null.
 */
export function detectLogFormat(text: string, sampleLines = 50): string | null {
  const readers = createLogReaders();
  const votes = new Map<string, number>();
  let lines = 0;
  for (const entry of splitLogLines(text.slice(0, 64 * 1024))) {
    if (lines++ >= sampleLines) break;
    for (const reader of readers) {
      if (!reader.recognises(entry.text)) continue;
      votes.set(reader.id, (votes.get(reader.id) ?? 0) + 1);
      // Let the CSV reader learn its header.
      if (reader.id === 'exchange-csv') reader.read(entry, {});
      break;
    }
  }
  let best: string | null = null;
  let most = 0;
  for (const [id, n] of votes) {
    if (id !== 'log-line' && n > most) {
      best = id;
      most = n;
    }
  }
  return best ?? (votes.has('log-line') ? 'log-line' : null);
}
