import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineSplitter, splitLogLines, MAX_LOG_LINE_CHARS } from '../../src/logs/split-lines';
import type { LogLine } from '../../src/logs';

const SAMPLE = [
  'Dec  4 10:00:01 mx1 postfix/smtp[1]: A: to=<a@example.com>, status=bounced (x)',
  '550-5.1.1 first line',
  '550-5.1.1 second line',
  '550 5.1.1 last line',
  '',
  '452 4.2.2 mailbox full',
  'folded head',
  '\tfolded tail',
  '  and more',
  '421-4.7.0 try',
  '421 4.7.0 later',
  '550 5.1.1 after a 421 reply',
].join('\n');

function pushInChunks(text: string, size: number): LogLine[] {
  const s = new LineSplitter();
  const out: LogLine[] = [];
  for (let i = 0; i < text.length; i += size) out.push(...s.push(text.slice(i, i + size)));
  out.push(...s.end());
  return out;
}

test('records: continuation and folded lines join, each numbered by its first line', () => {
  assert.deepEqual(splitLogLines(SAMPLE), [
    { line: 1, text: 'Dec  4 10:00:01 mx1 postfix/smtp[1]: A: to=<a@example.com>, status=bounced (x)' },
    { line: 2, text: '550-5.1.1 first line\n550-5.1.1 second line\n550 5.1.1 last line' },
    { line: 6, text: '452 4.2.2 mailbox full' },
    { line: 7, text: 'folded head\n\tfolded tail\n  and more' },
    { line: 10, text: '421-4.7.0 try\n421 4.7.0 later' },
    { line: 12, text: '550 5.1.1 after a 421 reply' },
  ]);
});

test('the same records whatever the chunk sizes', () => {
  const whole = splitLogLines(SAMPLE);
  for (const size of [1, 2, 3, 7, 16, 64, SAMPLE.length]) assert.deepEqual(pushInChunks(SAMPLE, size), whole, `chunks of ${size}`);
});

test('three separate replies stay three records; a reply line with another code is not a continuation', () => {
  assert.deepEqual(
    splitLogLines('550 5.1.1 user unknown\n452 4.2.2 mailbox full\n421 4.7.0 try later\n').map((r) => r.line),
    [1, 2, 3],
  );
  assert.deepEqual(
    splitLogLines('550-5.1.1 a\n452 4.2.2 b\n').map((r) => r.text),
    ['550-5.1.1 a', '452 4.2.2 b'],
  );
});

test('CRLF, a byte order mark and a last line without a newline', () => {
  assert.deepEqual(splitLogLines('\ufeff550 5.1.1 a\r\n\r\n452 4.2.2 b'), [
    { line: 1, text: '550 5.1.1 a' },
    { line: 3, text: '452 4.2.2 b' },
  ]);
});

test('a record comes out when the next line starts, or at once with flushUnlessOpen', () => {
  const s = new LineSplitter();
  assert.deepEqual(s.push('550 5.1.1 a\n'), []);
  assert.deepEqual(s.flushUnlessOpen(), [{ line: 1, text: '550 5.1.1 a' }]);
  // A "550-" line waits for the rest of its reply.
  assert.deepEqual(s.push('550-5.1.1 b\n'), []);
  assert.deepEqual(s.flushUnlessOpen(), []);
  assert.deepEqual(s.push('550 5.1.1 c\n452 4.2.2 d\n'), [{ line: 2, text: '550-5.1.1 b\n550 5.1.1 c' }]);
  assert.deepEqual(s.end(), [{ line: 4, text: '452 4.2.2 d' }]);
});

test('an endless line is cut at MAX_LOG_LINE_CHARS and the buffer stays bounded', () => {
  const s = new LineSplitter();
  const piece = 'x'.repeat(4096);
  for (let i = 0; i < 100; i++) assert.deepEqual(s.push(piece), []);
  const out = [...s.push('\n550 5.1.1 after\n'), ...s.end()];
  assert.equal(out.length, 2);
  assert.equal(out[0]?.text.length, MAX_LOG_LINE_CHARS);
  assert.deepEqual(out[1], { line: 2, text: '550 5.1.1 after' });
});

test('a flood of continuation lines keeps one bounded record', () => {
  const text = `${'550-5.1.1 more\n'.repeat(20_000)}550 5.1.1 end\n452 4.2.2 next\n`;
  const out = splitLogLines(text);
  assert.equal(out.length, 2);
  assert.ok((out[0]?.text.length ?? 0) <= 64 * 1024 + 20);
  assert.deepEqual(out[1], { line: 20_002, text: '452 4.2.2 next' });
});
