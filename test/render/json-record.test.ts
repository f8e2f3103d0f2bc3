import { test } from 'node:test';
import assert from 'node:assert/strict';
import { JsonRecordBuilder, renderJson } from '../../src/render/json';
import { diagnoseText } from '../../src/pipeline/text';
import type { DiagnoseResult } from '../../src/types';

// Issue 15, item 3: --json gathers the messages of an mbox into one record
// piece by piece (linear; `npm run bench:hostile -- --json-mbox` times it). The
// pieces must give the text renderJson gives for the same record whole.
function message(text: string, input: string, warnings: string[] = []): DiagnoseResult {
  return { ...diagnoseText(text, 'argv'), input, warnings };
}

test('json record builder: the same text as renderJson of the whole record', () => {
  const messages = [
    message('550 5.1.1 <a@example.com>: unknown', 'box#1', ['first warning']),
    message('no code here', 'box#2'),
    message('550 5.7.1 <c@example.com> \u001b[2J\u2028 denied', 'box#3', ['a "quoted" \u001b warning', 'two']),
    message('452 4.2.2 <b@example.com> mailbox full', 'box#4'),
  ];
  const builder = new JsonRecordBuilder('box \u001b');
  for (const m of messages) builder.add(m);
  const whole: DiagnoseResult = {
    input: 'box \u001b',
    isBounce: messages.some((m) => m.isBounce),
    diagnoses: messages.flatMap((m) => m.diagnoses.map((d) => ({ ...d, message: m.input }))),
    warnings: messages.flatMap((m) => m.warnings.map((w) => `${m.input}: ${w}`)),
  };
  assert.ok(whole.diagnoses.length >= 3);
  assert.equal(builder.render() + '\n', renderJson([whole]));
});

test('json record builder: no message with a diagnosis or a warning gives empty lists', () => {
  const builder = new JsonRecordBuilder('box');
  builder.add(message('nothing', 'box#1'));
  const record = JSON.parse(builder.render()) as { isBounce: boolean; diagnoses: unknown[]; warnings: unknown[] };
  assert.deepEqual(record, { input: 'box', isBounce: false, diagnoses: [], warnings: [] });
  assert.equal(builder.render() + '\n', renderJson([{ input: 'box', isBounce: false, diagnoses: [], warnings: [] }]));
});
