import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LogStream, FinalStates, readLogText } from '../../src/logs';
import type { LogRecord } from '../../src/logs';

const POSTFIX = readFileSync(join(__dirname, 'fixtures', 'postfix.log'), 'utf8');

test('a live stream: each record is out as soon as its line (and a flush) arrives', () => {
  const stream = new LogStream();
  const seen: number[] = [];
  for (const line of POSTFIX.split('\n')) {
    if (line === '') continue;
    for (const r of stream.push(`${line}\n`)) seen.push(r.line ?? -1);
    for (const r of stream.flushUnlessOpen()) seen.push(r.line ?? -1);
    // Nothing is held back once the line is in.
    assert.deepEqual(stream.flushUnlessOpen(), []);
  }
  assert.deepEqual(stream.end(), []);
  assert.deepEqual(
    seen,
    readLogText(POSTFIX).records.map((r) => r.line),
  );
  assert.deepEqual(stream.counts, { records: 9, other: 4, skipped: 0 });
});

test('a stream read in odd chunks gives the records of the whole text', () => {
  const stream = new LogStream();
  const got: LogRecord[] = [];
  for (let i = 0; i < POSTFIX.length; i += 97) got.push(...stream.push(POSTFIX.slice(i, i + 97)));
  got.push(...stream.end());
  assert.deepEqual(got, readLogText(POSTFIX).records);
});

function rec(queueId: string | null, recipient: string | null, action: LogRecord['action']): LogRecord {
  return {
    format: 'postfix-log',
    line: 1,
    timestamp: null,
    queueId,
    recipient,
    originalRecipient: null,
    sender: null,
    relay: null,
    action,
    status: null,
    text: '',
    command: null,
    logStatus: null,
  };
}

test('final states: deferrals of one queue id and recipient count once, by their last state', () => {
  const states = new FinalStates();
  const lines: LogRecord[] = [
    rec('A1', 'a@example.com', 'delayed'),
    rec('A1', 'a@example.com', 'delayed'),
    rec('A1', 'a@example.com', 'delivered'),
    rec('A1', 'b@example.com', 'delayed'),
    rec('A1', 'b@example.com', 'delayed'),
    rec('A1', 'B@example.com', 'failed'),
    rec('A1', 'c@example.com', 'delayed'),
    rec('A2', 'c@example.com', 'delayed'),
    // A deferral logged after the bounce does not undo it.
    rec('A1', 'b@example.com', 'delayed'),
    rec(null, null, 'failed'),
  ];
  for (const r of lines) states.add(r);
  assert.deepEqual(states.counts(), { lines: 10, bounced: 1, deferred: 2, delivered: 1, untracked: 1 });
});

test('final states: a queue id done with leaves the table, its recipients counted by their state then', () => {
  const states = new FinalStates();
  states.add(rec('A1', 'a@example.com', 'delayed'));
  states.add(rec('A1', 'b@example.com', 'failed'));
  states.add(rec('A2', 'a@example.com', 'delayed'));
  states.finishQueue('A1');
  // A queue id read again after its removal is a new message (short Postfix ids are reused).
  states.add(rec('A1', 'a@example.com', 'delivered'));
  states.finishQueue('A9');
  assert.deepEqual(states.counts(), { lines: 4, bounced: 1, deferred: 2, delivered: 1, untracked: 0 });
});

test('a stream hands its records and the queue ids done with to its hooks, in line order', () => {
  const log = [
    'Dec  4 10:00:01 mx1 postfix/smtp[2202]: 4A1B2C3D4E: to=<a@example.com>, relay=mx.example.com[192.0.2.10]:25, delay=1, delays=0/0/0/1, dsn=4.2.2, status=deferred (host mx.example.com[192.0.2.10] said: 452 4.2.2 Mailbox full (in reply to RCPT TO command))',
    'Dec  4 10:00:02 mx1 postfix/qmgr[880]: 4A1B2C3D4E: removed',
    'Dec  4 10:00:03 mx1 postfix/smtpd[2101]: connect from mail.example.org[198.51.100.20]',
    'Dec  4 10:00:04 mx1 postfix/cleanup[2110]: 4A1B2C3D4F: message-id=<removed@example.org>',
    'Dec  4 10:00:05 mx1 postfix/qmgr[880]: NOQUEUE: removed',
    '',
  ].join('\n');
  const seen: string[] = [];
  const stream = new LogStream({}, { onRecord: (r) => seen.push(`record ${r.line ?? -1}`), onQueueDone: (id) => seen.push(`done ${id}`) });
  // Split inside the first line: the hooks follow the lines, not the chunks.
  stream.push(log.slice(0, 50));
  stream.push(log.slice(50));
  stream.end();
  assert.deepEqual(seen, ['record 1', 'done 4A1B2C3D4E']);
});
