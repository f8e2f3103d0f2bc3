import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diagnose } from '../../src/pipeline/diagnose';
import { diagnoseText } from '../../src/pipeline/text';
import { readArgument, type InputItem } from '../../src/input/read-input';
import {
  MAX_FILE_BYTES,
  MAX_FOLDER_DEPTH,
  MAX_HEADER_BYTES,
  MAX_HTML_TO_TEXT,
  MAX_LINE_CHARS,
  MAX_MESSAGE_BYTES,
  MAX_MESSAGE_LINES,
  MAX_MIME_PARTS,
  MAX_RECIPIENTS,
  MAX_REPLY_TEXT,
  MAX_SCAN_CHARS,
  MAX_TEXT_PART_BYTES,
} from '../../src/limits';
import { HOSTILE_CASES, nestedMime } from '../../scripts/bench-hostile';

// Hostile and broken input (issue 5): named limits that say when they are hit.
// The CLI's cases (clear errors, nothing lost in a batch) are in test/cli/hostile.test.ts.

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

test('limits: an email with more than MAX_MESSAGE_LINES lines is cut there, with a warning, and still read', async () => {
  // Issue 15, item 2: line ends cost memory per line in the readers (30 MB of
  // them took over 1 GB). LF, CRLF and bare CR lines are all counted; both
  // readers (the light one, and mailparser for a charset it does not follow).
  const head = 'From: MAILER-DAEMON@example.org\nSubject: Undelivered Mail\nContent-Type: text/plain; charset=CHARSET\n\n550 5.1.1 <user@example.net>: unknown\n';
  for (const [charset, end] of [['us-ascii', '\n'], ['us-ascii', '\r'], ['us-ascii', '\r\n'], ['koi8-r', '\n']] as const) {
    const result = await diagnose(head.replace('CHARSET', charset) + end.repeat(MAX_MESSAGE_LINES + 10), { input: 'lines' });
    const label = `${charset} ${JSON.stringify(end)}`;
    assert.ok(hasWarning(result.warnings, 'MAX_MESSAGE_LINES'), `${label}: ${result.warnings.join(' / ')}`);
    const [first] = result.diagnoses;
    assert.ok(first, label);
    assert.equal(first.status, '5.1.1', label);
    assert.equal(first.recipient, 'user@example.net', label);
  }
  // At the cap, nothing is cut.
  const at = await diagnose(head.replace('CHARSET', 'us-ascii') + '\n'.repeat(MAX_MESSAGE_LINES - 10), { input: 'lines' });
  assert.ok(!hasWarning(at.warnings, 'MAX_MESSAGE_LINES'), at.warnings.join(' / '));
});

test('limits: a text part over MAX_TEXT_PART_BYTES is cut before decoding, with a warning; the parts after it are still read', async () => {
  // Issue 15, item 2: a 30 MB text part decoded whole cost 5 to 8 bytes per byte.
  const line = `${'=C3=A9'.repeat(12)}=\n`;
  const filler = line.repeat(Math.ceil((MAX_TEXT_PART_BYTES + 1024) / line.length));
  for (const charset of ['utf-8', 'koi8-r']) {
    const message = [
      'From: MAILER-DAEMON@example.org',
      'Subject: Undelivered Mail',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="B"',
      '',
      '--B',
      `Content-Type: text/plain; charset=${charset}`,
      'Content-Transfer-Encoding: quoted-printable',
      '',
      `Your message could not be delivered.\n${filler}`,
      '--B',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.example.org',
      '',
      'Final-Recipient: rfc822; user@example.net',
      'Action: failed',
      'Status: 5.2.2',
      'Diagnostic-Code: smtp; 552 5.2.2 Mailbox full',
      '',
      '--B--',
      '',
    ].join('\n');
    const result = await diagnose(message, { input: 'big-text' });
    assert.ok(hasWarning(result.warnings, 'MAX_TEXT_PART_BYTES'), `${charset}: ${result.warnings.join(' / ')}`);
    assert.deepEqual(
      result.diagnoses.map((d) => [d.recipient, d.status]),
      [['user@example.net', '5.2.2']],
      charset,
    );
  }
  // A single-part message: the notice at its top is still read.
  const single = `From: MAILER-DAEMON@example.org\nSubject: Undelivered Mail\nContent-Type: text/plain\n\n550 5.1.1 <user@example.net>: unknown\n${'x'.repeat(99)}\n`.padEnd(MAX_TEXT_PART_BYTES + 4096, 'y');
  const one = await diagnose(single, { input: 'big-single' });
  assert.ok(hasWarning(one.warnings, 'MAX_TEXT_PART_BYTES'), one.warnings.join(' / '));
  assert.equal(one.diagnoses[0]?.status, '5.1.1');
});

