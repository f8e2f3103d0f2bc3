import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readOriginal } from '../../src/email/original';
import { lightParse } from '../../src/email/light';
import { parseEmail } from '../../src/email/parse-email';
import { MAX_ORIGINAL_FIELDS, MAX_QUOTED_HEADERS_SEARCH } from '../../src/limits';

const asIs = (text: string): string => text;
const fieldsOf = (attached: string | null, text: string): Record<string, readonly string[]> | null => {
  const original = readOriginal(attached, text, asIs);
  return original === null ? null : Object.fromEntries(original.fields);
};

test('an attached header block: names lower-cased, folds joined, repeated fields kept in order, the body not read', () => {
  const block = 'Received: from a\n\tby b\nReceived: from c\nSubject: one\n two\nX-Campaign-ID: c-1\n\nBody: not a header\n';
  assert.deepEqual(fieldsOf(block, ''), {
    received: ['from a by b', 'from c'],
    subject: ['one two'],
    'x-campaign-id': ['c-1'],
  });
  assert.equal(readOriginal(block, '', asIs)?.source, 'attached');
});

test('an mbox "From " line before the returned headers is not a field', () => {
  assert.deepEqual(fieldsOf('From someone Tue Nov  3 09:14:02 2026\nSubject: x\n', ''), { subject: ['x'] });
});

test('headers quoted in the notice: found after the notice, with or without a quoting prefix', () => {
  const notice = 'Your message could not be delivered.\nSubject: this line is the notice speaking\n\n';
  const quoted = 'Message-ID: <a@example.com>\nFrom: me@example.com\nSubject: Hello\n\nbody\n';
  assert.deepEqual(fieldsOf(null, notice + quoted), {
    'message-id': ['<a@example.com>'],
    from: ['me@example.com'],
    subject: ['Hello'],
  });
  assert.equal(readOriginal(null, notice + quoted, asIs)?.source, 'quoted');
  const prefixed = quoted.split('\n').map((l) => `> ${l}`).join('\n');
  assert.deepEqual(fieldsOf(null, notice + prefixed)?.subject, ['Hello']);
  const indented = '    Received: from x\n    Date: Thu, 12 Nov 2026 11:15:00 +0100\n    Subject: Indented\n';
  assert.deepEqual(fieldsOf(null, notice + indented)?.subject, ['Indented']);
});

test('a notice whose only header-like lines do not name a message has no original', () => {
  assert.equal(readOriginal(null, 'Subject: hello\nTo: a@example.com\n\n550 5.1.1 unknown\n', asIs), null);
  assert.equal(readOriginal(null, 'Nothing here.\n', asIs), null);
  assert.equal(readOriginal(null, '', asIs), null);
});

test('an attached part with no fields falls back to the notice', () => {
  assert.deepEqual(fieldsOf('just text\n', 'Message-ID: <b@example.com>\nDate: Thu, 12 Nov 2026 11:15:00 +0100\n'), {
    'message-id': ['<b@example.com>'],
    date: ['Thu, 12 Nov 2026 11:15:00 +0100'],
  });
});

test('each value goes through the reader\'s decoder of encoded words', () => {
  const original = readOriginal('Subject: =?x?q?y?=\nFrom: a\n', '', (t) => t.toUpperCase());
  assert.deepEqual(original?.fields.get('subject'), ['=?X?Q?Y?=']);
});

test('guards: at most MAX_ORIGINAL_FIELDS fields, quoted headers searched only at the top of the notice', () => {
  const many = Array.from({ length: MAX_ORIGINAL_FIELDS + 50 }, (_, i) => `X-F${i}: ${i}`).join('\n');
  const fields = readOriginal(many, '', asIs)?.fields;
  assert.equal(fields?.size, MAX_ORIGINAL_FIELDS);
  const late = `${'x\n'.repeat(MAX_QUOTED_HEADERS_SEARCH)}Message-ID: <c@example.com>\nFrom: a@example.com\n`;
  assert.equal(readOriginal(null, late, asIs), null);
});

// The light reader and mailparser give the same `original` (the whole
// BounceEmail is compared in light-parse.test.ts; here the new fields by
// name, on the fixtures of issue 14 and on shapes made to differ).
const FIXTURES = join(__dirname, '..', 'pipeline', 'fixtures');
for (const file of readdirSync(FIXTURES).filter((f) => f.endsWith('.eml'))) {
  test(`original of ${file}: the light reader reads it as mailparser does`, async () => {
    const raw = readFileSync(join(FIXTURES, file));
    const light = lightParse(raw);
    assert.notEqual(light, null, 'the light reader declined');
    const reference = await parseEmail(raw, { reader: 'mailparser' });
    assert.deepEqual(light?.original, reference.original);
  });
}

