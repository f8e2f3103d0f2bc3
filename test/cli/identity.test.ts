import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runCli } from '../helpers/cli';
import { CSV_COLUMNS } from '../../src/render/csv';

// Issue 14 through the built binary: --header in JSON and CSV, --sisimai,
// the text view, and what a hostile header value becomes on a terminal.
const FIXTURES = join(ROOT, 'test', 'pipeline', 'fixtures');
const VERP = join(FIXTURES, 'rfc822-verp-arrival.eml');
const SRS = join(FIXTURES, 'rfc822-headers-srs.eml');
const NOT_BOUNCE = join(ROOT, 'test', 'fixtures', 'not-bounce-newsletter.eml');
const TWO = ['--header', 'X-Campaign-ID', '--header', 'x-mailer-recipient-id'];

interface JsonDiagnosis {
  headers?: Record<string, string | null>;
  original: { subject: string | null; messageId: string | null };
  verp: { recipient: string | null } | null;
  timestamp: string | null;
  [key: string]: unknown;
}
const diagnosesOf = (stdout: string): JsonDiagnosis[] => (JSON.parse(stdout) as { diagnoses: JsonDiagnosis[] }).diagnoses;
const firstOf = (stdout: string): JsonDiagnosis => {
  const d = diagnosesOf(stdout)[0];
  assert.ok(d !== undefined);
  return d;
};

function csvRows(text: string): string[][] {
  // The fixtures' values hold no quotes, commas or newlines but where quoted.
  return text
    .trimEnd()
    .split('\r\n')
    .map((line) => line.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/));
}

test('--json with two --header names: a headers object with both, as named', () => {
  const r = runCli(['--json', ...TWO, VERP]);
  assert.equal(r.status, 0, r.stderr);
  const d = firstOf(r.stdout);
  assert.deepEqual(d.headers, { 'X-Campaign-ID': 'weekly-2026-45', 'x-mailer-recipient-id': 'r-000417' });
  assert.equal(d.original.subject, 'Nouveautés de novembre ✓');
  assert.equal(d.verp?.recipient, 'jane@example.com');
  // without --header there is no headers key; the other new keys are always there
  const plain = firstOf(runCli(['--json', VERP]).stdout);
  assert.equal('headers' in plain, false);
  const raw = firstOf(runCli(['--json', '550 5.1.1 unknown']).stdout);
  for (const key of ['timestamp', 'reportingMta', 'sender', 'messageId', 'verp']) assert.equal(raw[key], null, key);
  assert.equal(raw.original.messageId, null);
});

test('--csv with two --header names: the old columns first and in place, the new ones after, a column per name', () => {
  const r = runCli(['--csv', ...TWO, VERP, SRS]);
  assert.equal(r.status, 0, r.stderr);
  const rows = csvRows(r.stdout);
  const header = rows[0] ?? [];
  const first = rows[1];
  const second = rows[2];
  assert.deepEqual(header.slice(0, CSV_COLUMNS.length), [...CSV_COLUMNS]);
  assert.deepEqual(header.slice(-2), ['header:X-Campaign-ID', 'header:x-mailer-recipient-id']);
  const cell = (row: string[] | undefined, name: string): string | undefined => row?.[header.indexOf(name)];
  assert.equal(cell(first, 'recipient'), 'jane@example.com');
  assert.equal(cell(first, 'originalSubject'), 'Nouveautés de novembre ✓');
  assert.equal(cell(first, 'originalListId'), 'weekly.news.example.org');
  assert.equal(cell(first, 'timestamp'), '2026-11-10T08:30:09+01:00');
  assert.equal(cell(first, 'verpRecipient'), 'jane@example.com');
  assert.equal(cell(first, 'header:X-Campaign-ID'), 'weekly-2026-45');
  assert.equal(cell(first, 'header:x-mailer-recipient-id'), 'r-000417');
  assert.equal(cell(second, 'header:X-Campaign-ID'), '');
  assert.equal(cell(second, 'verpSender'), 'alerts@example.org');
  assert.equal(second?.length, header.length);
});