function nested(depth: number, rfc822: boolean): string {
  const { head, tail } = nestedMime(depth, rfc822);
  return `${head}Content-Type: text/plain\n\n550 5.1.1 <user@example.net>: User unknown\n${tail}`;
}

test('limits: MIME nested past MAX_MIME_PARTS neither overflows the stack nor loses the warning', async () => {
  // Multipart nesting: read whole below the cap, cut with a warning past it.
  const below = await diagnose(nested(MAX_MIME_PARTS - 2, false), { input: 'below' });
  assert.equal(below.diagnoses[0]?.status, '5.1.1');
  for (const depth of [MAX_MIME_PARTS + 1, 5000]) {
    const result = await diagnose(nested(depth, false), { input: `nested-${depth}` });
    assert.ok(result.warnings.some((w) => w.includes('MAX_MIME_PARTS')), `depth ${depth}: ${result.warnings.join(' / ')}`);
  }
  // Nested message/rfc822 parts are returned originals: the error line inside
  // the innermost one is not the bounce's own words, at any depth.
  for (const depth of [MAX_MIME_PARTS - 2, MAX_MIME_PARTS + 1, 5000]) {
    const result = await diagnose(nested(depth, true), { input: `rfc822-${depth}` });
    assert.ok(result.diagnoses.every((d) => d.status === null), `rfc822 depth ${depth}`);
  }
});

// ------------------------------------------------ pathological, small sizes ---

test('pathological inputs (small versions of the bench) each give their permanent failure (speed is in npm run bench:hostile)', async () => {
  for (const c of HOSTILE_CASES) {
    const size = c.unit === 'MB' ? 0.5 : c.full / 50;
    const result = await diagnose(c.make(size), { input: c.name });
    if (c.name.includes('argument')) assert.equal(result.diagnoses.length, 0, c.name);
    else assert.match(result.diagnoses[0]?.status ?? '', /^5\.\d\.\d$/, c.name);
  }
});

// ------------------------------------------- every cap that cuts says so ---
// Issue 15, item 6: the README's promise, "the constant's name is in the text",
// for each cap that cuts what is read.

const HEAD = 'From: MAILER-DAEMON@example.org\nSubject: Undelivered Mail\nMIME-Version: 1.0\n';

/** A stream as stdin gives it: `head`, then `bytes` of "x" (one 1 MiB chunk given again and again). */
async function* stream(head: string, bytes: number): AsyncGenerator<Buffer> {
  const chunk = Buffer.alloc(1024 * 1024, 'x');
  await Promise.resolve();
  yield Buffer.from(head);
  for (let n = 0; n < bytes; n += chunk.length) yield chunk;
}

function hasWarning(warnings: readonly string[], name: string): boolean {
  return warnings.some((w) => w.includes(`(${name})`));
}

test('limits: a raw text over MAX_REPLY_TEXT is searched only at its start, and the warning says so', () => {
  const long = `${'x'.repeat(MAX_REPLY_TEXT)} 550 5.1.1 unknown`;
  const r = diagnoseText(long, 'argv');
  assert.ok(hasWarning(r.warnings, 'MAX_REPLY_TEXT'), r.warnings.join('\n'));
  assert.ok(!hasWarning(diagnoseText('550 5.1.1 unknown', 'argv').warnings, 'MAX_REPLY_TEXT'));
});

test('limits: a body over MAX_SCAN_CHARS, or a paragraph over MAX_REPLY_TEXT, read by the text scan: warnings name them', async () => {
  const body = `${HEAD}Content-Type: text/plain\n\nYour message could not be delivered.\n\n${'filler line\n'.repeat(MAX_SCAN_CHARS / 10)}\n550 5.1.1 <user@example.net> unknown\n`;
  const r = await diagnose(body, { input: 'long-body' });
  assert.ok(hasWarning(r.warnings, 'MAX_SCAN_CHARS'), r.warnings.join('\n'));
  assert.ok(hasWarning(r.warnings, 'MAX_REPLY_TEXT'), r.warnings.join('\n'));
  // Short paragraphs in a long body: only the scan's cap.
  const paragraphs = `${HEAD}Content-Type: text/plain\n\nYour message could not be delivered.\n\n${'filler line\n\n'.repeat(MAX_SCAN_CHARS / 10)}`;
  const p = await diagnose(paragraphs, { input: 'paragraphs' });
  assert.ok(hasWarning(p.warnings, 'MAX_SCAN_CHARS'), p.warnings.join('\n'));
  assert.ok(!hasWarning(p.warnings, 'MAX_REPLY_TEXT'), p.warnings.join('\n'));
  // A delivery report is read by its own reader: a long notice beside it is no cut.
  const dsn = BIG_DSN(1, `--BOUND\nContent-Type: text/plain\n\n${'filler line\n'.repeat(MAX_SCAN_CHARS / 10)}\n`);
  const d = await diagnose(dsn, { input: 'dsn' });
  assert.equal(d.diagnoses[0]?.status, '5.1.1');
  assert.ok(!hasWarning(d.warnings, 'MAX_SCAN_CHARS'), d.warnings.join('\n'));
});

