import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diagnose } from '../src/pipeline/diagnose';
import { MAX_LINE_CHARS, MAX_MESSAGE_BYTES, MAX_MIME_PARTS, MAX_RECIPIENTS } from '../src/limits';
import { HOSTILE_CASES, nestedMime } from '../scripts/bench-hostile';

// Hostile and broken input (issue 5): named limits that say when they are hit,
// clear one-line errors, nothing lost in a batch. CLI cases spawn the built binary.

const ROOT = join(__dirname, '..');
const BIN = join(ROOT, 'bin', 'whybounce.js');
const FIXTURE = join(ROOT, 'test', 'fixtures', 'rfc3464-single.eml');
const TMP = mkdtempSync(join(tmpdir(), 'whybounce-hostile-'));
process.on('exit', () => {
  rmSync(TMP, { recursive: true, force: true });
});

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function run(args: string[], input: string | Buffer = ''): Run {
  const r = spawnSync(process.execPath, [BIN, ...args], {
    input,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: undefined },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(name: string, data: string | Buffer): string {
  const path = join(TMP, name);
  writeFileSync(path, data);
  return path;
}

/** Exit 2, exactly one stderr line that names the input and says what is wrong, no stack trace. */
function assertCleanError(r: Run, name: string, what: RegExp): void {
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
  const r = spawnSync('script', ['-qec', `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)}`, '/dev/null'], {
    encoding: 'utf8',
    input: '',
    env: { ...process.env, NO_COLOR: '1' },
  });
  if (r.error !== undefined) return; // no script(1) here
  assert.equal(r.status, 2);
  assert.match(r.stdout, /Usage: whybounce/);
});

test('a closed pipe ends quietly: whybounce big.mbox --ndjson | head -1', () => {
  const message = readFileSync(FIXTURE, 'latin1');
  const mbox = file('big.mbox', Array.from({ length: 3000 }, () => `From MAILER-DAEMON Mon Nov 16 10:02:11 2026\n${message}\n`).join(''));
  const r = spawnSync('bash', ['-c', `set -o pipefail; ${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} ${JSON.stringify(mbox)} --ndjson | head -1`], {
    encoding: 'utf8',
  });
  assert.equal(r.stderr, '');
  assert.equal(r.stdout.split('\n').filter((l) => l !== '').length, 1);
  assert.equal(r.status, 0);
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

test('limits: more recipients than MAX_RECIPIENTS are cut, and the warning says so', async () => {
  const result = await diagnose(BIG_DSN(MAX_RECIPIENTS + 50), { input: 'many' });
  assert.equal(result.diagnoses.length, MAX_RECIPIENTS);
  assert.ok(result.warnings.some((w) => w.includes('MAX_RECIPIENTS')), result.warnings.join('\n'));
});

test('limits: a line longer than MAX_LINE_CHARS is cut, the warning says so, the code is still read', async () => {
  const c = HOSTILE_CASES.find((x) => x.name.includes('Diagnostic-Code') && x.unit === 'MB');
  assert.ok(c);
  const result = await diagnose(c.make(1), { input: 'long' });
  assert.ok(result.warnings.some((w) => w.includes('MAX_LINE_CHARS')), result.warnings.join('\n'));
  assert.equal(result.diagnoses[0]?.replyCode, 550);
  assert.ok(result.diagnoses[0].diagnostic.length <= MAX_LINE_CHARS + 1);
});

test('limits: a message larger than MAX_MESSAGE_BYTES is cut, with a warning, and still read', async () => {
  const big = `550 5.1.1 <user@example.net> User unknown\n${'x'.repeat(MAX_MESSAGE_BYTES)}`;
  const result = await diagnose(big, { input: 'huge' });
  assert.ok(result.warnings.some((w) => w.includes(String(MAX_MESSAGE_BYTES))), result.warnings.join('\n'));
  assert.equal(result.diagnoses[0]?.status, '5.1.1');
});

function nested(depth: number, rfc822: boolean): string {
  const { head, tail } = nestedMime(depth, rfc822);
  return `${head}Content-Type: text/plain\n\n550 5.1.1 <user@example.net>: User unknown\n${tail}`;
}

test('limits: MIME nested 1,000 deep (past MAX_MIME_PARTS) neither overflows the stack nor hangs', async () => {
  for (const depth of [MAX_MIME_PARTS - 2, MAX_MIME_PARTS + 1, 5000]) {
    for (const rfc822 of [false, true]) {
      const start = Date.now();
      const result = await diagnose(nested(depth, rfc822), { input: `nested-${depth}` });
      assert.ok(Date.now() - start < 5000, `depth ${depth} took ${Date.now() - start} ms`);
      assert.ok(Array.isArray(result.diagnoses));
      if (!rfc822 && depth > MAX_MIME_PARTS) assert.ok(result.warnings.length > 0, 'the warning says the email was not parsed whole');
    }
  }
});

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

// ------------------------------------------------ pathological, small sizes ---

test('pathological inputs (small versions of the bench) each give a diagnosis quickly', async () => {
  for (const c of HOSTILE_CASES) {
    const size = c.unit === 'MB' ? 0.5 : c.full / 50;
    const start = Date.now();
    const result = await diagnose(c.make(size), { input: c.name });
    const ms = Date.now() - start;
    assert.ok(ms < 2000, `${c.name}: ${ms} ms`);
    if (!c.name.includes('argument')) assert.ok(result.diagnoses.length > 0, c.name);
  }
});
