import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderCsvRows, CSV_COLUMNS } from '../../src/render/csv';
import { diagnoseText } from '../../src/pipeline/text';

// Issue 15, item 7: a file named "=HYPERLINK(…).eml" put a live formula in the
// input column. Every column is guarded now, with the usual list of starts.
test('csv: a cell starting with = + - @ tab or CR gets a leading quote, in any column', () => {
  const base = diagnoseText('550 5.1.1 <x@example.com>: user unknown', 'argv');
  const diagnosis = base.diagnoses[0];
  assert.ok(diagnosis !== undefined);
  for (const start of ['=', '+', '-', '@', '\t', '\r']) {
    const hostile = `${start}HYPERLINK("http://example.com/x")`;
    for (const column of CSV_COLUMNS) {
      const result =
        column === 'input'
          ? { ...base, input: `${hostile}.eml` }
          : { ...base, diagnoses: [{ ...diagnosis, [column]: hostile }] };
      const cells = renderCsvRows(result);
      // The cell (maybe quoted by RFC 4180) starts with the guard, never with the raw start.
      const index = CSV_COLUMNS.indexOf(column);
      const field = cells.replace(/\r\n$/, '').split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/)[index] ?? '';
      assert.match(field, /^"?'/, `${column} starting with ${JSON.stringify(start)}: ${field}`);
    }
  }
});

test('csv: stdin\'s names "-" and "-#N" and ordinary cells are left as they are', () => {
  const result = { ...diagnoseText('550 5.1.1 <x@example.com>: user unknown', 'argv'), input: '-' };
  assert.match(renderCsvRows(result), /^-,x@example\.com,550,5\.1\.1,permanent,userunknown,true,argv,,550 5\.1\.1/);
  assert.match(renderCsvRows({ ...result, input: '-#2' }), /^-#2,x@example/);
  assert.match(renderCsvRows({ ...result, input: '-#2x' }), /^'-#2x,/);
});
