import { test } from 'node:test';
import assert from 'node:assert/strict';
import { csvField, renderCsvHeader, renderCsvRows } from '../../src/render/csv';
import { diagnoseText } from '../../src/pipeline/text';

test('csvField quotes as RFC 4180 says', () => {
  const cases: [string | number | boolean | null, string][] = [
    ['plain', 'plain'],
    [null, ''],
    [550, '550'],
    [true, 'true'],
    ['a,b', '"a,b"'],
    ['say "no"', '"say ""no"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\r\nlf', '"cr\\u000d\nlf"'],
    ['esc \u001b[2J here', 'esc \\u001b[2J here'],
    ['', ''],
  ];
  for (const [value, expected] of cases) assert.equal(csvField(value), expected, String(value));
});

const IDENTITY =
  'originalMessageId,originalSubject,originalFrom,originalTo,originalDate,originalListId,originalReturnPath,timestamp,reportingMta,sender,messageId,verpRecipient,verpSender';
const FIRST = 'input,recipient,replyCode,status,class,reason,hardBounce,format,remoteMta,diagnostic';

test('the header row names the columns in order, lines end in CRLF', () => {
  // The first ten in their old places, issue 14's after them, then a column per --header name.
  assert.equal(renderCsvHeader(), `${FIRST},${IDENTITY}\r\n`);
  assert.equal(renderCsvHeader(['X-Campaign-ID', 'X-B']), `${FIRST},${IDENTITY},header:X-Campaign-ID,header:X-B\r\n`);
});

test('a row per diagnosis; server text that starts like a formula is defused', () => {
  const result = diagnoseText('550 5.1.1 <x@example.com>: user unknown, "really"', 'argv');
  const row = renderCsvRows(result);
  assert.equal(row.split('\r\n').length, 2);
  assert.match(row, /^argv,x@example\.com,550,5\.1\.1,permanent,userunknown,true,argv,,"550 5\.1\.1 <x@example\.com>: user unknown, ""really""",{13}\r\n$/);
  const formula = renderCsvRows({ ...result, diagnoses: result.diagnoses.map((d) => ({ ...d, diagnostic: '=HYPERLINK("x")' })) });
  assert.match(formula, /,"'=HYPERLINK\(""x""\)",{13}\r\n$/);
  const named = renderCsvRows({ ...result, diagnoses: result.diagnoses.map((d) => ({ ...d, headers: { 'X-A': 'a1', 'X-B': null } })) }, ['X-A', 'X-B']);
  assert.match(named, /,a1,\r\n$/);
  assert.equal(renderCsvRows({ input: 'x', isBounce: false, diagnoses: [], warnings: [] }), '');
});
