import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readEspEvents, looksLikeEspEvents, EVENT_READERS } from '../../src/events';
import { parseEventInput } from '../../src/events/json';
import { diagnoseLogRecord } from '../../src/logs';

// Hand-written ESP events (test/events/fixtures), shaped after each ESP's
// public documentation of its webhook / notification JSON.
const FIXTURES = join(__dirname, 'fixtures');

interface Expected {
  format: string;
  recipient: string;
  action: string | null;
  espType: string;
  timestamp: string;
  queueId?: string;
  replyCode?: number | null;
  status?: string | null;
  reason?: string;
  hardBounce?: boolean;
  feedbackType?: string;
  relay?: string | null;
}

const SES = 'amazonses-event';
const CASES: Record<string, Expected[]> = {
  'amazonses-bounce.json': [
    { format: SES, recipient: 'alice@example.com', action: 'failed', espType: 'Permanent/General', timestamp: '2026-12-04T10:00:02.000Z', queueId: '0100018c-0000-1111-2222-000000000001-000000', replyCode: 550, status: '5.1.1', reason: 'userunknown', hardBounce: true, relay: '[192.0.2.10]' },
    { format: SES, recipient: 'bob@example.com', action: 'failed', espType: 'Permanent/General', timestamp: '2026-12-04T10:00:02.000Z', replyCode: 550, reason: 'userunknown' },
  ],
  'amazonses-events.ndjson': [
    { format: SES, recipient: 'dave@example.org', action: 'failed', espType: 'Transient/MailboxFull', timestamp: '2026-12-04T12:00:00.000Z', replyCode: 552, status: '5.2.2', reason: 'mailboxfull', hardBounce: false },
    { format: SES, recipient: 'erin@example.com', action: 'failed', espType: 'Permanent/Suppressed', timestamp: '2026-12-04T12:30:00.000Z', reason: 'suppressed' },
  ],
  // A complaint inside an SNS envelope (Message is a JSON string).
  'amazonses-sns.json': [
    { format: SES, recipient: 'carol@example.net', action: null, espType: 'Complaint/abuse', timestamp: '2026-12-04T11:00:00.000Z', queueId: '0100018c-0000-1111-2222-000000000002-000000', reason: 'feedback', feedbackType: 'abuse' },
  ],
  'sendgrid.json': [
    { format: 'sendgrid-event', recipient: 'alice@example.com', action: 'failed', espType: 'bounce', timestamp: '2026-12-04T10:00:01.000Z', queueId: 'msg-0001.filter-0001', replyCode: 550, status: '5.1.1', reason: 'userunknown', hardBounce: true },
    { format: 'sendgrid-event', recipient: 'bob@example.net', action: 'failed', espType: 'blocked', timestamp: '2026-12-04T10:00:02.000Z', replyCode: 554, status: '5.7.1', hardBounce: false },
    { format: 'sendgrid-event', recipient: 'carol@example.org', action: 'failed', espType: 'dropped', timestamp: '2026-12-04T10:00:03.000Z', replyCode: null, reason: 'suppressed' },
    { format: 'sendgrid-event', recipient: 'dave@example.com', action: 'delayed', espType: 'deferred', timestamp: '2026-12-04T10:00:04.000Z', replyCode: 452, status: '4.2.2', reason: 'mailboxfull' },
  ],
  'mailgun.ndjson': [
    { format: 'mailgun-event', recipient: 'alice@example.com', action: 'failed', espType: 'permanent/bounce', timestamp: '2026-12-04T10:00:01.125Z', queueId: '20261204100000.1.ABCDEF@mg.example.org', replyCode: 550, status: '5.1.1', reason: 'userunknown', hardBounce: true, relay: 'mx.example.com' },
    { format: 'mailgun-event', recipient: 'bob@example.net', action: 'delayed', espType: 'temporary/generic', timestamp: '2026-12-04T10:00:02.000Z', replyCode: 452, status: '4.2.2', reason: 'mailboxfull', hardBounce: false },
    // Mailgun's own 605 is not an SMTP code.
    { format: 'mailgun-event', recipient: 'carol@example.org', action: 'failed', espType: 'permanent/suppress-bounce', timestamp: '2026-12-04T10:00:03.000Z', replyCode: null, reason: 'suppressed' },
  ],
  // The webhook body: {"signature": …, "event-data": {…}}.
  'mailgun-webhook.json': [
    { format: 'mailgun-event', recipient: 'alice@example.com', action: 'failed', espType: 'permanent/bounce', timestamp: '2026-12-04T10:00:01.125Z', replyCode: 550, reason: 'userunknown' },
  ],
  'postmark.json': [
    { format: 'postmark-event', recipient: 'alice@example.com', action: 'failed', espType: 'HardBounce', timestamp: '2026-12-04T10:00:01Z', queueId: '883953f4-6105-42a2-a16a-77a8eac79483', replyCode: 550, status: '5.1.1', reason: 'userunknown', hardBounce: true },
    { format: 'postmark-event', recipient: 'bob@example.net', action: 'delayed', espType: 'Transient', timestamp: '2026-12-04T10:00:02Z', replyCode: 421, status: '4.4.2', hardBounce: false },
    { format: 'postmark-event', recipient: 'carol@example.org', action: null, espType: 'SpamComplaint', timestamp: '2026-12-04T10:00:03Z', reason: 'feedback', feedbackType: 'abuse' },
  ],
  'sparkpost.json': [
    { format: 'sparkpost-event', recipient: 'alice@example.com', action: 'failed', espType: 'bounce/10', timestamp: '2026-12-04T10:00:01.000Z', queueId: '0e0d94b7-9085-4e3c-ab30-e3f2cd9c273e', replyCode: 550, status: '5.1.1', reason: 'userunknown', hardBounce: true },
    { format: 'sparkpost-event', recipient: 'bob@example.net', action: 'delayed', espType: 'delay', timestamp: '2026-12-04T10:00:02.000Z', replyCode: 452, status: '4.2.2', reason: 'mailboxfull' },
    { format: 'sparkpost-event', recipient: 'carol@example.org', action: 'failed', espType: 'out_of_band/10', timestamp: '2026-12-04T10:00:03.000Z', replyCode: 550, status: '5.1.1' },
  ],
};

