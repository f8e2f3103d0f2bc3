// Every bounce that a real mail server wrote in the lab (npm run lab -- --save)
// must be diagnosed as its scenario says. Cases that whybounce is known to read
// wrong carry "knownMismatch" in their expected JSON and run as todo.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { diagnose } from '../../src/pipeline/diagnose';
import { compareDiagnoses, type LabExpected } from '../../scripts/lab/compare';

const DIR = join(__dirname, '..', 'fixtures', 'lab');
const servers = existsSync(DIR) ? readdirSync(DIR).sort() : [];

test('the lab has saved bounces from at least one server', () => {
  const count = servers.reduce((n, s) => n + readdirSync(join(DIR, s)).filter((f) => f.endsWith('.eml')).length, 0);
  assert.ok(count >= 12, `only ${count} lab bounces`);
});

for (const server of servers) {
  for (const file of readdirSync(join(DIR, server)).filter((f) => f.endsWith('.eml')).sort()) {
    const base = join(DIR, server, file.replace(/\.eml$/, ''));
    const expected = JSON.parse(readFileSync(`${base}.expected.json`, 'utf8')) as LabExpected;
    const meta = JSON.parse(readFileSync(`${base}.meta.json`, 'utf8')) as { server: string; version: string | null };
    const name = `lab ${server}/${file}`;
    const check = async (): Promise<void> => {
      assert.equal(meta.server, server);
      assert.ok(meta.version, 'the server version is recorded');
      const result = await diagnose(readFileSync(`${base}.eml`), { input: file });
      assert.equal(result.isBounce, true, 'read as a bounce');
      const diffs = compareDiagnoses(expected.diagnoses, result.diagnoses as unknown as Array<Record<string, unknown>>);
      assert.deepEqual(diffs, []);
    };
    if (expected.knownMismatch !== undefined) test(name, { todo: expected.knownMismatch }, check);
    else test(name, check);
  }
}
