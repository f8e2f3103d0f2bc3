import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { main } from '../../src/cli/main';
import { memoryIo, type MemoryIoOptions } from '../helpers/memory-io';
import { ROOT, runCli, spawnCli } from '../helpers/cli';

// Issue 13 through the command line: text that is no email gives one record
// per error line, mail logs and ESP events are read natively, a live stream is
// answered line by line.

const LOGS = join(ROOT, 'test', 'logs', 'fixtures');
const EVENTS = join(ROOT, 'test', 'events', 'fixtures');
const POSTFIX = readFileSync(join(LOGS, 'postfix.log'), 'utf8');

interface Record13 {
  input: string;
  isBounce: boolean;
  diagnoses: {
    recipient: string | null;
    action: string | null;
    replyCode: number | null;
    status: string | null;
    reason: string;
    hardBounce: boolean;
    remoteMta: string | null;
    format: string;
    timestamp?: string | null;
    queueId?: string | null;
    originalRecipient?: string | null;
    espType?: string | null;
    message?: string;
  }[];
}

async function call(argv: string[], options: MemoryIoOptions = {}) {
  const m = memoryIo(options);
  const status = await main(argv, m.io);
  return { status, stdout: m.stdout(), stderr: m.stderr() };
}

function ndjson(text: string): Record13[] {
  return text
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record13);
}

test("the issue's three lines on stdin give three CSV rows, one per line, each with its own codes and reason", () => {
  const r = runCli(['--csv'], { input: '550 5.1.1 user unknown\n452 4.2.2 mailbox full\n421 4.7.0 try later\n' });
  assert.equal(r.status, 0);
  const rows = r.stdout.trimEnd().split('\r\n');
  assert.equal(rows.length, 4, r.stdout);
  const cells = rows.slice(1).map((row) => row.split(','));
  assert.deepEqual(
    cells.map((c) => c.slice(0, 7)),
    [
      ['-:1', '', '550', '5.1.1', 'permanent', 'userunknown', 'true'],
      ['-:2', '', '452', '4.2.2', 'transient', 'mailboxfull', 'false'],
      ['-:3', '', '421', '4.7.0', 'transient', cells[2]?.[5] ?? '', 'false'],
    ],
  );
  // The third line is no full mailbox: each line has its own reason.
  assert.notEqual(cells[2]?.[5], 'mailboxfull');
  assert.ok(cells.every((c) => c[9]?.split(' ')[0] === c[2]), 'each row quotes its own line');
});

test('a single line on stdin is one record named "-", as before', async () => {
  const r = await call(['--json'], { stdin: '550 5.1.1 <a@example.com>: user unknown\n' });
  const record = JSON.parse(r.stdout) as Record13;
  assert.equal(record.input, '-');
  assert.equal(record.diagnoses.length, 1);
  assert.equal(record.diagnoses[0]?.format, 'line');
  assert.equal(record.diagnoses[0].recipient, 'a@example.com');
});

test('--json gives one object for a log, as for an mbox: each diagnosis names its line', async () => {
  const r = await call(['--json'], { stdin: '550 5.1.1 user unknown\n452 4.2.2 mailbox full\n' });
  const record = JSON.parse(r.stdout) as Record13;
  assert.equal(record.input, '-');
  assert.deepEqual(
    record.diagnoses.map((d) => [d.message, d.status]),
    [
      ['-:1', '5.1.1'],
      ['-:2', '4.2.2'],
    ],
  );
});

test('one argument is still one record, however many codes it holds', async () => {
  const r = await call(['--json', '550 5.1.1 user unknown 452 4.2.2 mailbox full']);
  const record = JSON.parse(r.stdout) as Record13;
  assert.equal(record.input, 'argv');
  assert.equal(record.diagnoses.length, 1);
});

test('a multi-line reply stays one record, named by its first line; lines without a code are skipped and counted', async () => {
  const text = [
    'starting run',
    '550-5.7.26 This mail has been blocked because the sender',
    '550-5.7.26 is unauthenticated. Gmail requires all senders to',
    '550 5.7.26 authenticate with either SPF or DKIM.',
    'nothing here',
    '452 4.2.2 <b@example.net> mailbox full',
    '',
  ].join('\n');
  const r = await call(['--ndjson'], { stdin: text });
  const records = ndjson(r.stdout);
  assert.deepEqual(
    records.map((x) => [x.input, x.diagnoses[0]?.status]),
    [
      ['-:2', '5.7.26'],
      ['-:6', '4.2.2'],
    ],
  );
  assert.equal(r.stderr, '', 'no note in JSON modes');
  const plain = await call([], { stdin: text });
  assert.match(plain.stderr, /^whybounce: -: 2 lines without an SMTP error skipped\n$/);
  const quiet = await call(['-q'], { stdin: text });
  assert.equal(quiet.stderr, '');
  assert.equal(quiet.stdout, '');
  assert.equal(quiet.status, 0);
});

