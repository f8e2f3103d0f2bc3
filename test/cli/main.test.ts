import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { main } from '../../src/cli/main';
import { memoryIo, type MemoryIoOptions } from '../helpers/memory-io';
import { fixturePath, runCli } from '../helpers/cli';

// main(argv, io) in-process, with stdout, stderr and stdin in memory: what the
// built binary does (test/cli/cli.test.ts) without a process per case.

const ESC = '\u001b[';
const SINGLE = fixturePath('rfc3464-single.eml');
const MULTI = fixturePath('rfc3464-multi.eml');
const NOT_BOUNCE = fixturePath('not-bounce-newsletter.eml');

async function call(argv: string[], options: MemoryIoOptions = {}) {
  const m = memoryIo(options);
  const status = await main(argv, m.io);
  return { status, stdout: m.stdout(), stderr: m.stderr() };
}

// argv → the same stdout, stderr and exit code in-process as from the built binary.
const SAME_AS_BINARY: string[][] = [
  ['554 5.1.0 Sender Denied'],
  ['--why', '550 5.1.1 <someone@example.com>: Recipient address rejected: User unknown'],
  ['hello world'],
  ['--json', SINGLE, MULTI],
  ['--ndjson', SINGLE, NOT_BOUNCE, 'no-such-file.eml'],
  ['--csv', MULTI],
  ['--summary', SINGLE, MULTI],
  ['--only', 'soft', SINGLE],
  ['--json', '--csv', SINGLE],
  ['--only', 'nonsense', SINGLE],
  ['--no-such-option'],
  ['completion', 'fish'],
  ['completion', 'powershell'],
  ['explain', '5.7.26'],
  ['codes', '--class', '4', '--json'],
  ['--help'],
];

for (const argv of SAME_AS_BINARY) {
  test(`main(${JSON.stringify(argv)}) does what the built binary does`, async () => {
    const binary = runCli(argv, { input: '' });
    // The binary's stdin is an empty pipe here, not a terminal.
    const inProcess = await call(argv, { stdin: '' });
    assert.equal(inProcess.status, binary.status);
    assert.equal(inProcess.stdout, binary.stdout);
    assert.equal(inProcess.stderr, binary.stderr);
  });
}

test('main returns the exit code and writes nothing itself: a raw string, an email on stdin', async () => {
  const raw = await call(['552 5.2.2 Mailbox full']);
  assert.equal(raw.status, 0);
  assert.match(raw.stdout, /mailboxfull/);
  assert.equal(raw.stderr, '');
  const piped = await call(['--ndjson'], { stdin: readFileSync(SINGLE) });
  assert.equal(piped.status, 0);
  const record = JSON.parse(piped.stdout) as { input: string; diagnoses: unknown[] };
  assert.equal(record.input, '-');
  assert.equal(record.diagnoses.length, 1);
});

test('no argument and a terminal on stdin: the help on stderr, exit 2', async () => {
  const r = await call([]);
  assert.equal(r.status, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /^Usage: whybounce/);
});

test('colour: the terminal\'s level unless NO_COLOR or --no-color; --color forces it', async () => {
  // [argv, env, level the terminal supports, coloured?]
  const rows: [string[], Record<string, string>, 0 | 1 | 2 | 3, boolean][] = [
    [['550 5.1.1 x'], {}, 3, true],
    [['550 5.1.1 x'], {}, 0, false],
    [['550 5.1.1 x'], { NO_COLOR: '1' }, 3, false],
    [['550 5.1.1 x'], { NO_COLOR: '' }, 3, true],
    [['--no-color', '550 5.1.1 x'], {}, 3, false],
    [['--color', '550 5.1.1 x'], {}, 0, true],
    [['--color', '550 5.1.1 x'], { NO_COLOR: '1' }, 0, true],
    [['explain', '550'], {}, 3, true],
    [['explain', '550'], { NO_COLOR: '1' }, 3, false],
  ];
  for (const [argv, env, color, coloured] of rows) {
    const r = await call(argv, { env, color });
    assert.equal(r.stdout.includes(ESC), coloured, `${argv.join(' ')} ${JSON.stringify(env)} level ${color}`);
  }
});

test('WHYBOUNCE_READER=mailparser in the environment reads with mailparser: the same result here', async () => {
  const light = await call(['--json', SINGLE]);
  const mailparser = await call(['--json', SINGLE], { env: { WHYBOUNCE_READER: 'mailparser' } });
  assert.equal(light.status, 0);
  assert.equal(mailparser.stdout, light.stdout);
});

test('the same bytes whatever stdout is: a file, a pipe or a terminal', async () => {
  const argv = ['--ndjson', SINGLE, MULTI, NOT_BOUNCE, '554 5.1.0 Sender Denied'];
  const file = await call(argv, { stdoutKind: 'file' });
  const pipe = await call(argv, { stdoutKind: 'other' });
  const terminal = await call(argv, { stdoutKind: 'terminal' });
  assert.equal(file.stdout.split('\n').filter((l) => l !== '').length, 4);
  assert.equal(pipe.stdout, file.stdout);
  assert.equal(terminal.stdout, file.stdout);
});

