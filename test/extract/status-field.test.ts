import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnose } from '../../src/pipeline/diagnose';
import { FIXTURES_DIR } from '../helpers/fixtures';

// A status made up from a notice's wording ("[User unknown]" in a list of
// failures: 5.0.0) is not a Status field: --why must not cite one the bounce
// does not have. A real DSN Status field is still cited as one.

async function statusEvidence(file: string): Promise<{ status: string | null; source: string; note: string }> {
  const result = await diagnose(readFileSync(join(FIXTURES_DIR, file)), { input: file });
  const d = result.diagnoses[0];
  assert.ok(d !== undefined, `${file}: a diagnosis`);
  const e = d.evidence?.find((x) => x.about === 'status');
  assert.ok(e !== undefined, `${file}: status evidence`);
  return { status: d.status, source: e.source, note: e.note };
}

test('a status stated by the wording is not cited as a Status field', async () => {
  const e = await statusEvidence('x1-userunknown.eml');
  assert.equal(e.status, '5.0.0');
  assert.notEqual(e.source, 'Status field');
  assert.doesNotMatch(e.note, /the Status field/);
  assert.match(e.note, /stated status \(no Status field\)/);
});

test('a real DSN Status field is cited as one', async () => {
  const e = await statusEvidence('rfc3464-single.eml');
  assert.equal(e.status, '5.1.1');
  assert.equal(e.source, 'Status field');
});
