import { test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose } from '../src/pipeline/diagnose';
import { MAX_LINE_CHARS, MAX_MESSAGE_BYTES, MAX_MIME_PARTS, MAX_RECIPIENTS } from '../src/limits';
import { HOSTILE_CASES, nestedMime } from '../scripts/bench-hostile';

// Hostile and broken input (issue 5): named limits that say when they are hit.
// The CLI's cases (clear errors, nothing lost in a batch) are in test/cli/hostile.test.ts.

// ------------------------------------------------------------ named limits ---

const BIG_DSN = (groups: number, extra = ''): string =>
  HOSTILE_CASES.find((c) => c.unit === 'recipients')?.make(groups).replace('--BOUND--', `${extra}--BOUND--`) ?? '';

test('limits: more recipients than MAX_RECIPIENTS are cut, and the warning says so', async () => {
  const result = await diagnose(BIG_DSN(MAX_RECIPIENTS + 50), { input: 'many' });
  assert.equal(result.diagnoses.length, MAX_RECIPIENTS);
  assert.ok(result.warnings.some((w) => w.includes('MAX_RECIPIENTS')), result.warnings.join('\n'));
});

test('limits: a line longer than MAX_LINE_CHARS is cut, the warning says so, the code is still read', async () => {
  const c = HOSTILE_CASES.find((x) => x.name.includes('Diagnostic-Code') && x.unit === 'MB');
  assert.ok(c);
  const result = await diagnose(c.make(1), { input: 'long' });
  assert.ok(result.warnings.some((w) => w.includes('MAX_LINE_CHARS')), result.warnings.join('\n'));
  assert.equal(result.diagnoses[0]?.replyCode, 550);
  assert.ok(result.diagnoses[0].diagnostic.length <= MAX_LINE_CHARS + 1);
});

test('limits: a message larger than MAX_MESSAGE_BYTES is cut, with a warning, and still read', async () => {
  const big = `550 5.1.1 <user@example.net> User unknown\n${'x'.repeat(MAX_MESSAGE_BYTES)}`;
  const result = await diagnose(big, { input: 'huge' });
  assert.ok(result.warnings.some((w) => w.includes(String(MAX_MESSAGE_BYTES))), result.warnings.join('\n'));
  assert.equal(result.diagnoses[0]?.status, '5.1.1');
});

function nested(depth: number, rfc822: boolean): string {
  const { head, tail } = nestedMime(depth, rfc822);
  return `${head}Content-Type: text/plain\n\n550 5.1.1 <user@example.net>: User unknown\n${tail}`;
}

test('limits: MIME nested 1,000 deep (past MAX_MIME_PARTS) neither overflows the stack nor hangs', async () => {
  for (const depth of [MAX_MIME_PARTS - 2, MAX_MIME_PARTS + 1, 5000]) {
    for (const rfc822 of [false, true]) {
      const start = Date.now();
      const result = await diagnose(nested(depth, rfc822), { input: `nested-${depth}` });
      assert.ok(Date.now() - start < 5000, `depth ${depth} took ${Date.now() - start} ms`);
      assert.ok(Array.isArray(result.diagnoses));
      if (!rfc822 && depth > MAX_MIME_PARTS) assert.ok(result.warnings.length > 0, 'the warning says the email was not parsed whole');
    }
  }
});

// ------------------------------------------------ pathological, small sizes ---

test('pathological inputs (small versions of the bench) each give a diagnosis quickly', async () => {
  for (const c of HOSTILE_CASES) {
    const size = c.unit === 'MB' ? 0.5 : c.full / 50;
    const start = Date.now();
    const result = await diagnose(c.make(size), { input: c.name });
    const ms = Date.now() - start;
    assert.ok(ms < 2000, `${c.name}: ${ms} ms`);
    if (!c.name.includes('argument')) assert.ok(result.diagnoses.length > 0, c.name);
  }
});
