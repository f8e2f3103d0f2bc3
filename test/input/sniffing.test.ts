import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readArgument, type InputItem } from '../../src/input/read-input';
import { sniff } from '../../src/input/sniff';
import { diagnose } from '../../src/pipeline/diagnose';
import { looksLikeEmail } from '../../src/email/looks-like-email';

const BOUNCE = readFileSync(join(__dirname, '..', 'fixtures', 'aol-dsn.eml'), 'latin1');
const FROM_LINE = 'From MAILER-DAEMON Mon Nov 16 10:00:00 2026\n';

async function stdinItems(bytes: Buffer, chunk = 1000): Promise<InputItem[]> {
  async function* chunks(): AsyncGenerator<Buffer> {
    for (let i = 0; i < bytes.length; i += chunk) {
      await Promise.resolve();
      yield bytes.subarray(i, i + chunk);
    }
  }
  const out: InputItem[] = [];
  for await (const item of readArgument('-', { stdin: chunks })) out.push(item);
  return out;
}

async function recipientsOf(items: InputItem[]): Promise<string[]> {
  const out: string[] = [];
  for (const item of items) {
    assert.ok(item.kind === 'data', JSON.stringify(item));
    const result = await diagnose(item.data, { input: item.name });
    out.push(...result.diagnoses.map((d) => `${d.recipient ?? '?'} ${d.status ?? '?'}`));
  }
  return out;
}

const mbox = (n: number): string => Array.from({ length: n }, () => `${FROM_LINE}${BOUNCE}\n`).join('');

// Issue 15, item 4: an mbox was recognised by "From " at byte 0 only.
test('an mbox with a blank line, a BOM or a stray header before its first From line is split', async () => {
  for (const before of ['\n', '\r\n\r\n', '\uFEFF', 'X-Stray: header\n', '\uFEFF\nX-Stray: one\nX-Stray: two\n']) {
    const items = await stdinItems(Buffer.from(before + mbox(3), 'utf8'));
    assert.deepEqual(items.map((i) => i.name), ['-#1', '-#2', '-#3'], JSON.stringify(before));
    assert.deepEqual(await recipientsOf(items), Array(3).fill('pedro@example.net 5.1.1'));
  }
});

test('a file read as one email that holds several From lines says so', async () => {
  const junk = Array.from({ length: 10 }, (_, i) => `junk line ${i}\n`).join('');
  const [item, ...more] = await stdinItems(Buffer.from(`X-Note: x\nSubject: s\n\n${junk}${mbox(3)}`, 'latin1'));
  assert.equal(more.length, 0);
  assert.ok(item?.kind === 'data');
  assert.match(item.warnings?.join(' ') ?? '', /3 lines that start like the "From " lines/);
  // One email with a body line "From here on…" is no mbox and gets no such warning.
  const [plain] = await stdinItems(Buffer.from(`${BOUNCE}\nFrom here on, nothing.\n`, 'latin1'));
  assert.ok(plain?.kind === 'data' && plain.warnings === undefined);
});

// Issue 15, item 5: email detection read a list of header names and the first 4 KB.
test('an email is told by its header syntax: any first header, a BOM, a first header over 4 KB', async () => {
  const bodies = [
    `Delivery-date: Mon, 16 Nov 2026 10:00:00 +0000\n${BOUNCE}`,
    `DomainKey-Signature: a=rsa-sha1; q=dns; c=nofws; s=s1; d=example.org;\n  b=AbCdEf\n${BOUNCE}`,
    `Feedback-ID: 1:2:3:example\n${BOUNCE}`,
    `\uFEFF${BOUNCE}`,
    `ARC-Seal: i=1; a=rsa-sha256; d=example.org; s=arc;\n${' b=' + 'Q'.repeat(70) + '\n'}`.repeat(1) +
      Array.from({ length: 80 }, () => ` ${'Q'.repeat(70)}\n`).join('') +
      BOUNCE,
  ];
  for (const text of bodies) {
    const bytes = Buffer.from(text, 'utf8');
    assert.equal(sniff(bytes.subarray(0, 4096)), 'email', text.slice(0, 40));
    const items = await stdinItems(bytes);
    assert.deepEqual(await recipientsOf(items), ['pedro@example.net 5.1.1'], text.slice(0, 40));
  }
  // Error lines and log excerpts stay text, even with a colon after the first word.
  for (const text of ['550 5.1.1 <a@example.com>: user unknown', 'Error: 550 5.1.1 user unknown', 'Dec  4 10:00:00 mx postfix/smtp[1]: to=<a@example.com>, status=bounced (550 5.1.1)', 'Reporting-MTA: dns; mx.example.org\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 unknown\n']) {
    assert.equal(looksLikeEmail(text), false, text);
    assert.equal(sniff(Buffer.from(text)), 'other', text);
  }
});

// Issue 15, item 13.
test('CR-only line ends, UTF-16 with a BOM and a stray NUL byte are read as the bounce they are', async () => {
  const cr = BOUNCE.replace(/\r?\n/g, '\r');
  const shapes: [string, Buffer][] = [
    ['CR-only bounce', Buffer.from(cr, 'latin1')],
    ['UTF-16LE bounce', Buffer.from(`\uFEFF${BOUNCE}`, 'utf16le')],
    ['UTF-16BE bounce', Buffer.from(`\uFEFF${BOUNCE}`, 'utf16le').swap16()],
    ['bounce with one NUL', Buffer.from(BOUNCE.replace('Subject:', 'X-Junk: \0\nSubject:'), 'latin1')],
  ];
  for (const [what, bytes] of shapes) {
    for (const chunk of [7, 1 << 16]) {
      assert.deepEqual(await recipientsOf(await stdinItems(bytes, chunk)), ['pedro@example.net 5.1.1'], `${what}, chunks of ${chunk}`);
    }
  }
  const crMbox = await stdinItems(Buffer.from(mbox(3).replace(/\r?\n/g, '\r'), 'latin1'), 500);
  assert.deepEqual(await recipientsOf(crMbox), Array(3).fill('pedro@example.net 5.1.1'));
  // A binary file is still refused.
  const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  assert.deepEqual(await stdinItems(png), [{ kind: 'error', name: '-', error: 'binary file, not an email or a text' }]);
});
