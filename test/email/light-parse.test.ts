import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { lightParse } from '../../src/email/light';
import { parseEmail } from '../../src/email/parse-email';
import { diagnose } from '../../src/pipeline/diagnose';

// The light reader must give exactly what mailparser gives, or decline (null).

const FIXTURES = join(__dirname, '..', 'fixtures');
// Hand-written emails in the shapes the light reader reads or must decline, so
// that the parity check runs in any clone, with or without the shared corpus.
const PARITY = join(__dirname, 'fixtures');
const CORPUS = join(__dirname, '..', '..', '..', 'shared', 'corpus');

function emlFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .sort();
}

/** mailparser's reading, or the error it throws. */
async function reference(raw: Buffer): Promise<unknown> {
  try {
    return await parseEmail(raw, { reader: 'mailparser' });
  } catch (err) {
    return err instanceof Error ? `mailparser failed: ${err.message}` : 'mailparser failed';
  }
}

test('every fixture the light reader reads comes out as mailparser reads it, and it reads most of them', async () => {
  const files = emlFiles(FIXTURES);
  let read = 0;
  for (const file of files) {
    const raw = readFileSync(join(FIXTURES, file));
    const light = lightParse(raw);
    if (light === null) continue;
    read++;
    assert.deepEqual(light, await reference(raw), file);
  }
  assert.ok(read >= files.length * 0.9, `the light reader read only ${read} of ${files.length} fixtures`);
});

// Each parity fixture, and whether the light reader reads it ("same": read, and
// equal to mailparser's reading) or leaves it to mailparser ("declined").
const PARITY_CASES: Record<string, 'same' | 'declined'> = {
  'postfix-report-lf.eml': 'same', // multipart/report, delivery-status, text/rfc822-headers, LF
  'sendmail-report-crlf-rfc822.eml': 'same', // CRLF, a part with no headers, returned message/rfc822
  'returned-multipart-message.eml': 'same', // nested multipart/alternative, message/rfc822 holding a multipart
  'forwarded-bounce.eml': 'same', // message/rfc822 holding a multipart/report: its delivery status is read
  'forwarded-report-relay.eml': 'same', // a filter's notice holding a Sendmail report, which holds the returned message; ISO-2022-JP words
  'base64-utf8-notice-crlf.eml': 'same', // base64 UTF-8 text, CRLF
  'qp-latin1-notice.eml': 'same', // quoted-printable ISO-8859-1, 8bit windows-1252, Latin-1 encoded words
  'iso-2022-jp-notice.eml': 'same', // ISO-2022-JP text (7bit) and encoded word
  'iso-2022-jp-base64-notice.eml': 'same', // ISO-2022-JP text in base64, adjacent encoded words joined, encoded From name, CRLF
  'utf-7-notice-crlf.eml': 'same', // text in charset=unicode-1-1-utf-7, read as UTF-8 (as mailparser does), CRLF
  'iso-8859-15-notice.eml': 'same', // quoted-printable ISO-8859-15 text and encoded word
  'koi8-r-notice.eml': 'declined', // KOI8-R text and encoded word
  'encoded-words.eml': 'same', // RFC 2047: UTF-8 B and Q, adjacent words, Latin-1 after a comment
  'folded-headers.eml': 'same', // folded From, Subject, Content-Type (boundary on a continuation line)
  'missing-boundary.eml': 'declined', // multipart with no boundary parameter
  'mismatched-boundary.eml': 'same', // a boundary parameter that no delimiter matches
  'no-closing-delimiter-crlf.eml': 'same', // the last part runs to the end, CRLF
  'flowed-notice.eml': 'same', // format=flowed; delsp=yes, quoted lines, signature
  'feedback-report.eml': 'same', // ARF: message/feedback-report and an inline message/rfc822
  'mbox-from-line-8bit.eml': 'same', // an mbox "From " line first, raw 8-bit UTF-8 headers
  'global-dsn.eml': 'same', // message/global-delivery-status and message/global-headers
  'deep-nesting.eml': 'declined', // ten multipart levels, past LIGHT_MAX_DEPTH
  'returned-message-base64.eml': 'declined', // message/rfc822 in base64
  'html-only-notice.eml': 'declined', // HTML that mailparser turns into text
  'attachments.eml': 'same', // a text/plain attachment and a base64 PDF beside a short notice
  'headers-only.eml': 'same', // a header block with no blank line and no body
};

test('every parity fixture in test/email/fixtures has its case in PARITY_CASES', () => {
  assert.deepEqual(emlFiles(PARITY), Object.keys(PARITY_CASES).sort());
});

