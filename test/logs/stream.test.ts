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
