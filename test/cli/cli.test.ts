import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { FIXTURES, fixturePath as fixture, runCli as run } from '../helpers/cli';

// These tests spawn the built binary, as a user or a script would run it.
const ESC = '\u001b[';

test('a raw SMTP string is explained: reply code, enhanced code parts, reason, verdict, advice', () => {
  const r = run(['554 5.1.0 Sender Denied']);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /554/);
  assert.match(r.stdout, /5\.1\.0/);
  assert.match(r.stdout, /class 5: permanent failure/i);
  assert.match(r.stdout, /subject 1: address/i);
  assert.match(r.stdout, /Advice/);
  assert.equal(r.stderr, '');
});

test('the 8 of "(state 8 )" is not a code', () => {
  const r = run(['--json', 'PERM_FAILURE: SMTP Error (state 8 ): 554 5.1.0 Sender Denied']);
  assert.equal(r.status, 0);
  const out = JSON.parse(r.stdout) as { diagnoses: { replyCode: number; status: string }[] };
  assert.equal(out.diagnoses[0]?.replyCode, 554);
  assert.equal(out.diagnoses[0].status, '5.1.0');
});

test('--json follows the DESIGN.md contract field by field', () => {
  const r = run(['--json', fixture('rfc3464-single.eml')]);
  assert.equal(r.status, 0);
  const out = JSON.parse(r.stdout) as Record<string, unknown>;
  assert.equal(out.input, fixture('rfc3464-single.eml'));
  assert.equal(out.isBounce, true);
  const diagnoses = out.diagnoses as Record<string, unknown>[];
  assert.equal(diagnoses.length, 1);
  const d = diagnoses[0] ?? {};
  assert.equal(d.recipient, 'nobody@example.net');
  assert.equal(d.action, 'failed');
  assert.equal(d.replyCode, 550);
  assert.equal(d.status, '5.1.1');
  assert.equal(d.class, 'permanent');
  assert.equal(d.reason, 'userunknown');
  assert.equal(d.hardBounce, true);
  assert.equal(d.remoteMta, 'mx.example.net');
  assert.equal(typeof d.diagnostic, 'string');
  assert.match(d.diagnostic as string, /User unknown/);
  const e = d.explanation as Record<string, unknown>;
  for (const key of ['reply', 'status', 'reason', 'advice']) assert.equal(typeof e[key], 'string', key);
  assert.ok(Array.isArray(d.warnings));
});

test('stdin is read when no argument is given, and with "-"', () => {
  const eml = readFileSync(fixture('rfc3464-single.eml'));
  for (const args of [['--json'], ['--json', '-']]) {
    const r = run(args, { input: eml });
    assert.equal(r.status, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { input: string; diagnoses: { status: string }[] };
    assert.equal(out.input, '-');
    assert.equal(out.diagnoses[0]?.status, '5.1.1');
  }
});

test('several files give an array in --json, in order, one record per file', () => {
  const r = run(['--json', fixture('rfc3464-single.eml'), fixture('rfc3464-multi.eml')]);
  assert.equal(r.status, 0);
  const out = JSON.parse(r.stdout) as { input: string; diagnoses: unknown[] }[];
  assert.equal(out.length, 2);
  assert.equal(out[0]?.diagnoses.length, 1);
  assert.equal(out[1]?.diagnoses.length, 3);
});

test('--ndjson prints one line per input', () => {
  const r = run(['--ndjson', fixture('rfc3464-single.eml'), '550 5.1.1 no such user']);
  assert.equal(r.status, 0);
  const lines = r.stdout.trimEnd().split('\n');
  assert.equal(lines.length, 2);
  assert.equal((JSON.parse(lines[1] ?? '') as { input: string }).input, 'argv');
});

test('exit code 1 when nothing is diagnosed: a string without a code, a normal email', () => {
  assert.equal(run(['hello there, nothing failed']).status, 1);
  const r = run(['--json', fixture('not-bounce-newsletter.eml')]);
  assert.equal(r.status, 1);
  const out = JSON.parse(r.stdout) as { isBounce: boolean; diagnoses: unknown[] };
  assert.equal(out.isBounce, false);
  assert.deepEqual(out.diagnoses, []);
});

test('exit code 2 for a missing file, with one stderr line, and the other inputs still done', () => {
  const r = run(['--json', 'no-such-bounce.eml', fixture('rfc3464-single.eml')]);
  assert.equal(r.status, 2);
  const errLines = r.stderr.trimEnd().split('\n');
  assert.equal(errLines.length, 1);
  assert.match(errLines[0] ?? '', /no-such-bounce\.eml.*no such file/);
  const out = JSON.parse(r.stdout) as { input: string; error?: string; diagnoses?: unknown[] }[];
  assert.equal(out.length, 2);
  assert.equal(out[0]?.error, 'no such file or directory');
  assert.equal(out[1]?.diagnoses?.length, 1);
});

test('exit code 2 for an unknown option and for empty stdin, without a stack trace', () => {
  const bad = run(['--no-such-option', '550 5.1.1 x']);
  assert.equal(bad.status, 2);
  assert.doesNotMatch(bad.stderr, /\n\s+at /);
  const empty = run([], { input: '' });
  assert.equal(empty.status, 2);
  assert.match(empty.stderr, /empty/);
});

test('colour: FORCE_COLOR colours, NO_COLOR and --no-color turn it off', () => {
  assert.ok(run(['550 5.1.1 x'], { env: { FORCE_COLOR: '1' } }).stdout.includes(ESC));
  assert.ok(!run(['550 5.1.1 x'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } }).stdout.includes(ESC));
  assert.ok(!run(['--no-color', '550 5.1.1 x'], { env: { FORCE_COLOR: '1' } }).stdout.includes(ESC));
  assert.ok(!run(['550 5.1.1 x']).stdout.includes(ESC), 'a pipe gets no colour');
  assert.ok(run(['--color', '550 5.1.1 x']).stdout.includes(ESC));
});

test('control characters from the input never reach the terminal raw', () => {
  const r = run(['550 5.1.1 evil\u001b[2J\u001b]0;title\u0007 text\u202e'], { env: { FORCE_COLOR: '1' } });
  assert.equal(r.status, 0);
  const plain = r.stdout.replace(/\u001b\[[0-9;]*m/g, '');
  assert.ok(!plain.includes('\u001b'), 'no raw ESC besides our own colours');
  assert.ok(!plain.includes('\u0007'));
  assert.ok(!plain.includes('\u202e'));
  assert.ok(plain.includes('\\u001b'));
});

test('--version and --help exit 0', () => {
  assert.equal(run(['--version']).status, 0);
  const help = run(['--help']);
  assert.equal(help.status, 0);
  assert.match(help.stdout, /Exit codes/);
});

test('one plain argument (read without commander) gives what commander gives after "--"', () => {
  // A single argument that is no option skips option parsing (figure 1 of
  // issue 4); `--` makes commander read the same argument the ordinary way.
  const args = [
    '554 5.1.0 Sender Denied',
    '421 try again later',
    'no code at all',
    fixture('rfc3464-single.eml'),
    fixture('not-bounce-newsletter.eml'),
    FIXTURES,
    'missing/bounce.eml',
    '',
  ];
  for (const arg of args) {
    const plain = run([arg]);
    const parsed = run(['--', arg]);
    assert.deepEqual(plain, parsed, JSON.stringify(arg));
  }
});
