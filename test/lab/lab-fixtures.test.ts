// Every bounce that a real mail server wrote in the lab (npm run lab -- --save)
// must be diagnosed as its scenario says. Cases that whybounce is known to read
// wrong carry "knownMismatch" in their expected JSON and run as todo, and may be
// wrong only as scripts/lab/known-mismatches.ts says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { diagnose } from '../../src/pipeline/diagnose';
import { compareDiagnoses, judge, type LabExpected } from '../../scripts/lab/compare';
import { KNOWN_MISMATCHES } from '../../scripts/lab/known-mismatches';
import { SCENARIOS } from '../../scripts/lab/scenarios';
import { SERVERS } from '../../scripts/lab/servers';

const DIR = join(__dirname, '..', 'fixtures', 'lab');
const servers = existsSync(DIR) ? readdirSync(DIR).sort() : [];

test('every lab server has a saved bounce for each scenario it can make, at least 12, 48 in all', () => {
  let total = 0;
  for (const s of SERVERS) {
    const saved = existsSync(join(DIR, s.id)) ? readdirSync(join(DIR, s.id)).filter((f) => f.endsWith('.eml')) : [];
    const can = SCENARIOS.filter((sc) => typeof s.overrides?.[sc.id] !== 'string');
    assert.deepEqual(saved.map((f) => f.replace(/\.eml$/, '')).sort(), can.map((sc) => sc.id).sort(), s.id);
    assert.ok(saved.length >= 12, `${s.id}: only ${saved.length} bounces`);
    total += saved.length;
  }
  assert.ok(total >= 48, `only ${total} lab bounces`);
  for (const key of Object.keys(KNOWN_MISMATCHES)) {
    const [server, scenario] = key.split('/');
    assert.ok(existsSync(join(DIR, server ?? '', `${scenario ?? ''}.eml`)), `known mismatch ${key} has no saved bounce`);
  }
});

for (const server of servers) {
  for (const file of readdirSync(join(DIR, server)).filter((f) => f.endsWith('.eml')).sort()) {
    const base = join(DIR, server, file.replace(/\.eml$/, ''));
    const expected = JSON.parse(readFileSync(`${base}.expected.json`, 'utf8')) as LabExpected;
    const meta = JSON.parse(readFileSync(`${base}.meta.json`, 'utf8')) as { server: string; version: string | null };
    const name = `lab ${server}/${file}`;
    const known = KNOWN_MISMATCHES[`${server}/${file.replace(/\.eml$/, '')}`];
    const diffsOf = async (): Promise<string[]> => {
      assert.equal(meta.server, server);
      assert.ok(meta.version, 'the server version is recorded');
      const result = await diagnose(readFileSync(`${base}.eml`), { input: file });
      assert.equal(result.isBounce, true, 'read as a bounce');
      return compareDiagnoses(expected.diagnoses, result.diagnoses as unknown as Array<Record<string, unknown>>);
    };
    if (expected.knownMismatch === undefined) {
      test(name, async () => {
        assert.deepEqual(await diffsOf(), []);
      });
      continue;
    }
    // A known mismatch: right is the goal (todo), and meanwhile it may be wrong
    // only as scripts/lab/known-mismatches.ts says, not in any other way.
    test(`${name}: wrong only as its known mismatch says`, async () => {
      assert.ok(known, `${server}/${file} is marked knownMismatch but has no entry in scripts/lab/known-mismatches.ts`);
      assert.equal(expected.knownMismatch, known.why);
      const diffs = await diffsOf();
      assert.notEqual(judge(expected.diagnoses, diffs, known), 'wrong', diffs.join('; '));
    });
    test(name, { todo: expected.knownMismatch }, async () => {
      assert.deepEqual(await diffsOf(), []);
    });
  }
}

// Exim words the same expiry in two ways: "retry timeout exceeded" (the saved
// bounce) and, when the host was already failing for other messages (the lab's
// delay-warning and several-recipients scenarios use the same dead host, and
// which wording comes depends on timing), "all hosts for 'DOMAIN' have been
// failing for a long time (and retry time not reached)". Both are an expiry.
test('lab exim/connection-refused-expired.eml in its second wording', async () => {
  const base = join(DIR, 'exim', 'connection-refused-expired');
  const eml = readFileSync(`${base}.eml`, 'utf8');
  assert.match(eml, /^ {4}retry timeout exceeded$/m);
  const other = eml.replace(/^ {4}retry timeout exceeded$/m, "    all hosts for 'dead.lab.example' have been failing for a long time (and retry time not reached)");
  const expected = JSON.parse(readFileSync(`${base}.expected.json`, 'utf8')) as LabExpected;
  const result = await diagnose(other, { input: 'exim-second-wording.eml' });
  assert.deepEqual(compareDiagnoses(expected.diagnoses, result.diagnoses as unknown as Array<Record<string, unknown>>), []);
});