test('--sisimai: one JSON array over all inputs, no record for a non-bounce; --ndjson: one record per line', () => {
  const r = runCli(['--sisimai', VERP, NOT_BOUNCE, SRS]);
  assert.equal(r.status, 0, r.stderr);
  const records = JSON.parse(r.stdout) as Record<string, unknown>[];
  assert.deepEqual(
    records.map((x) => [x.recipient, x.addresser, x.reason]),
    [
      ['jane@example.com', 'bounces+jane=example.com@news.example.org', 'userunknown'],
      ['kim@example.net', 'SRS0=Ab1x=KQ=example.org=alerts@forwarder.example.net', 'mailboxfull'],
    ],
  );
  const lines = runCli(['--sisimai', '--ndjson', VERP, SRS]).stdout.trimEnd().split('\n');
  assert.deepEqual(lines.map((l) => (JSON.parse(l) as { origin: string }).origin), [VERP, SRS]);
  assert.deepEqual(JSON.parse(runCli(['--sisimai', NOT_BOUNCE]).stdout), []);
  assert.equal(runCli(['--sisimai', NOT_BOUNCE]).status, 1);
});

test('usage errors: a --header that is no field name, --sisimai with --csv', () => {
  for (const args of [['--header', 'X Campaign', VERP], ['--header', 'X-A:', VERP], ['--sisimai', '--csv', VERP], ['--sisimai', '--summary', VERP]]) {
    const r = runCli(args);
    assert.equal(r.status, 2, args.join(' '));
    assert.match(r.stderr, /--header|--sisimai/);
    assert.equal(r.stdout, '');
  }
});

test('text: the identity lines under the verdict, and control characters of a header shown, never sent raw', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wb-identity-'));
  const hostile = join(dir, 'hostile.eml');
  writeFileSync(
    hostile,
    readFileSync(VERP, 'latin1')
      .replace('X-Campaign-ID: weekly-2026-45', 'X-Campaign-ID: \x1b[2J\x1b]0;pwned\x07')
      .replace('Subject: =?UTF-8?B?Tm91dmVhdXTDqXMgZGUgbm92ZW1icmUg4pyT?=', 'Subject: =?UTF-8?Q?a=1B[31mred=E2=80=AEevil?='),
    'latin1',
  );
  const r = runCli(['--no-color', '--header', 'X-Campaign-ID', hostile]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(/[\u001b\u0007\u202e]/.test(r.stdout), false, 'a control character reached the terminal raw');
  assert.match(r.stdout, /^ {2}Sent {6}"a\\u001b\[31mred\\u202eevil" · <n-2026-45\.jane\.7f3a@news\.example\.org> · 2026-11-10T08:30:08\+01:00$/m);
  assert.match(r.stdout, /^ {2}Bounced {3}2026-11-10T08:30:09\+01:00 · by mx1\.news\.example\.org · to bounces\+jane=example\.com@news\.example\.org/m);
  assert.match(r.stdout, /VERP: return address bounces@news\.example\.org, sent to jane@example\.com/);
  assert.match(r.stdout, /^ {2}Header {4}X-Campaign-ID: \\u001b\[2J\\u001b\]0;pwned\\u0007$/m);
  const json = runCli(['--json', '--header', 'X-Campaign-ID', hostile]).stdout;
  assert.equal(/[\u001b\u0007\u202e]/.test(json), false);
  assert.equal(firstOf(json).headers?.['X-Campaign-ID'], '\x1b[2J\x1b]0;pwned\x07');
});

test('csv: a new column whose value starts like a formula gets the leading quote', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wb-identity-'));
  const file = join(dir, 'formula.eml');
  writeFileSync(file, readFileSync(VERP, 'latin1').replace('X-Campaign-ID: weekly-2026-45', 'X-Campaign-ID: =HYPERLINK("x")').replace(/^Subject: =\?UTF-8\?B\?[^\n]*$/m, 'Subject: @SUM(1)'), 'latin1');
  const r = runCli(['--csv', '--header', 'X-Campaign-ID', file]);
  const rows = csvRows(r.stdout);
  const header = rows[0] ?? [];
  const row = rows[1];
  assert.equal(row?.[header.indexOf('header:X-Campaign-ID')], `"'=HYPERLINK(""x"")"`);
  assert.equal(row[header.indexOf('originalSubject')], "'@SUM(1)");
});

test('an mbox without dates in its messages: each timestamp from its "From " line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wb-identity-'));
  const mbox = join(dir, 'undated.mbox');
  const message = 'From: MAILER-DAEMON@mx.example.net\nTo: a@example.com\nSubject: failure\n\n550 5.1.1 <b@example.org>: unknown\n';
  writeFileSync(mbox, `From MAILER-DAEMON Sat Nov 14 22:01:09 2026\n${message}\nFrom MAILER-DAEMON Sun Nov 15 07:00:00 2026\n${message}`);
  const lines = runCli(['--ndjson', mbox]).stdout.trimEnd().split('\n');
  assert.deepEqual(
    lines.map((l) => firstOf(l).timestamp),
    ['2026-11-14T22:01:09+00:00', '2026-11-15T07:00:00+00:00'],
  );
});
