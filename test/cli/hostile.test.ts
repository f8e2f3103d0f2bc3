import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_RECIPIENTS } from '../../src/limits';
import { HOSTILE_CASES } from '../../scripts/bench-hostile';
import { cliCommandLine, cliEnv, fixturePath, runCli, type CliRun } from '../helpers/cli';

// Hostile and broken input at the command line (issue 5): clear one-line
// errors, nothing lost in a batch. The limits themselves are checked on the
// library in test/hostile.test.ts.

const FIXTURE = fixturePath('rfc3464-single.eml');
const TMP = mkdtempSync(join(tmpdir(), 'whybounce-hostile-'));
process.on('exit', () => {
  rmSync(TMP, { recursive: true, force: true });
});

function run(args: string[], input: string | Buffer = ''): CliRun {
  return runCli(args, { input });
}

function file(name: string, data: string | Buffer): string {
  const path = join(TMP, name);
  writeFileSync(path, data);
  return path;
}

/** Exit 2, exactly one stderr line that names the input and says what is wrong, no stack trace. */
function assertCleanError(r: CliRun, name: string, what: RegExp): void {
  assert.equal(r.status, 2, `exit code, stderr: ${r.stderr}`);
  const lines = r.stderr.split('\n').filter((l) => l !== '');
  assert.equal(lines.length, 1, `one stderr line, got:\n${r.stderr}`);
  assert.ok(lines[0]?.includes(name), `names ${name}: ${r.stderr}`);
  assert.match(lines[0] ?? '', what);
  assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
}

// ------------------------------------------------------------ clear errors ---