test('calls do not share state: a second call writes only its own output', async () => {
  const first = await call(['--json', SINGLE, MULTI]);
  const second = await call(['--json', SINGLE]);
  assert.equal(first.stdout.trimStart()[0], '[');
  assert.equal(second.stdout.trimStart()[0], '{');
  assert.equal((JSON.parse(second.stdout) as { input: string }).input, SINGLE);
});

test('an unreadable input is a note on stderr, between the outputs before and after it', async () => {
  const m = memoryIo();
  assert.equal(await main(['--ndjson', SINGLE, 'no-such-file.eml', MULTI], m.io), 2);
  const lines = m.both().split('\n');
  assert.equal(lines.length, 5);
  assert.equal((JSON.parse(lines[0] ?? '') as { input: string }).input, SINGLE);
  assert.match(lines[1] ?? '', /^whybounce: no-such-file\.eml: /);
  assert.equal((JSON.parse(lines[2] ?? '') as { input: string }).input, 'no-such-file.eml');
  assert.equal((JSON.parse(lines[3] ?? '') as { input: string }).input, MULTI);
});

// Issue 15, item 12: usage errors quote the arguments; an ESC or BEL in them
// (a file named "--\e[2J…" picked up by a glob, say) is shown escaped.
test('usage errors show the control characters of an argument escaped', async () => {
  for (const argv of [
    ['--only', '\u001b[31mred\u0007', SINGLE],
    ['--\u001b[2Jwiped\u0007'],
    ['-\u001b]0;title\u0007', SINGLE],
    ['explain', '\u001b[2J\u0007'],
    ['completion', '\u001b[2J'],
  ]) {
    const r = await call(argv);
    assert.notEqual(r.status, 0, `${JSON.stringify(argv)}: ${r.stderr}`);
    assert.ok(r.stderr.length > 0);
    assert.doesNotMatch(r.stderr, /[\u0007\u001b]/, JSON.stringify(argv));
  }
  const r = await call(['--only', '\u001b[31mred', SINGLE]);
  assert.match(r.stderr, /\\u001b\[31mred/);
});

// Issue 15, item 15: a subcommand is found wherever the options stand, and
// words after `completion <shell>` are a usage error, not strings to diagnose.
test('subcommands after options: the same output as with the options after the word', async () => {
  const pairs: [string[], string[]][] = [
    [['--json', 'explain', '5.7.26'], ['explain', '5.7.26', '--json']],
    [['--no-color', 'codes', '--class', '5'], ['codes', '--class', '5', '--no-color']],
    [['--class', '4', 'codes'], ['codes', '--class', '4']],
    [['--no-color', 'completion', 'bash'], ['completion', 'bash']],
  ];
  for (const [before, after] of pairs) {
    const a = await call(before);
    const b = await call(after);
    assert.equal(a.status, 0, `${before.join(' ')}: ${a.stderr}`);
    assert.ok(a.stdout.length > 100);
    assert.deepEqual(a, b, before.join(' '));
  }
  // Not diagnosed as strings: a diagnosing run would name the input "argv".
  const explained = await call(['--json', 'explain', '5.7.26']);
  assert.doesNotMatch(explained.stdout, /"input"/);
});

test('completion with a word after the shell, or no shell: a usage error, nothing diagnosed', async () => {
  for (const argv of [['completion', 'bash', 'extra'], ['completion', 'zsh', '550 5.1.1 unknown'], ['completion'], ['--json', 'completion']]) {
    const r = await call(argv);
    assert.equal(r.status, 2, argv.join(' '));
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^whybounce: completion takes one of bash, zsh, fish/);
  }
});

test('after "--", or after a file, the words are inputs, not subcommands', async () => {
  const r = await call(['--json', '--', 'explain', '550 5.1.1 unknown']);
  assert.equal(r.status, 0);
  const records = JSON.parse(r.stdout) as { input: string }[];
  assert.deepEqual(
    records.map((x) => x.input),
    ['argv', 'argv'],
  );
  const s = await call(['--ndjson', SINGLE, 'codes']);
  assert.equal(s.stdout.trim().split('\n').length, 2);
});

test('the options that take a value are known to the subcommand finder', async () => {
  const { buildProgram } = await import('../../src/cli/program');
  const { VALUE_OPTIONS } = await import('../../src/cli/subcommands');
  const program = buildProgram(memoryIo().io);
  const taking = program.options.filter((o) => o.required || o.optional).map((o) => o.long ?? '');
  assert.ok(taking.length > 0);
  for (const name of taking) assert.ok(VALUE_OPTIONS.has(name), name);
});
