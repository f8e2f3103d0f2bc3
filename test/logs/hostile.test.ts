import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createLogReaders, diagnoseLogRecord } from '../../src/logs';
import { splitCsvRow } from '../../src/logs/csv';
import { readEspEvents } from '../../src/events';

const LOGS = join(__dirname, 'fixtures');
const EVENTS = join(__dirname, '..', 'events', 'fixtures');

// Every prefix and suffix of every fixture line (a line cut by log rotation, a
// truncated write, a pasted half) goes through every reader: a reader returns
// a record or null, and never throws.
test('cut lines: every reader answers a record or null, and records diagnose', () => {
  let records = 0;
  for (const file of readdirSync(LOGS)) {
    const lines = readFileSync(join(LOGS, file), 'utf8').split('\n');
    for (const line of lines) {
      for (let cut = 0; cut <= line.length; cut += 5) {
        for (const text of [line.slice(0, cut), line.slice(cut)]) {
          for (const reader of createLogReaders()) {
            if (!reader.recognises(text)) continue;
            const record = reader.read({ text, line: 1 }, {});
            if (record === null) continue;
            records++;
            assert.equal(record.format, reader.id);
            assert.equal(typeof diagnoseLogRecord(record).reason, 'string');
          }
        }
      }
    }
  }
  assert.ok(records > 100, `only ${records} records`);
});

test('cut events: a truncated JSON text gives records or nothing, never an exception', () => {
  for (const file of readdirSync(EVENTS)) {
    const text = readFileSync(join(EVENTS, file), 'utf8');
    for (let cut = 0; cut <= text.length; cut += 11) {
      const got = readEspEvents(text.slice(0, cut));
      for (const r of got.records) assert.ok(r.format.endsWith('-event'));
    }
  }
});

test('events with fields of the wrong types are read loosely', () => {
  const odd = [
    { notificationType: 'Bounce', bounce: { bouncedRecipients: [null, 5, { emailAddress: 7 }] } },
    { notificationType: 'Complaint', complaint: 'x' },
    { event: 'bounce', email: 'a@example.com', sg_message_id: 1, reason: { nested: true }, timestamp: 'soon' },
    { event: 'failed', recipient: 'b@example.com', severity: 5, 'delivery-status': [] },
    { Email: 'c@example.com', TypeCode: 1, Type: null, Details: 42 },
    { msys: { message_event: { type: 'bounce', rcpt_to: null } } },
  ];
  const got = readEspEvents(JSON.stringify(odd));
  for (const r of got.records) assert.equal(typeof diagnoseLogRecord(r).reason, 'string');
  assert.equal(got.unknown, 0);
});

test('CSV rows: quotes, doubled quotes, separators inside quotes, and a line of quotes', () => {
  assert.deepEqual(splitCsvRow('a,"b,c","say ""hi""",, "d" '), ['a', 'b,c', 'say "hi"', '', 'd ']);
  assert.equal(splitCsvRow(`x${'"'.repeat(20_000)}`).length, 1);
  assert.equal(splitCsvRow(','.repeat(1000)).length, 1001);
});

test('event times: Unix seconds and ISO strings become ISO 8601, anything else null', async () => {
  const { timeOf } = await import('../../src/events/json');
  assert.equal(timeOf(1796378401), '2026-12-04T10:00:01.000Z');
  assert.equal(timeOf('1796378401.5'), '2026-12-04T10:00:01.500Z');
  assert.equal(timeOf('2026-12-04T10:00:01Z'), '2026-12-04T10:00:01Z');
  assert.equal(timeOf('soon'), null);
  assert.equal(timeOf(null), null);
});
