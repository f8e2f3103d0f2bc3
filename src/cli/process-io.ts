// The CLI's io for the real process. Everything is created on first use:
// process.stdout and process.stderr load Node's stream modules (~2 ms of a raw
// string's run, docs/performance.md), so a file or /dev/null on stdout is
// written with writeSync instead, and stdin is not touched unless it is read.
import { writeSync } from 'node:fs';
import { supportsColor } from 'chalk';
import type { CliIo, OutStream } from './io';
import { stdioKind } from './stdio-kind';
import { EXIT_TROUBLE } from './exit-codes';

/** Output that cannot be written (a full disk, say): one line, no stack trace, and no use going on. */
function cannotWrite(err: unknown): never {
  writeStderr(`whybounce: cannot write the output: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(EXIT_TROUBLE);
}

let stderrReady = false;
let stderrBroken = false;

/**
 * A note on stderr. When stderr cannot be written (`2>/dev/full`, or a reader
 * that closed it: `2>&1 | head -1`), the notes are dropped and the run goes on
 * to its own exit code: without a listener, Node would end the process on the
 * stream's 'error' event (exit 1, with a stack trace to nowhere).
 */
function writeStderr(text: string): void {
  if (stderrBroken) return;
  if (!stderrReady) {
    stderrReady = true;
    process.stderr.on('error', () => {
      stderrBroken = true;
    });
  }
  process.stderr.write(text);
}

let stdoutReady = false;

/** process.stdout, created on first use. */
function stdoutStream(): OutStream {
  if (!stdoutReady) {
    stdoutReady = true;
    // A reader that stops early (`whybounce --ndjson big.mbox | head -1`)
    // closes the pipe: end quietly instead of printing an EPIPE stack trace,
    // with the exit code of what was read so far (exitCodeSoFar).
    process.stdout.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      cannotWrite(err);
    });
  }
  return process.stdout;
}

// A batch of emails runs the same few hundred functions thousands of times, and
// V8 compiles the hottest with its optimising compiler, TurboFan, on a second
// thread. Before V8 13 (Node 20 and 22), whose mid tier is missing (20) or
// young (22), TurboFan inlines callees into each function it compiles, up to
// 920 bytes of their bytecode; on one core that compile time was about a third
// of a 5,000-message run. With at most 100 bytes inlined it compiles ~4x less code
// for nearly the same speed once compiled: ~10% off the whole run on Node 20
// and 22, measured pinned to one core (docs/performance.md); Node 24 gained
// nothing and is left alone. Set from the second email on: a single email
// never pays for loading node:v8, and the code caches, which record V8's flags,
// are read by then.
//
// The young generation, where V8 puts new objects, starts at 1 MB and doubles
// (up to 16 MB per semi-space on 64 bits, three of them in all) each time many
// objects outlive a scavenge, as a batch's results waiting to be written do.
// Grown, it held ~35 MB more for the whole run, for no speed gained: on a
// 1 GB mbox of real bounces peak RSS was 166-170 MB, over the 150 MB goal, and
// ~107-125 MB with it kept at its first size, for about the same CPU time on
// fixtures and ~8% more on the corpus (issue 15, item 19; docs/performance.md). V8 reads the growth factor
// each time it would grow the space, so setting it now takes effect.
function tuneForBatch(): void {
  try {
    const v8 = require('node:v8') as typeof import('node:v8');
    v8.setFlagsFromString('--semi-space-growth-factor=1');
    if (Number.parseInt(process.versions.v8, 10) < 13) v8.setFlagsFromString('--max-inlined-bytecode-size-cumulative=100');
  } catch {
    // Only a speed-up and a memory cap.
  }
}

/**
 * Standard input until it ends or the user presses Ctrl-C: the first SIGINT
 * ends the input as an end of file would (`tail -F log | whybounce --summary`
 * still prints its summary), a second one ends the process at once.
 */
async function* untilInterrupted(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let stop: (value: null) => void = () => undefined;
  const stopped = new Promise<null>((resolve) => {
    stop = resolve;
  });
  const onInterrupt = (): void => {
    process.removeListener('SIGINT', onInterrupt);
    process.once('SIGINT', () => process.exit(130));
    stop(null);
  };
  process.on('SIGINT', onInterrupt);
  const iterator = chunks[Symbol.asyncIterator]();
  try {
    for (;;) {
      const next = await Promise.race([iterator.next(), stopped]);
      if (next === null || next.done === true) return;
      yield next.value;
    }
  } finally {
    process.removeListener('SIGINT', onInterrupt);
    process.stdin.destroy();
  }
}

export function processIo(): CliIo {
  return {
    stdout: {
      kind: () => stdioKind(1),
      writeAll(bytes) {
        try {
          for (let done = 0; done < bytes.length; ) done += writeSync(1, bytes, done);
        } catch (err) {
          cannotWrite(err);
        }
      },
      stream: stdoutStream,
      // What commander reads by default.
      columns: () => (process.stdout.isTTY ? process.stdout.columns : undefined),
    },
    stderr: {
      kind: () => stdioKind(2),
      write: writeStderr,
      columns: () => (process.stderr.isTTY ? process.stderr.columns : undefined),
    },
    stdin: {
      isTerminal: () => process.stdin.isTTY,
      read: () => untilInterrupted(process.stdin as AsyncIterable<Buffer>),
    },
    env: process.env,
    now: () => new Date(),
    // chalk's own detection: a terminal on stdout, FORCE_COLOR, TERM=dumb.
    detectColor: () => (supportsColor === false ? 0 : supportsColor.level),
    tuneForBatch,
    exitCodeSoFar: (code) => {
      process.exitCode = code;
    },
  };
}
