import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEmail } from '../../src/email/parse-email';
import { EXTRACTORS } from '../../src/extract';
import { diagnose } from '../../src/pipeline/diagnose';
import type { BounceEmail } from '../../src/types';
import { FIXTURES_DIR } from '../helpers/fixtures';

// Every hand-written fixture is named <extractor id>-<case>.eml (or
// not-bounce-<case>.eml) and has a sidecar <name>.expected.json: the table of
// fields each diagnosis must have, in order.
const DIR = FIXTURES_DIR;
const FIXTURES = readdirSync(DIR)
  .filter((f) => f.endsWith('.eml'))
  .sort();

// Extractors that read any report of their kind, whatever server wrote it:
// they may match other formats' fixtures too.
const GENERIC = new Set(['rfc3464', 'text']);

interface Expected {
  recipient?: string | null;
  status?: string | null;
  replyCode?: number | null;
  reason?: string;
  hardBounce?: boolean;
  format?: string;
  action?: string | null;
  command?: string | null;
  remoteMta?: string | null;
  feedbackType?: string;
}

function prefixOf(file: string): string {
  return file.startsWith('not-bounce-') ? 'not-bounce' : (file.split('-')[0] ?? '');
}

const emails = new Map<string, Promise<BounceEmail>>();
function email(file: string): Promise<BounceEmail> {
  let p = emails.get(file);
  if (p === undefined) {
    p = parseEmail(readFileSync(join(DIR, file)));
    emails.set(file, p);
  }
  return p;
}

test('extractor ids are unique and usable as fixture prefixes', () => {
  const ids = EXTRACTORS.map((e) => e.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const id of ids) assert.match(id, /^[a-z0-9]+$/);
});

test('every non-generic extractor has at least one fixture', () => {
  for (const e of EXTRACTORS) {
    if (GENERIC.has(e.id)) continue;
    assert.ok(FIXTURES.some((f) => prefixOf(f) === e.id), `no fixture for ${e.id}`);
  }
});

for (const file of FIXTURES) {
  const own = prefixOf(file);
  test(`extractors against ${file}: its own matches, the others do not`, async () => {
    const mail = await email(file);
    for (const e of EXTRACTORS) {
      if (e.id === own) {
        assert.ok(e.matches(mail), `${e.id} should match ${file}`);
        assert.ok(e.extract(mail).length > 0, `${e.id} should find candidates in ${file}`);
      } else if (!GENERIC.has(e.id)) {
        assert.ok(!e.matches(mail) || e.extract(mail).length === 0, `${e.id} must not read ${file}`);
      }
    }
  });

  test(`diagnoses of ${file} match ${file.replace(/\.eml$/, '.expected.json')}`, async () => {
    const sidecar = join(DIR, file.replace(/\.eml$/, '.expected.json'));
    assert.ok(existsSync(sidecar), `missing ${sidecar}`);
    const expected = JSON.parse(readFileSync(sidecar, 'utf8')) as Expected[];
    const result = await diagnose(readFileSync(join(DIR, file)), { input: file });
    assert.equal(result.isBounce, own !== 'not-bounce');
    assert.equal(result.diagnoses.length, expected.length, 'number of diagnoses');
    expected.forEach((exp, i) => {
      const got = result.diagnoses[i] as unknown as Record<string, unknown>;
      for (const [key, value] of Object.entries(exp)) {
        assert.deepEqual(got[key], value, `diagnosis ${i + 1}: ${key}`);
      }
    });
  });
}
