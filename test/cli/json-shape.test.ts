import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { memoryIo } from '../helpers/memory-io';
import { fixturePath } from '../helpers/cli';

// Issue 15, item 9: --json's top-level type follows the arguments, not the
// number of records: one object when they name one file, one string or stdin,
// an array for several arguments or a folder. The same mbox named twice gives
// two records, not one merged.

const TMP = mkdtempSync(join(tmpdir(), 'whybounce-json-shape-'));
after(() => { rmSync(TMP, { recursive: true, force: true }); });

const SINGLE = fixturePath('rfc3464-single.eml');
const MULTI = fixturePath('rfc3464-multi.eml');

function mbox(name: string, fixtures: string[]): string {
  const path = join(TMP, name);
  writeFileSync(path, fixtures.map((f) => `From MAILER-DAEMON Mon Nov 16 10:00:00 2026\n${readFileSync(f, 'latin1')}\n`).join(''), 'latin1');
  return path;
}

interface JsonRecord {
  input: string;
  diagnoses: { message?: string }[];
}

async function json(argv: string[], stdin?: string): Promise<{ status: number; value: unknown }> {
  const m = memoryIo(stdin === undefined ? {} : { stdin });
  const status = await main(['--json', ...argv], m.io);
  return { status, value: JSON.parse(m.stdout()) };
}

test('--json: the same mbox named twice gives two records, each with its own messages', async () => {
  const box = mbox('twice.mbox', [SINGLE, MULTI]);
  const once = (await json([box])).value as JsonRecord;
  assert.ok(!Array.isArray(once));
  const twice = (await json([box, box])).value as JsonRecord[];
  assert.ok(Array.isArray(twice));
  assert.equal(twice.length, 2);
  for (const record of twice) assert.deepEqual(record, once);
  assert.deepEqual([...new Set(once.diagnoses.map((d) => d.message))], [`${box}#1`, `${box}#2`]);
});

test('--json: a folder gives an array however many files it holds; one file, string or stdin one object', async () => {
  const empty = join(TMP, 'empty');
  const one = join(TMP, 'one');
  mkdirSync(empty);
  mkdirSync(one);
  writeFileSync(join(one, 'a.eml'), readFileSync(SINGLE));
  assert.deepEqual((await json([empty])).value, []);
  const folder = (await json([one])).value as JsonRecord[];
  assert.ok(Array.isArray(folder));
  assert.equal(folder.length, 1);
  assert.ok(!Array.isArray((await json([SINGLE])).value));
  assert.ok(!Array.isArray((await json(['550 5.1.1 no such user'])).value));
  assert.ok(!Array.isArray((await json([], readFileSync(SINGLE, 'latin1'))).value));
  assert.ok(!Array.isArray((await json([join(TMP, 'missing.eml')])).value));
});

test('--json --only: one input that keeps nothing is still one object, with no diagnoses; of several, it is left out', async () => {
  const alone = await json(['--only', 'mailboxfull', SINGLE]);
  assert.equal(alone.status, 1);
  const record = alone.value as JsonRecord;
  assert.ok(!Array.isArray(record));
  assert.equal(record.input, SINGLE);
  assert.deepEqual(record.diagnoses, []);
  const box = (await json(['--only', 'mailboxfull', mbox('none.mbox', [SINGLE, SINGLE])])).value as JsonRecord;
  assert.ok(!Array.isArray(box));
  assert.deepEqual(box.diagnoses, []);
  const two = (await json(['--only', 'hard', SINGLE, '452 4.2.2 mailbox full'])).value as JsonRecord[];
  assert.ok(Array.isArray(two));
  assert.deepEqual(
    two.map((r) => r.input),
    [SINGLE],
  );
});