for (const [file, expected] of Object.entries(PARITY_CASES)) {
  test(`parity fixture ${file}: the light reader ${expected === 'same' ? 'reads it as mailparser does' : 'declines'}, diagnose agrees either way`, async () => {
    const raw = readFileSync(join(PARITY, file));
    const light = lightParse(raw);
    if (expected === 'declined') assert.equal(light, null);
    else {
      assert.notEqual(light, null, 'the light reader declined');
      assert.deepEqual(light, await reference(raw));
    }
    const fast = await diagnose(raw, { input: file });
    const slow = await diagnose(raw, { input: file, reader: 'mailparser' });
    assert.ok(isDeepStrictEqual(fast, slow), `${file}: results differ with the light reader`);
  });
}

const crlf = (text: string): string => text.replace(/\n/g, '\r\n');
const message = (headers: string, body: string): string => `${headers.trim()}\n\n${body}`;
const report = (parts: string, boundary = 'b1'): string =>
  message(
    `From: Mail Delivery System <MAILER-DAEMON@mx.example.net>\nSubject: Undelivered Mail\nContent-Type: multipart/report; report-type=delivery-status; boundary="${boundary}"`,
    parts,
  );
const DSN = 'Content-Type: message/delivery-status\n\nReporting-MTA: dns; mx.example.net\n\nFinal-Recipient: rfc822; a@example.org\nAction: failed\nStatus: 5.1.1\n';

