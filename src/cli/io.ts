// What the CLI reads and writes, as an object main() is given: the real process
// (process-io.ts) or, in tests, memory. Nothing else in src/cli/ touches
// `process`.
import type { StdioKind } from './stdio-kind';

export type { StdioKind };

/** A stream to write to, as much of Node's Writable as the CLI uses. */
export interface OutStream {
  write(chunk: string | Uint8Array): boolean;
  once(event: 'drain', listener: () => void): unknown;
}

export interface CliStdout {
  /** What stdout is ('file', 'terminal' or 'other': a pipe…); asked at every write, so answered from a cache. */
  kind(): StdioKind;
  /**
   * For kind 'file': writes all the bytes before returning (Node's own stream
   * for a file does the same). A failure is the port's to report: it ends the run.
   */
  writeAll(bytes: Uint8Array): void;
  /** For the other kinds: the stream, created on first use; its failures are the port's to report. */
  stream(): OutStream;
  /** The width to wrap --help at, when stdout is a terminal. */
  columns(): number | undefined;
}

export interface CliStderr {
  kind(): StdioKind;
  write(text: string): void;
  /** The width to wrap usage errors at, when stderr is a terminal. */
  columns(): number | undefined;
}

export interface CliStdin {
  isTerminal(): boolean;
  /** The bytes of standard input, read on first use. */
  read(): AsyncIterable<Buffer>;
}

export interface CliIo {
  stdout: CliStdout;
  stderr: CliStderr;
  stdin: CliStdin;
  /** Environment variables: NO_COLOR, WHYBOUNCE_READER. */
  env: Readonly<Record<string, string | undefined>>;
  /** The colour level the terminal supports (chalk's detection for the real process). */
  detectColor(): 0 | 1 | 2 | 3;
  /** The current time, the year of a syslog stamp that has none ("Dec  4 10:00:01"); without it such stamps stay yearless. */
  now?(): Date;
  /** Called once a run has a second email, or one big email: a speed-up and memory cap for long batches and big inputs, if the port has one. */
  tuneForBatch?(): void;
  /**
   * The exit code of what the run has read so far, told as it changes: the
   * code to end with if stdout's reader goes away before the run ends (the
   * port ends the run quietly then).
   */
  exitCodeSoFar?(code: number): void;
}