const report = (original: string, type = 'message/rfc822'): string =>
  [
    'From: MAILER-DAEMON@mx.example.net',
    'Subject: Undelivered Mail',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
    '',
    '--b1',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.example.net',
    '',
    'Final-Recipient: rfc822; a@example.org',
    'Action: failed',
    'Status: 5.1.1',
    '',
    '--b1',
    `Content-Type: ${type}`,
    '',
    original,
    '--b1--',
    '',
  ].join('\n');

// [case, the returned message's headers, the Subject both readers must give (null: the light reader declines)]
const SUBJECTS: [string, string, string | null, string?][] = [
  ['UTF-8 B word', 'Subject: =?UTF-8?B?Tm91dmVhdXTDqXM=?=\n', 'Nouveautés'],
  ['Latin-1 Q word', 'Subject: =?iso-8859-1?Q?R=E9sum=E9?=\n', 'Résumé'],
  ['adjacent words joined', 'Subject: =?UTF-8?Q?caf?= =?UTF-8?Q?=C3=A9?=\n', 'café'],
  ['folded encoded words', 'Subject: =?UTF-8?Q?one?=\n =?UTF-8?Q?_two?=\n', 'one two'],
  ['encoded display name', 'From: =?UTF-8?Q?J=C3=B6rg?= <j@example.com>\nSubject: x\n', 'x'],
  ['ISO-2022-JP word', 'Subject: =?iso-2022-jp?B?GyRCJUYlOSVIGyhC?=\n', 'テスト'],
  ['KOI8-R word (the light reader leaves it to mailparser)', 'Subject: =?koi8-r?B?8NLP18XSy8E=?=\n', null],
  ['text/rfc822-headers part', 'Subject: =?UTF-8?B?w6k=?=\n', 'é', 'text/rfc822-headers'],
];

for (const [name, headers, subject, type] of SUBJECTS) {
  test(`original Subject, ${name}: both readers agree`, async () => {
    const raw = Buffer.from(report(`Message-ID: <m@example.com>\n${headers}\nbody\n`, type));
    const reference = await parseEmail(raw, { reader: 'mailparser' });
    const light = lightParse(raw);
    if (subject === null) {
      assert.equal(light, null);
      assert.equal(reference.original?.fields.get('subject')?.[0], 'Проверка');
      return;
    }
    assert.equal(reference.original?.fields.get('subject')?.[0], subject);
    assert.deepEqual(light?.original, reference.original);
  });
}

test('mailparser: the returned header block is read from the bytes before its first empty line, whatever the line ends', async () => {
  // Issue 15, item 2: the header block of a returned message is no longer
  // read by decoding the whole message (30 MB for a big one) and making it
  // LF-only: only the bytes before its first empty line are. It must be the
  // same block, for LF, CRLF and bare-CR line ends, and for an empty line made
  // of two different line ends.
  const notice = 'From: MAILER-DAEMON@example.org\nSubject: Undelivered Mail\nMIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="b"\n\n--b\nContent-Type: text/plain; charset=koi8-r\n\n550 5.1.1 <user@example.net>: unknown\n--b\nContent-Type: message/rfc822\n\n';
  const cases: [string, string][] = [
    ['Subject: hello\nTo: user@example.net\n\nbody\n\nmore\n', 'Subject: hello\nTo: user@example.net\n'],
    ['Subject: hello\r\nTo: user@example.net\r\n\r\nbody\r\n', 'Subject: hello\nTo: user@example.net\n'],
    ['Subject: hello\rTo: user@example.net\r\rbody\r', 'Subject: hello\nTo: user@example.net\n'],
    ['Subject: hello\r\nTo: user@example.net\n\r\nbody\n', 'Subject: hello\nTo: user@example.net\n'],
    ['Subject: hello\nTo: user@example.net\r\rbody\n', 'Subject: hello\nTo: user@example.net\n'],
    ['Subject: h\u00e9llo\nTo: user@example.net\n', 'Subject: h\u00e9llo\nTo: user@example.net\n'],
  ];
  for (const [returned, block] of cases) {
    const email = await parseEmail(Buffer.from(`${notice}${returned}\n--b--\n`), { reader: 'mailparser' });
    assert.equal(email.originalHeaders, block, JSON.stringify(returned));
  }
});
