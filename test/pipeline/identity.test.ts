import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnose } from '../../src/pipeline/diagnose';
import { diagnoseText } from '../../src/pipeline/text';
import { MboxSplitter } from '../../src/input/split-mbox';
import type { Diagnosis } from '../../src/types';

// Issue 14: each bounce tied to what was sent. Every case of its "Done when"
// has a fixture of ours in test/pipeline/fixtures.
const FIXTURES = join(__dirname, 'fixtures');
const read = (name: string): Buffer => readFileSync(join(FIXTURES, name));

async function only(name: string, options: Parameters<typeof diagnose>[1] = {}): Promise<Diagnosis> {
  const result = await diagnose(read(name), { input: name, ...options });
  assert.equal(result.diagnoses.length, 1);
  const d = result.diagnoses[0];
  assert.ok(d !== undefined);
  return d;
}

// [fixture, the fields expected of its one diagnosis]
const CASES: [string, Partial<Diagnosis>][] = [
  [
    // the original as message/rfc822; an encoded Subject; a List-Id; a VERP address; Arrival-Date
    'rfc822-verp-arrival.eml',
    {
      recipient: 'jane@example.com',
      original: {
        messageId: '<n-2026-45.jane.7f3a@news.example.org>',
        subject: 'Nouveautés de novembre ✓',
        from: '"Example News" <news@news.example.org>',
        to: 'Jane Example <jane@example.com>',
        date: '2026-11-10T08:30:08+01:00',
        listId: 'weekly.news.example.org',
        returnPath: 'bounces+jane=example.com@news.example.org',
      },
      timestamp: '2026-11-10T08:30:09+01:00', // Arrival-Date, not the notice's Date (08:30:12)
      reportingMta: 'mx1.news.example.org',
      sender: 'bounces+jane=example.com@news.example.org',
      messageId: '<20261110073012.4NxQ2k1Zp7z9tBC@mx1.news.example.org>',
      verp: { scheme: 'verp', sender: 'bounces@news.example.org', recipient: 'jane@example.com' },
    },
  ],
  [
    // the original as text/rfc822-headers; a Latin-1 encoded Subject; an SRS address; no Arrival-Date
    'rfc822-headers-srs.eml',
    {
      recipient: 'kim@example.net',
      original: {
        messageId: '<alert-8841@example.org>',
        subject: 'Résumé des alertes',
        from: 'Alerts <alerts@example.org>',
        to: 'kim@example.net',
        date: '2026-11-11T09:05:31+01:00',
        listId: null,
        returnPath: 'SRS0=Ab1x=KQ=example.org=alerts@forwarder.example.net',
      },
      timestamp: '2026-11-11T17:05:44+09:00', // the notice's Date, with its own offset
      reportingMta: 'relay.example.net',
      sender: 'SRS0=Ab1x=KQ=example.org=alerts@forwarder.example.net',
      messageId: '<202611110805.2AB85iQx004121@relay.example.net>',
      verp: { scheme: 'srs0', sender: 'alerts@example.org', recipient: null },
    },
  ],
  [
    // the original's headers quoted in a qmail notice's text
    'quoted-headers.eml',
    {
      recipient: 'lee@example.org',
      original: {
        messageId: '<order-55012@shop.example.com>',
        subject: 'Your order 55012 has shipped',
        from: 'Example Shop <orders@shop.example.com>',
        to: 'lee@example.org',
        date: '2026-11-12T11:15:00+01:00',
        listId: null,
        returnPath: 'orders@shop.example.com',
      },
      timestamp: '2026-11-12T10:15:03+00:00',
      reportingMta: null,
      sender: 'orders@shop.example.com',
      messageId: null,
      verp: null,
    },
  ],
  [
    // no original at all; the notice names no recipient, the VERP address does
    'no-original-verp.eml',
    {
      recipient: 'sam@example.com',
      original: { messageId: null, subject: null, from: null, to: null, date: null, listId: null, returnPath: null },
      timestamp: '2026-11-13T06:00:00-05:00',
      reportingMta: null,
      sender: 'bounce-sam=example.com@lists.example.org',
      messageId: '<df-77@mx.example.net>',
      verp: { scheme: 'verp', sender: 'bounce@lists.example.org', recipient: 'sam@example.com' },
    },
  ],
];

for (const [file, expected] of CASES) {
  for (const reader of ['auto', 'mailparser'] as const) {
    test(`${file} (${reader}): ${Object.keys(expected).join(', ')}`, async () => {
      const d = await only(file, { reader });
      for (const [key, value] of Object.entries(expected)) assert.deepEqual(d[key as keyof Diagnosis], value, key);
      assert.equal(d.headers, undefined, 'headers only when asked for');
    });
  }
}