test('limits: HTML over MAX_HTML_TO_TEXT is not turned into text, and the warning says so', async () => {
  const html = `${HEAD}Content-Type: text/html; charset=utf-8\n\n<p>550 5.1.1 unknown</p>${'<p>x</p>'.repeat(MAX_HTML_TO_TEXT / 8)}\n`;
  const r = await diagnose(html, { input: 'html' });
  assert.ok(hasWarning(r.warnings, 'MAX_HTML_TO_TEXT'), r.warnings.join('\n'));
});

test('limits: more MIME parts than MAX_MIME_PARTS, a header block over MAX_HEADER_BYTES: warnings name them, not mailparser', async () => {
  const parts = `${HEAD}Content-Type: multipart/mixed; boundary="b"\n\n${'--b\nContent-Type: text/plain\n\nx\n'.repeat(MAX_MIME_PARTS + 10)}--b--\n`;
  const r = await diagnose(parts, { input: 'parts' });
  assert.ok(hasWarning(r.warnings, 'MAX_MIME_PARTS'), r.warnings.join('\n'));
  const header = `${HEAD}Content-Type: multipart/mixed; boundary="b"\n\n--b\nX-Big: ${'a'.repeat(MAX_HEADER_BYTES + 10)}\nContent-Type: text/plain\n\n550 5.1.1 <u@example.net> unknown\n--b--\n`;
  const h = await diagnose(header, { input: 'header' });
  assert.ok(hasWarning(h.warnings, 'MAX_HEADER_BYTES'), h.warnings.join('\n'));
  for (const w of [...r.warnings, ...h.warnings]) assert.doesNotMatch(w, /child nodes|MIME node/);
});

test('limits: MAX_MESSAGE_BYTES and MAX_FILE_BYTES are named where they cut or refuse', async () => {
  const big = `550 5.1.1 <user@example.net> User unknown\n${'x'.repeat(MAX_MESSAGE_BYTES)}`;
  assert.ok(hasWarning((await diagnose(big, { input: 'huge' })).warnings, 'MAX_MESSAGE_BYTES'));
  // An mbox message over the cap, and standard input over the file cap.
  const mbox: InputItem[] = [];
  for await (const item of readArgument('-', { stdin: () => stream('From a@example.com Mon Nov 16 10:00:00 2026\nSubject: x\n\n', MAX_MESSAGE_BYTES + 1) })) mbox.push(item);
  assert.ok(mbox[0]?.kind === 'data' && hasWarning(mbox[0].warnings ?? [], 'MAX_MESSAGE_BYTES'), JSON.stringify(mbox[0]?.name));
  // (A text that is no email is a stream of lines, read with no file cap: see test/cli/logs.test.ts.)
  const file: InputItem[] = [];
  for await (const item of readArgument('-', { stdin: () => stream(HEAD, MAX_FILE_BYTES + 1) })) file.push(item);
  assert.ok(file[0]?.kind === 'error' && file[0].error.includes('(MAX_FILE_BYTES)'), JSON.stringify(file[0]));
});

test('limits: a folder nested deeper than MAX_FOLDER_DEPTH is not entered, and a skipped note names it', async () => {
  const root = mkdtempSync(join(tmpdir(), 'whybounce-deep-'));
  try {
    let dir = root;
    for (let i = 0; i <= MAX_FOLDER_DEPTH + 1; i++) {
      dir = join(dir, `d${i}`);
      mkdirSync(dir);
      writeFileSync(join(dir, 'a.eml'), `${HEAD}Subject: x\n\n550 5.1.1 <u${i}@example.net> unknown\n`);
    }
    const items: InputItem[] = [];
    for await (const item of readArgument(root, { stdin: () => stream('', 0) })) items.push(item);
    const read = items.filter((i) => i.kind === 'data');
    assert.equal(read.length, MAX_FOLDER_DEPTH);
    const skipped = items.filter((i) => i.kind === 'skipped');
    assert.equal(skipped.length, 1);
    assert.ok(skipped[0]?.kind === 'skipped' && skipped[0].reason.includes('(MAX_FOLDER_DEPTH)'), JSON.stringify(skipped));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