test('a Postfix log file: one record per delivery line with the log fields, format postfix-log', async () => {
  const path = join(LOGS, 'postfix.log');
  const r = await call(['--ndjson', path]);
  const records = ndjson(r.stdout);
  const alice = records.find((x) => x.diagnoses[0]?.recipient === 'alice@example.com');
  assert.equal(alice?.input, `${path}:3`);
  assert.deepEqual(
    alice.diagnoses.map((d) => [d.format, d.action, d.replyCode, d.status, d.reason, d.hardBounce, d.remoteMta, d.queueId, d.originalRecipient]),
    [['postfix-log', 'failed', 550, '5.1.1', 'userunknown', true, 'mx.example.com', '4Xq7Lm0AbCz', 'team@example.org']],
  );
  // A classic syslog stamp takes its year from the file's modification time (here, today's checkout); an RFC 3339 one keeps its own.
  assert.match(alice.diagnoses[0]?.timestamp ?? '', /^\d{4}-12-04T10:00:02$/);
  assert.ok(records.some((x) => x.diagnoses[0]?.timestamp === '2026-12-04T10:00:11.123456+01:00'));
  // A delivery is a record too, but no bounce.
  const dave = records.find((x) => x.diagnoses[0]?.recipient === 'dave@example.org');
  assert.equal(dave?.isBounce, false);
  assert.equal(dave.diagnoses[0]?.action, 'delivered');
});