test('a recipient decoded from the VERP address says so in the evidence; one the notice names is kept', async () => {
  const filled = await only('no-original-verp.eml');
  const note = filled.evidence?.find((e) => e.source === 'VERP address');
  assert.equal(note?.input, 'bounce-sam=example.com@lists.example.org');
  assert.match(note.note, /sam@example\.com/);
  const named = await only('rfc822-verp-arrival.eml');
  assert.equal(named.evidence?.some((e) => e.source === 'VERP address'), false);
});

test('headers: the names asked for, as given, matched without regard to case; null when the original lacks one', async () => {
  const d = await only('rfc822-verp-arrival.eml', { headers: ['X-Campaign-ID', 'x-mailer-recipient-id', 'X-Missing'] });
  assert.deepEqual(d.headers, { 'X-Campaign-ID': 'weekly-2026-45', 'x-mailer-recipient-id': 'r-000417', 'X-Missing': null });
  const none = await only('no-original-verp.eml', { headers: ['X-Campaign-ID'] });
  assert.deepEqual(none.headers, { 'X-Campaign-ID': null });
});

const NO_DATE = 'From: MAILER-DAEMON@mx.example.net\nTo: a@example.com\nSubject: failure\n\n550 5.1.1 <b@example.org>: unknown\n';

test('with no report date and no Date header, the mbox "From " line dates the bounce', async () => {
  const splitter = new MboxSplitter();
  const mbox = `From MAILER-DAEMON Sat Nov 14 22:01:09 2026\n${NO_DATE}\nFrom MAILER-DAEMON Sun Nov 15 07:00:00 2026 +0100\n${NO_DATE}`;
  // fed in small chunks, so that the "From " lines are cut between chunks
  const bytes = Buffer.from(mbox);
  const messages = [];
  for (let i = 0; i < bytes.length; i += 7) messages.push(...splitter.push(bytes.subarray(i, i + 7)));
  messages.push(...splitter.end());
  assert.deepEqual(
    messages.map((m) => m.fromLine),
    ['From MAILER-DAEMON Sat Nov 14 22:01:09 2026', 'From MAILER-DAEMON Sun Nov 15 07:00:00 2026 +0100'],
  );
  const stamps = [];
  for (const m of messages) {
    const result = await diagnose(m.data, { input: 'mbox', fromLine: m.fromLine });
    stamps.push(result.diagnoses[0]?.timestamp);
  }
  assert.deepEqual(stamps, ['2026-11-14T22:01:09+00:00', '2026-11-15T07:00:00+01:00']);
  // an email file that starts with its "From " line
  const file = await diagnose(`From MAILER-DAEMON Sat Nov 14 22:01:09 2026\n${NO_DATE}`, { input: 'x.eml' });
  assert.equal(file.diagnoses[0]?.timestamp, '2026-11-14T22:01:09+00:00');
  const undated = await diagnose(NO_DATE, { input: 'x.eml' });
  assert.equal(undated.diagnoses[0]?.timestamp, null);
});

test('Last-Attempt-Date comes before Arrival-Date', async () => {
  const raw = read('rfc822-verp-arrival.eml')
    .toString('latin1')
    .replace('Action: failed', 'Action: failed\nLast-Attempt-Date: Tue, 10 Nov 2026 08:30:11 +0100');
  const result = await diagnose(raw, { input: 'x.eml' });
  assert.equal(result.diagnoses[0]?.timestamp, '2026-11-10T08:30:11+01:00');
});

test('a raw SMTP string has none of these fields', () => {
  const d = diagnoseText('550 5.1.1 <a@example.com>: unknown').diagnoses[0];
  assert.equal(d?.original, undefined);
  assert.equal(d?.sender, undefined);
});

test('the values keep control characters as data (the renderers escape them), and are cut to a bounded length', async () => {
  const raw = read('rfc822-verp-arrival.eml')
    .toString('latin1')
    .replace('X-Campaign-ID: weekly-2026-45', `X-Campaign-ID: \u001b]0;pwned\u0007${'x'.repeat(10_000)}`);
  const result = await diagnose(raw, { input: 'x.eml', headers: ['X-Campaign-ID'] });
  const value = result.diagnoses[0]?.headers?.['X-Campaign-ID'] ?? '';
  assert.ok(value.startsWith('\u001b]0;pwned'));
  assert.ok(value.length <= 2000, `${value.length} characters kept`);
});