test('clear errors: missing file, binary file, empty stdin, unknown option', () => {
  const binary = file('image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]));
  const rows: [string[], string, string, RegExp][] = [
    [[join(TMP, 'no-such.eml')], '', 'no-such.eml', /no such file/],
    [[binary], '', 'image.png', /binary/],
    [[], '', '-', /empty/],
    [['-'], '', '-', /empty/],
    [['--no-such-option'], '', '--no-such-option', /unknown option/],
  ];
  for (const [args, stdin, name, what] of rows) assertCleanError(run(args, stdin), name, what);
});

test('clear errors: a folder that cannot be read', { skip: process.getuid?.() === 0 ? 'root reads every folder' : false }, () => {
  const dir = join(TMP, 'locked');
  mkdirSync(dir);
  chmodSync(dir, 0o000);
  try {
    assertCleanError(run([dir]), 'locked', /permission denied/);
  } finally {
    chmodSync(dir, 0o700);
  }
});

test('no argument and a terminal on stdin: help on stderr, exit 2', { skip: process.platform === 'win32' }, () => {
  // script(1) gives the child a pseudo-terminal; the exit code is the child's (-e).
  const r = spawnSync('script', ['-qec', cliCommandLine(), '/dev/null'], { encoding: 'utf8', input: '', env: cliEnv() });
  if (r.error !== undefined) return; // no script(1) here
  assert.equal(r.status, 2);
  assert.match(r.stdout, /Usage: whybounce/);
});

test('a closed pipe ends quietly: whybounce big.mbox --ndjson | head -1', () => {
  const message = readFileSync(FIXTURE, 'latin1');
  const mbox = file('big.mbox', Array.from({ length: 3000 }, () => `From MAILER-DAEMON Mon Nov 16 10:02:11 2026\n${message}\n`).join(''));
  const r = spawnSync('bash', ['-c', `set -o pipefail; ${cliCommandLine([mbox, '--ndjson'])} | head -1`], { encoding: 'utf8', env: cliEnv() });
  assert.equal(r.stderr, '');
  assert.equal(r.stdout.split('\n').filter((l) => l !== '').length, 1);
  assert.equal(r.status, 0);
});

// Issue 15, item 11: stderr that cannot be written, and the exit code of a run cut short by its reader.
function bigMbox(): string {
  const message = readFileSync(FIXTURE, 'latin1');
  return file('big2.mbox', Array.from({ length: 3000 }, () => `From MAILER-DAEMON Mon Nov 16 10:02:11 2026\n${message}\n`).join(''));
}

test('stderr on a full device (2>/dev/full): the run goes on to its own exit code, stdout whole', () => {
  const missing = join(TMP, 'missing.eml');
  const r = spawnSync('bash', ['-c', `${cliCommandLine(['--ndjson', missing, FIXTURE])} 2>/dev/full`], { encoding: 'utf8', env: cliEnv() });
  assert.equal(r.status, 2, r.stderr);
  const records = r.stdout.split('\n').filter((l) => l !== '');
  assert.equal(records.length, 2);
  assert.match(records[1] ?? '', /"diagnoses":\[\{/);
});

test('stderr and stdout to a reader that stops (2>&1 | head -1): no crash, exit 2 after an unreadable input', () => {
  const missing = join(TMP, 'missing.eml');
  const r = spawnSync('bash', ['-c', `${cliCommandLine(['--ndjson', missing, bigMbox()])} 2>&1 | head -1; exit "\${PIPESTATUS[0]}"`], {
    encoding: 'utf8',
    env: cliEnv(),
  });
  assert.equal(r.status, 2, r.stdout);
  assert.match(r.stdout, /^whybounce: .*missing\.eml: /);
  assert.equal(r.stderr, '');
});

test('stdout closed by its reader after an unreadable input: exit 2, not 0', () => {
  const missing = join(TMP, 'missing.eml');
  const r = spawnSync('bash', ['-c', `${cliCommandLine(['--ndjson', missing, bigMbox()])} 2>/dev/null | head -1 >/dev/null; exit "\${PIPESTATUS[0]}"`], {
    encoding: 'utf8',
    env: cliEnv(),
  });
  assert.equal(r.status, 2);
});

// ------------------------------------------------------------ nothing lost ---

test('nothing lost: N inputs give N records in input order, an error record for each unreadable one', () => {
  const good = readFileSync(FIXTURE);
  const inputs = [
    file('a.eml', good),
    join(TMP, 'missing-1.eml'),
    file('b.bin', Buffer.from([1, 2, 0, 3])),
    file('c.eml', good),
    file('empty.eml', ''),
    file('d.eml', good),
  ];
  const r = run(['--ndjson', ...inputs]);
  assert.equal(r.status, 2);
  const records = r.stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as { input: string; error?: string; diagnoses?: unknown[] });
  assert.deepEqual(
    records.map((x) => x.input),
    inputs,
  );
  assert.deepEqual(
    records.map((x) => (x.error === undefined ? 'ok' : 'error')),
    ['ok', 'error', 'error', 'ok', 'error', 'ok'],
  );
  for (const x of records) if (x.error !== undefined) assert.deepEqual(Object.keys(x), ['input', 'error']);
  assert.equal(r.stderr.split('\n').filter((l) => l !== '').length, 3, 'one stderr line per unreadable input');
});

// ------------------------------------------------------------ named limits ---

const BIG_DSN = (groups: number, extra = ''): string =>
  HOSTILE_CASES.find((c) => c.unit === 'recipients')?.make(groups).replace('--BOUND--', `${extra}--BOUND--`) ?? '';

test('limits: one input over a limit does not stop the next ones (CLI batch)', () => {
  const many = file('many.eml', BIG_DSN(MAX_RECIPIENTS + 10));
  const r = run(['--ndjson', many, FIXTURE]);
  const records = r.stdout
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as { input: string; diagnoses: unknown[]; warnings: string[] });
  assert.equal(records.length, 2);
  assert.equal(records[0]?.diagnoses.length, MAX_RECIPIENTS);
  assert.ok(records[0].warnings.some((w) => w.includes('MAX_RECIPIENTS')));
  assert.equal(records[1]?.input, FIXTURE);
  assert.equal(records[1].diagnoses.length, 1);
});