test("a classic syslog stamp's year: from the file's modification time (December lines in a January file are last year's); none on a stream without a clock", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wb-year-'));
  try {
    const stampOf = async (args: string[], stdin?: string): Promise<string | null | undefined> => {
      const r = await call(['--ndjson', ...args], stdin === undefined ? {} : { stdin });
      return ndjson(r.stdout).find((x) => x.diagnoses[0]?.recipient === 'alice@example.com')?.diagnoses[0]?.timestamp;
    };
    const january = join(dir, 'mail.log.1');
    writeFileSync(january, POSTFIX);
    utimesSync(january, new Date('2024-01-10T08:00:00Z'), new Date('2024-01-10T08:00:00Z'));
    assert.equal(await stampOf([january]), '2023-12-04T10:00:02');
    const december = join(dir, 'mail.log');
    writeFileSync(december, POSTFIX);
    utimesSync(december, new Date('2025-12-31T23:00:00Z'), new Date('2025-12-31T23:00:00Z'));
    assert.equal(await stampOf([december]), '2025-12-04T10:00:02');
    // In a folder too.
    const folder = await call(['--ndjson', dir]);
    const years = ndjson(folder.stdout)
      .filter((x) => x.diagnoses[0]?.recipient === 'alice@example.com')
      .map((x) => [x.input.replace(/:\d+$/, '').slice(dir.length + 1), x.diagnoses[0]?.timestamp]);
    assert.deepEqual(years.sort(), [['mail.log', '2025-12-04T10:00:02'], ['mail.log.1', '2023-12-04T10:00:02']]);
    // Standard input has no file time; this test's I/O has no clock either.
    assert.equal(await stampOf([], POSTFIX), '--12-04T10:00:02');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('--only and -q work on a log: only the hard bounces, and the exit code says whether there was one', async () => {
  const r = await call(['--ndjson', '--only', 'hard'], { stdin: POSTFIX });
  const records = ndjson(r.stdout);
  assert.ok(records.length > 0);
  assert.ok(records.every((x) => x.diagnoses.every((d) => d.hardBounce)));
  assert.ok(records.some((x) => x.diagnoses[0]?.recipient === 'alice@example.com'));
  const none = await call(['-q', '--only', 'hard'], { stdin: 'Dec  4 10:00:03 mx1 postfix/smtp[1]: 1A: to=<b@example.net>, relay=mx.example.net[192.0.2.20]:25, dsn=4.2.2, status=deferred (452 4.2.2 Mailbox full)\nDec  4 10:00:04 mx1 postfix/smtp[1]: 1A: to=<c@example.net>, relay=mx.example.net[192.0.2.20]:25, dsn=4.2.2, status=deferred (452 4.2.2 Mailbox full)\n' });
  assert.equal(none.status, 1);
  assert.equal(none.stdout + none.stderr, '');
});

test('--summary counts recipients by final state: deferrals then a bounce of one message are one bounced recipient', async () => {
  const line = (second: number, status: string, dsn: string, reply: string): string =>
    `Dec  4 10:00:0${second} mx1 postfix/smtp[1]: 4Xq7Lm0QXa: to=<a@example.com>, relay=mx.example.com[192.0.2.10]:25, dsn=${dsn}, status=${status} (host mx.example.com[192.0.2.10] said: ${reply})`;
  const log = [
    line(1, 'deferred', '4.2.2', '452 4.2.2 Mailbox full'),
    line(2, 'deferred', '4.2.2', '452 4.2.2 Mailbox full'),
    line(3, 'bounced', '5.2.2', '552 5.2.2 Mailbox full'),
    'Dec  4 10:00:04 mx1 postfix/smtp[1]: 4Xq7Lm0QYb: to=<b@example.net>, relay=mx.example.net[192.0.2.20]:25, dsn=4.4.1, status=deferred (connect to mx.example.net[192.0.2.20]:25: Connection timed out)',
    'Dec  4 10:00:05 mx1 postfix/smtpd[2]: connect from unknown[198.51.100.7]',
    '',
  ].join('\n');
  const r = await call(['--summary', '--json'], { stdin: log });
  const summary = JSON.parse(r.stdout) as { messages: number; logLines: { records: number; skipped: number }; recipients: Record<string, number> };
  assert.equal(summary.messages, 4);
  assert.deepEqual(summary.logLines, { records: 4, skipped: 1 });
  assert.deepEqual(summary.recipients, { bounced: 1, deferred: 1, delivered: 0, untracked: 0 });
  const text = await call(['--summary', '--no-color'], { stdin: log });
  assert.match(text.stdout, /Recipients by final state\n {2}1 bounced · 1 still deferred · 0 delivered\n/);
  // A summary of emails has no such part.
  const emails = await call(['--summary', '--json', join(ROOT, 'test', 'fixtures', 'aol-dsn.eml')]);
  assert.ok(!('recipients' in (JSON.parse(emails.stdout) as object)));
});

test('ESP events, NDJSON on stdin and a JSON file: one record each, the ESP type kept beside ours', async () => {
  const r = await call(['--ndjson'], { stdin: readFileSync(join(EVENTS, 'amazonses-events.ndjson')) });
  const records = ndjson(r.stdout);
  assert.ok(records.length >= 2);
  assert.deepEqual(
    records.map((x) => x.input),
    records.map((_, i) => `-#${i + 1}`),
  );
  assert.ok(records.every((x) => x.diagnoses[0]?.format === 'amazonses-event'));
  assert.ok(records.some((x) => x.diagnoses[0]?.espType === 'Transient/MailboxFull'));
  const file = join(EVENTS, 'postmark.json');
  const one = await call(['--json', file]);
  const record = JSON.parse(one.stdout) as Record13 | Record13[];
  const first = Array.isArray(record) ? record[0] : record;
  assert.equal(first?.diagnoses[0]?.format, 'postmark-event');
  assert.equal(typeof first.diagnoses[0].espType, 'string');
});

test('rotated and compressed logs in a folder are read like mail files; other text files are still skipped', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'whybounce-logs-'));
  try {
    mkdirSync(join(dir, 'log'));
    const lines = POSTFIX.split('\n');
    writeFileSync(join(dir, 'log', 'mail.log'), lines.slice(0, 5).join('\n') + '\n');
    writeFileSync(join(dir, 'log', 'mail.log.1'), lines.slice(5, 9).join('\n') + '\n');
    writeFileSync(join(dir, 'log', 'mail.log.2.gz'), gzipSync(lines.slice(9).join('\n')));
    writeFileSync(join(dir, 'log', 'notes.txt'), 'call Bob about the 550 5.1.1 at ten\nand the 452 too\n');
    const r = await call(['--ndjson', dir]);
    const names = ndjson(r.stdout).map((x) => x.input.slice(dir.length + 1));
    assert.ok(names.includes('log/mail.log:3'), names.join(' '));
    assert.ok(names.some((n) => n.startsWith('log/mail.log.1:')));
    assert.ok(names.some((n) => n.startsWith('log/mail.log.2.gz:')));
    assert.ok(!names.some((n) => n.startsWith('log/notes.txt')));
    assert.match(r.stderr, /notes\.txt: skipped: not an email/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** The next line the child writes on stdout. */
function nextLine(child: ReturnType<typeof spawnCli>, state: { buffer: string }): Promise<string> {
  return new Promise((resolve, reject) => {
    const tryTake = (): boolean => {
      const nl = state.buffer.indexOf('\n');
      if (nl === -1) return false;
      const line = state.buffer.slice(0, nl);
      state.buffer = state.buffer.slice(nl + 1);
      child.stdout.off('data', onData);
      child.off('exit', onExit);
      resolve(line);
      return true;
    };
    const onData = (chunk: Buffer): void => {
      state.buffer += chunk.toString('utf8');
      tryTake();
    };
    const onExit = (): void => {
      reject(new Error(`exited before a line came: ${state.buffer}`));
    };
    if (tryTake()) return;
    child.stdout.on('data', onData);
    child.once('exit', onExit);
  });
}

test('a live stream (tail -F): each record comes out while the writer still holds its end open', async () => {
  const child = spawnCli(['--ndjson']);
  const state = { buffer: '' };
  try {
    const first = POSTFIX.split('\n')[2] ?? '';
    child.stdin.write(`${first}\n`);
    const one = JSON.parse(await nextLine(child, state)) as Record13;
    assert.equal(one.input, '-:1');
    assert.equal(one.diagnoses[0]?.recipient, 'alice@example.com');
    assert.equal(child.exitCode, null, 'still running: stdin is open');
    child.stdin.write('Dec  4 10:00:04 mx1 postfix/smtpd[2101]: connect from mail.example.org[198.51.100.20]\n');
    child.stdin.write('550-5.7.1 first part\n');
    child.stdin.write('550 5.7.1 second part\n');
    const two = JSON.parse(await nextLine(child, state)) as Record13;
    assert.equal(two.input, '-:3');
    assert.equal(two.diagnoses[0]?.status, '5.7.1');
    child.stdin.end();
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    assert.equal(code, 0);
    assert.equal(state.buffer, '');
  } finally {
    child.kill();
  }
});

test('NDJSON events on a live stream: each event comes out while the writer still holds its end open', async () => {
  const lines = readFileSync(join(EVENTS, 'amazonses-events.ndjson'), 'utf8').split('\n').filter((l) => l !== '');
  assert.ok(lines.length >= 2);
  const child = spawnCli(['--ndjson']);
  const state = { buffer: '' };
  try {
    child.stdin.write(`${lines[0] ?? ''}\n`);
    const one = JSON.parse(await nextLine(child, state)) as Record13;
    assert.equal(one.input, '-#1');
    assert.equal(one.diagnoses[0]?.format, 'amazonses-event');
    assert.equal(child.exitCode, null, 'still running: stdin is open');
    child.stdin.write(`${lines[1] ?? ''}\n`);
    const two = JSON.parse(await nextLine(child, state)) as Record13;
    assert.equal(two.input, '-#2');
    child.stdin.end();
    const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
    assert.equal(code, 0);
  } finally {
    child.kill();
  }
});

test('NDJSON events read line by line give the records, names and counts of the whole text', async () => {
  const text = readFileSync(join(EVENTS, 'mailgun.ndjson'), 'utf8');
  // A line that is no JSON and an event no reader knows are counted, as in the whole text.
  const r = await call(['--summary', '--json'], { stdin: `${text}not json\n{"eventType": "Unknown"}\n` });
  const summary = JSON.parse(r.stdout) as { logLines: { records: number; skipped: number } };
  assert.equal(summary.logLines.skipped, 2);
  const lines = await call(['--ndjson'], { stdin: text });
  const records = ndjson(lines.stdout);
  assert.ok(records.length >= 2);
  assert.deepEqual(
    records.map((x) => x.input),
    records.map((_, i) => `-#${i + 1}`),
  );
  assert.equal(summary.logLines.records, records.length);
});
