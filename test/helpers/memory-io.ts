// A CliIo in memory, for tests that call main(argv, io) in-process: stdout and
// stderr are collected, stdin is what the test gives.
import { Readable } from 'node:stream';
import type { CliIo, StdioKind } from '../../src/cli/io';

export interface MemoryIoOptions {
  /** Standard input; without it, stdin is a terminal (nothing piped in). */
  stdin?: string | Buffer;
  env?: Record<string, string | undefined>;
  /** What stdout is: 'file' (the default) takes bytes at once, 'other' is a pipe, 'terminal' a terminal. */
  stdoutKind?: StdioKind;
  /** The colour level the terminal would support. */
  color?: 0 | 1 | 2 | 3;
}

export interface MemoryIo {
  io: CliIo;
  stdout(): string;
  stderr(): string;
  /** stdout and stderr in the order they were written, as `2>&1` would show them. */
  both(): string;
}

export function memoryIo(options: MemoryIoOptions = {}): MemoryIo {
  const out: Buffer[] = [];
  const err: string[] = [];
  const all: Buffer[] = [];
  const take = (chunk: string | Uint8Array): boolean => {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
    out.push(bytes);
    all.push(bytes);
    return true;
  };
  const stdin = options.stdin;
  const io: CliIo = {
    stdout: {
      kind: () => options.stdoutKind ?? 'file',
      writeAll: (bytes) => {
        take(bytes);
      },
      stream: () => ({ write: take, once: () => undefined }),
      columns: () => undefined,
    },
    stderr: {
      kind: () => 'other',
      write: (text) => {
        err.push(text);
        all.push(Buffer.from(text, 'utf8'));
      },
      columns: () => undefined,
    },
    stdin: {
      isTerminal: () => stdin === undefined,
      read: () => Readable.from(stdin === undefined || stdin.length === 0 ? [] : [Buffer.from(stdin)]),
    },
    env: options.env ?? {},
    detectColor: () => options.color ?? 0,
  };
  return {
    io,
    stdout: () => Buffer.concat(out).toString('utf8'),
    stderr: () => err.join(''),
    both: () => Buffer.concat(all).toString('utf8'),
  };
}