for (const [file, want] of Object.entries(CASES)) {
  test(`ESP fixture ${file}`, () => {
    const text = readFileSync(join(FIXTURES, file), 'utf8');
    assert.ok(looksLikeEspEvents(text), 'sniffed as ESP events');
    const got = readEspEvents(text);
    assert.equal(got.unknown, 0);
    assert.equal(got.badLines, 0);
    assert.equal(got.records.length, want.length, 'records');
    got.records.forEach((rec, i) => {
      const w = want[i];
      if (w === undefined) return;
      const where = `${file} #${i + 1}`;
      const d = diagnoseLogRecord(rec);
      assert.equal(d.format, w.format, `${where} format`);
      assert.equal(d.recipient, w.recipient, `${where} recipient`);
      assert.equal(rec.action, w.action, `${where} action`);
      assert.equal(d.espType, w.espType, `${where} espType`);
      assert.equal(d.timestamp, w.timestamp, `${where} timestamp`);
      assert.equal(rec.line, null);
      const optional: [keyof Expected, unknown][] = [
        ['queueId', d.queueId],
        ['replyCode', d.replyCode],
        ['status', d.status],
        ['reason', d.reason],
        ['hardBounce', d.hardBounce],
        ['feedbackType', d.feedbackType],
        ['relay', rec.relay],
      ];
      for (const [name, actual] of optional) {
        if (w[name] !== undefined) assert.equal(actual, w[name], `${where} ${name}`);
      }
    });
  });
}

test('each ESP reader matches its own events only', () => {
  const own: Record<string, string> = {
    'amazonses-bounce.json': SES,
    'sendgrid.json': 'sendgrid-event',
    'mailgun.ndjson': 'mailgun-event',
    'postmark.json': 'postmark-event',
    'sparkpost.json': 'sparkpost-event',
  };
  for (const [file, id] of Object.entries(own)) {
    const { values } = parseEventInput(readFileSync(join(FIXTURES, file), 'utf8'));
    for (const value of values) {
      for (const reader of EVENT_READERS) {
        assert.equal(reader.matches(value as Record<string, unknown>), reader.id === id, `${reader.id} on ${file}`);
      }
    }
  }
});

test('NDJSON lines that are not JSON and events no reader knows are counted, not fatal', () => {
  const text = [
    '{"email":"a@example.com","timestamp":1796378401,"event":"bounce","type":"bounce","status":"5.1.1","reason":"550 5.1.1 unknown","sg_message_id":"m1"}',
    'not json at all',
    '{"hello":"world"}',
  ].join('\n');
  const got = readEspEvents(text);
  assert.equal(got.records.length, 1);
  assert.equal(got.badLines, 1);
  assert.equal(got.unknown, 1);
});

test('looksLikeEspEvents: JSON with an ESP field, not mail text, logs or other JSON', () => {
  assert.equal(looksLikeEspEvents('  [{"event":"bounce","sg_message_id":"x"}]'), true);
  assert.equal(looksLikeEspEvents('{"Type":"Notification","Message":"{\\"notificationType\\":\\"Bounce\\"}"}'), true);
  assert.equal(looksLikeEspEvents('{"name":"whybounce","version":"0.1.0"}'), false);
  assert.equal(looksLikeEspEvents('From: MAILER-DAEMON@example.com\nSubject: notificationType'), false);
  assert.equal(looksLikeEspEvents('550 5.1.1 user unknown'), false);
});
