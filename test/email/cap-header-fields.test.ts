import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { capHeaderFields } from '../../src/email/cap-header-fields';
import { diagnose } from '../../src/pipeline/diagnose';
import { MAX_LINE_CHARS } from '../../src/limits';

// Issue 15, item 16: a ~1 MB From header of non-UTF-8 bytes took mailparser
// seconds and ~230 MB; the top header block's fields are cut to MAX_LINE_CHARS
// before it reads them (the time and memory are in `npm run bench:hostile --
// --memory`), and an empty Content-Type no longer leaks mailparser's TypeError.

const BODY = '\n550 5.1.1 <user@example.net>: unknown\n';

function withFrom(from: Buffer, lineEnd = '\n'): Buffer {
  const head = [`Received: from mx.example.org by mx.example.com`, 'Subject: Undelivered Mail', 'Content-Type: text/plain'].join(lineEnd);
  return Buffer.concat([Buffer.from('From: '), from, Buffer.from(` <MAILER-DAEMON@example.org>${lineEnd}${head}${lineEnd}${BODY.replaceAll('\n', lineEnd)}`)]);
}

test('cap header fields: a message with short fields is given back as it is', () => {
  const raw = readFileSync(join(__dirname, '..', 'fixtures', 'rfc3464-single.eml'));
  const capped = capHeaderFields(raw);
  assert.equal(capped.cut, false);
  assert.equal(capped.raw, raw);
});

test('cap header fields: only the long field is cut, the other fields and the body keep their bytes', () => {
  for (const lineEnd of ['\n', '\r\n']) {
    const long = Buffer.alloc(MAX_LINE_CHARS * 4, 0xe9);
    const capped = capHeaderFields(withFrom(long, lineEnd));
    assert.equal(capped.cut, true);
    const text = Buffer.from(capped.raw).toString('latin1');
    const lines = text.split(lineEnd);
    assert.ok((lines[0] ?? '').length <= MAX_LINE_CHARS, String(lines[0]?.length));
    assert.match(lines[0] ?? '', /^From: \xe9+$/);
    assert.deepEqual(lines.slice(1, 4), ['Received: from mx.example.org by mx.example.com', 'Subject: Undelivered Mail', 'Content-Type: text/plain']);
    assert.ok(text.endsWith(`${lineEnd}${lineEnd}550 5.1.1 <user@example.net>: unknown${lineEnd}`));
  }
  // A folded field counts with its folded lines.
  const folded = Buffer.from(`To: ${'a@example.com,\n '.repeat(MAX_LINE_CHARS / 8)}b@example.com\nSubject: x\n${BODY}`);
  const f = capHeaderFields(folded);
  assert.equal(f.cut, true);
  const text = Buffer.from(f.raw).toString('latin1');
  assert.ok(text.indexOf('\nSubject: x\n') <= MAX_LINE_CHARS + 1);
});

test('a 1 MB From header of non-UTF-8 bytes: the field is cut, the warning names MAX_LINE_CHARS, the bounce is read', async () => {
  const r = await diagnose(withFrom(Buffer.alloc(1_000_000, 0xe9)), { input: 'from' });
  assert.equal(r.diagnoses[0]?.status, '5.1.1');
  assert.ok(r.warnings.some((w) => w.includes('(MAX_LINE_CHARS)')), r.warnings.join('\n'));
});

test('an empty Content-Type header: read as text/plain, no internal error text in the warnings', async () => {
  const part = [
    'From: MAILER-DAEMON@example.org',
    'Subject: Undelivered Mail',
    'MIME-Version: 1.0',
    'Content-Type: multipart/mixed; boundary="b"',
    '',
    '--b',
    'Content-Type: ',
    '',
    '550 5.1.1 <user@example.net>: unknown',
    '--b--',
    '',
  ].join('\n');
  const root = 'From: MAILER-DAEMON@example.org\nSubject: Undelivered Mail\nContent-Type: \n\n550 5.1.1 <user@example.net>: unknown\n';
  for (const reader of ['auto', 'mailparser'] as const) {
    for (const [name, text] of [['part', part], ['root', root]] as const) {
      const r = await diagnose(text, { input: name, reader });
      assert.equal(r.diagnoses[0]?.status, '5.1.1', `${name} ${reader}`);
      for (const w of r.warnings) assert.doesNotMatch(w, /is not a function|TypeError|could not be parsed/, `${name} ${reader}`);
    }
  }
});
