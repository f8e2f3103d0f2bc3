// The one way tests run the built binary (bin/whybounce.js → dist/), as a user
// or a script would, with one environment for every run.
import { spawn, spawnSync, type ChildProcessWithoutNullStreams, type StdioOptions } from 'node:child_process';
import { join } from 'node:path';

export const ROOT = join(__dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'whybounce.js');
export const FIXTURES = join(ROOT, 'test', 'fixtures');

export function fixturePath(name: string): string {
  return join(FIXTURES, name);
}

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * The environment of every spawned CLI: the test's own, less what would change
 * its output (NO_COLOR, FORCE_COLOR, WHYBOUNCE_READER) or its files
 * (WHYBOUNCE_CODE_CACHE_OUT, which rewrites a code cache in dist/), and less
 * NODE_EXTRA_CA_CERTS (Node 20 spends ~35 ms parsing that bundle at each
 * start). A test sets what it needs in `extra`.
 */
export function cliEnv(extra: Record<string, string | undefined> = {}): NodeJS.ProcessEnv {
  const unset = new Set(['NO_COLOR', 'FORCE_COLOR', 'WHYBOUNCE_READER', 'WHYBOUNCE_CODE_CACHE_OUT', 'NODE_EXTRA_CA_CERTS']);
  const entries = Object.entries({ ...process.env, ...extra }).filter(
    ([name, value]) => value !== undefined && (!unset.has(name) || name in extra),
  );
  return Object.fromEntries(entries);
}

export interface RunOptions {
  /** Standard input (none by default: an empty pipe). */
  input?: string | Buffer;
  env?: Record<string, string | undefined>;
  /** Where stdin, stdout and stderr go instead of pipes (stdout to a file, say); `input` is then not used. */
  stdio?: StdioOptions;
}

/** Runs the built CLI to its end. */
export function runCli(args: readonly string[], options: RunOptions = {}): CliRun {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    env: cliEnv(options.env),
    encoding: 'utf8',
    // A test that builds a big batch reads its whole output.
    maxBuffer: 256 * 1024 * 1024,
    ...(options.stdio === undefined ? { input: options.input ?? '' } : { stdio: options.stdio }),
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Starts the built CLI with pipes on stdin, stdout and stderr, for tests that feed or read it while it runs. */
export function spawnCli(args: readonly string[]): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [BIN, ...args], { env: cliEnv(), stdio: 'pipe' });
}

/** The command line that runs the built CLI, for a test that wraps it in a shell or script(1). */
export function cliCommandLine(args: readonly string[] = []): string {
  return [process.execPath, BIN, ...args].map((a) => JSON.stringify(a)).join(' ');
}