// [case, raw message, "same" (read, and equal to mailparser) or "declined"]
const CASES: [string, string, 'same' | 'declined'][] = [
  ['plain text', message('From: a@example.com\nSubject: hello', 'Body line\n'), 'same'],
  ['no Content-Type, CRLF', crlf(message('From: a@example.com\nSubject: x', 'Body\n')), 'same'],
  ['folded subject', message('From: a@example.com\nSubject: one\n  two\n\tthree', 'x\n'), 'same'],
  ['UTF-8 Q word subject', message('Subject: =?utf-8?Q?caf=C3=A9_au_lait?=', 'x\n'), 'same'],
  ['adjacent B words joined', message('Subject: =?UTF-8?B?Y2Fm?= =?UTF-8?B?w6k=?=', 'x\n'), 'same'],
  ['Latin-1 word subject', message('Subject: =?iso-8859-1?q?=E9t=E9_=80?=', 'x\n'), 'same'],
  ['raw UTF-8 subject', message('Subject: café', 'x\n'), 'same'],
  ['ISO-2022-JP subject', message('Subject: =?iso-2022-jp?B?GyRCJUYlOSVIGyhC?=', 'x\n'), 'same'],
  ['ISO-2022-JP subject in JIS-Roman', message('Subject: =?iso-2022-jp?B?GyhKXBsoQg==?=', 'x\n'), 'declined'],
  ['ISO-2022-JP text', message('Content-Type: text/plain; charset=ISO-2022-JP', '\x1b$B%F%9%H\x1b(B 550\n'), 'same'],
  ['ISO-2022-JP text with a line break in JIS X 0208', message('Content-Type: text/plain; charset=ISO-2022-JP', '\x1b$B%F\n%9\x1b(B\n'), 'declined'],
  ['UTF-8 text labelled ISO-2022-JP', message('Content-Type: text/plain; charset="ISO-2022-JP"', '\xe5\xae\x9b\xe5\x85\x88 550\n'), 'same'],
  ['Shift_JIS text labelled ISO-2022-JP', message('Content-Type: text/plain; charset="ISO-2022-JP"', '\x88\xb6\x90\xe6 550\n'), 'declined'],
  ['UTF-7 subject, read as UTF-8', message('Subject: =?utf-7?Q?caf+AOk-?=', 'x\n'), 'same'],
  ['UTF-7 text, read as UTF-8', message('Content-Type: text/plain; charset="UTF-7"', 'A+ADw-b+AD4- caf\xc3\xa9\n'), 'same'],
  ['ISO-8859-15 text', message('Content-Type: text/plain; charset=ISO-8859-15', '\xa4 \xa6 \xbe \xe9\n'), 'same'],
  ['latin9 text (windows-1254 to libmime)', message('Content-Type: text/plain; charset=latin9', '\xa4\n'), 'declined'],
  ['From: bare address', message('From: postmaster@example.net', 'x\n'), 'same'],
  ['From: name and address', message('From: Mail Delivery Subsystem <mailer-daemon@example.net>', 'x\n'), 'same'],
  ['From: quoted name with comma', message('From: "Postmaster, Example" <pm@example.net>', 'x\n'), 'same'],
  ['From: comment as name', message('From: mailer-daemon@example.net (Mail Delivery System)', 'x\n'), 'same'],
  ['From: <> and a name', message('From: MAILER-DAEMON <>', 'x\n'), 'same'],
  ['From: a word', message('From: MAILER-DAEMON', 'x\n'), 'same'],
  ['From: encoded name', message('From: =?utf-8?B?w6lsw6k=?= <a@example.net>', 'x\n'), 'same'],
  ['From: two addresses', message('From: a@example.net, b@example.net', 'x\n'), 'declined'],
  ['From: group', message('From: Undisclosed: ;', 'x\n'), 'declined'],
  ['quoted-printable UTF-8 text', message('Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable', 'caf=C3=A9 soft=\nbreak  \n'), 'same'],
  ['base64 text', message('Content-Type: text/plain\nContent-Transfer-Encoding: base64', 'NTUwIDUuMS4xIFVzZXIgdW5rbm93bgo=\n'), 'same'],
  ['base64 with a stray pad', message('Content-Type: text/plain\nContent-Transfer-Encoding: base64', 'NTUw=IDUuMS4x\n'), 'declined'],
  ['windows-1252 text', message('Content-Type: text/plain; charset=windows-1252', 'caf\xe9 \x80 \x81\n'), 'same'],
  ['flowed text', message('Content-Type: text/plain; format=flowed; delsp=yes', 'one \ntwo\n> quoted \n> more\n-- \nsig\n'), 'same'],
  ['KOI8-R text', message('Content-Type: text/plain; charset=koi8-r', 'x\n'), 'declined'],
  ['HTML only', message('Content-Type: text/html', '<p>550 5.1.1</p>\n'), 'declined'],
  ['report with DSN', report(`--b1\nContent-Type: text/plain\n\nNotice.\n\n--b1\n${DSN}\n--b1\nContent-Type: text/rfc822-headers\n\nSubject: hi\n\n--b1--\n`), 'same'],
  ['report, CRLF', crlf(report(`--b1\nContent-Type: text/plain\n\nNotice.\n--b1\n${DSN}--b1--\n`)), 'same'],
  ['report, returned message', report(`--b1\n${DSN}\n--b1\nContent-Type: message/rfc822\n\nFrom: me@example.com\nSubject: Original\n\nbody, not decoded\n--b1--\n`), 'same'],
  ['report, no closing delimiter', report(`--b1\nContent-Type: text/plain\n\nNotice.\n--b1\n${DSN}`), 'same'],
  ['part body of one empty line, then a part', report(`--b1\nContent-Type: text/plain\n\n\n--b1\n${DSN}--b1--\n`), 'same'],
  ['part body of one empty line, then the end', report(`--b1\n${DSN}--b1\nContent-Type: text/plain\n\n\n--b1--\n`), 'same'],
  ['part with no headers', report(`--b1\n\nNotice without headers.\n--b1\n${DSN}--b1--\n`), 'same'],
  ['nested alternative', report(`--b1\nContent-Type: multipart/alternative; boundary=b2\n\n--b2\nContent-Type: text/plain\n\nText.\n--b2\nContent-Type: text/html\n\n<p>Text.</p>\n--b2--\n--b1\n${DSN}--b1--\n`), 'same'],
  ['inner multipart closed by the outer delimiter', report(`--b1\nContent-Type: multipart/mixed; boundary=b2\n\n--b2\nContent-Type: text/plain\n\nText.\n--b1\n${DSN}--b1--\n`), 'same'],
  ['delimiter with trailing spaces', report(`--b1  \nContent-Type: text/plain\n\nNotice.\n--b1--  \n`), 'same'],
  ['boundary in quotes with a parenthesis', report(`--(x)\nContent-Type: text/plain\n\nNotice.\n--(x)--\n`, '(x)'), 'same'],
  ['a comment in Content-Type', message('Content-Type: text/plain (comment)', 'x\n'), 'declined'],
  ['RFC 2231 parameter', message("Content-Type: text/plain; charset*=utf-8''x", 'x\n'), 'declined'],
  ['boundary parameter matching nothing', report('--other\nContent-Type: text/plain\n\nNotice.\n--other--\n'), 'same'],
  ['forwarded bounce', message('From: relay@example.net\nContent-Type: multipart/mixed; boundary=b1', `--b1\nContent-Type: message/rfc822\n\nContent-Type: multipart/report; boundary=b2\n\n--b2\n${DSN}--b2--\n--b1--\n`), 'same'],
  ['forwarded bounce, CRLF, no closing delimiters', crlf(message('From: relay@example.net\nContent-Type: multipart/mixed; boundary=b1', `--b1\nContent-Type: message/rfc822\n\nContent-Type: multipart/report; boundary=b2\n\n--b2\n${DSN}`)), 'same'],
  ['forwarded bounce after a returned message', message('From: relay@example.net\nContent-Type: multipart/mixed; boundary=b1', `--b1\nContent-Type: message/rfc822\n\nSubject: not a report\n\nx\n--b1\nContent-Type: message/rfc822\n\nContent-Type: multipart/report; boundary=b2\n\n--b2\n${DSN}--b2--\n--b1--\n`), 'same'],
  ['forwarded bounce holding a KOI8-R notice', message('From: relay@example.net\nContent-Type: multipart/mixed; boundary=b1', `--b1\nContent-Type: message/rfc822\n\nContent-Type: multipart/report; boundary=b2\n\n--b2\nContent-Type: text/plain; charset=koi8-r\n\nx\n--b2\n${DSN}--b2--\n--b1--\n`), 'declined'],
  ['forwarded bounce in base64', message('From: relay@example.net\nContent-Type: multipart/mixed; boundary=b1', `--b1\nContent-Type: message/rfc822\nContent-Transfer-Encoding: base64\n\n${Buffer.from(`Content-Type: multipart/report; boundary=b2\n\n--b2\n${DSN}--b2--\n`).toString('base64')}\n--b1--\n`), 'declined'],
  ['octet-stream named .txt', report('--b1\nContent-Type: application/octet-stream; name="a.txt"\n\nx\n--b1--\n'), 'declined'],
  ['a line starting with CR and a delimiter', report('--b1\nContent-Type: text/plain\n\nx\n\r--b1--\n'), 'declined'],
  ['mbox From_ line first', `From MAILER-DAEMON Mon Nov 16 10:02:11 2026\n${message('From: a@example.com\nSubject: x', 'y\n')}`, 'same'],
];

