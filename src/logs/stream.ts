// Chunks of a log in, records out: the splitter and the parser of one stream
// together, for `tail -F` pipelines. Nothing here waits for the end of input.
import type { LogLine, LogReadOptions, LogRecord } from './types';
import { LineSplitter } from './split-lines';
import { LogParser } from './parser';

/** Called in line order while the stream is read (for --summary's count by final state). */
export interface LogStreamHooks {
  /** Every record, as it is read. */
  onRecord?: (record: LogRecord) => void;
  /** A line saying that a queue id is done with (Postfix's "QUEUEID: removed"), after the records before it. */
  onQueueDone?: (queueId: string) => void;
}

export class LogStream {
  private readonly splitter = new LineSplitter();
  private readonly parser: LogParser;

  constructor(
    options: LogReadOptions = {},
    private readonly hooks: LogStreamHooks = {},
  ) {
    this.parser = new LogParser(options);
  }

  /** Lines read so far that gave a record, that a reader knew but reported nothing, that no reader knew. */
  get counts(): Readonly<{ records: number; other: number; skipped: number }> {
    return this.parser.counts;
  }

  /** Adds a chunk; returns the records it completed. */
  push(chunk: string): LogRecord[] {
    return this.records(this.splitter.push(chunk));
  }

  /** Returns the record held back for a possible continuation line (see LineSplitter.flushUnlessOpen). */
  flushUnlessOpen(): LogRecord[] {
    return this.records(this.splitter.flushUnlessOpen());
  }

  /** Ends the input; returns the last records. */
  end(): LogRecord[] {
    return this.records(this.splitter.end());
  }

  private records(lines: readonly LogLine[]): LogRecord[] {
    const out: LogRecord[] = [];
    const { onRecord, onQueueDone } = this.hooks;
    for (const line of lines) {
      const outcome = this.parser.read(line);
      if (outcome.kind === 'record') {
        out.push(outcome.record);
        onRecord?.(outcome.record);
      } else if (outcome.kind === 'other' && outcome.queueDone !== undefined) {
        onQueueDone?.(outcome.queueDone);
      }
    }
    return out;
  }
}