for (const [name, text, expected] of CASES) {
  test(`light reader: ${name} (${expected})`, async () => {
    const raw = Buffer.from(text, 'latin1');
    const light = lightParse(raw);
    if (expected === 'declined') {
      assert.equal(light, null);
      return;
    }
    assert.notEqual(light, null, 'the light reader declined');
    assert.deepEqual(light, await reference(raw));
  });
}

// Seeded mutations of the fixtures and the parity fixtures (lines dropped,
// moved, doubled, folded, delimiters broken): whatever the light reader reads
// must match mailparser.
test('mutated fixtures: the light reader matches mailparser or declines', async () => {
  let seed = 20261127;
  const random = (n: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const edits: ((lines: string[]) => void)[] = [
    (l) => l.splice(random(l.length), 1),
    (l) => l.splice(random(l.length), 0, ''),
    (l) => l.splice(random(l.length), 0, l.find((x) => x.startsWith('--')) ?? '--x'),
    (l) => {
      const i = random(l.length);
      l[i] = ` ${l[i] ?? ''}`;
    },
    (l) => {
      const i = random(l.length);
      l[i] = `${l[i] ?? ''}  `;
    },
    (l) => {
      const i = l.findIndex((x) => x.startsWith('--') && random(2) === 0);
      if (i !== -1) l[i] = (l[i] ?? '').endsWith('--') ? (l[i] ?? '').slice(0, -2) : `${l[i] ?? ''}--`;
    },
    (l) => l.splice(random(l.length), 0, 'Content-Disposition: attachment'),
    (l) => l.splice(random(l.length)),
  ];
  const files = [...emlFiles(FIXTURES).map((f) => join(FIXTURES, f)), ...emlFiles(PARITY).map((f) => join(PARITY, f))];
  let compared = 0;
  for (let n = 0; n < 200; n++) {
    const file = files[random(files.length)] ?? '';
    const text = readFileSync(file, 'latin1');
    const lines = text.split(/\r?\n/);
    for (let k = 1 + random(3); k > 0; k--) edits[random(edits.length)]?.(lines);
    const raw = Buffer.from(lines.join(text.includes('\r\n') ? '\r\n' : '\n'), 'latin1');
    const light = lightParse(raw);
    if (light === null) continue;
    compared++;
    assert.deepEqual(light, await reference(raw), `${file}, mutation ${n}`);
  }
  assert.ok(compared > 100);
});

// The shared corpus of real bounces (next to the project, never copied into it).
test('corpus: diagnose gives the same results with and without the light reader', { skip: !existsSync(CORPUS) }, async () => {
  let read = 0;
  const files = emlFiles(CORPUS);
  for (const file of files) {
    const raw = readFileSync(join(CORPUS, file));
    const light = lightParse(raw);
    if (light !== null) {
      read++;
      assert.deepEqual(light, await reference(raw), file);
    }
    const fast = await diagnose(raw, { input: file });
    const slow = await diagnose(raw, { input: file, reader: 'mailparser' });
    assert.ok(isDeepStrictEqual(fast, slow), `${file}: results differ with the light reader`);
  }
  assert.ok(read >= files.length * 0.95, `the light reader read only ${read} of ${files.length} corpus files`);
});
