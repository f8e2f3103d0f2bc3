import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { looksLikePath } from '../../src/input/read-input';
import { readItems, itemSummary } from '../helpers/inputs';

const BOUNCE = readFileSync(join(__dirname, '..', 'fixtures', 'aol-dsn.eml'));

// Issue 15, item 14: names that are not UTF-8 came back as U+FFFD and named no file.
test('a file name that is not UTF-8, in a folder and as an argument, is read', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wb-names-'));
  const latin1 = Buffer.concat([Buffer.from(dir + '/'), Buffer.from('caf\xe9.eml', 'latin1')]);
  writeFileSync(latin1, BOUNCE);
  const inFolder = await readItems(dir);
  assert.deepEqual(itemSummary(inFolder, dir), ['data caf\uFFFD.eml']);
  const direct = await readItems(latin1.toString('utf8'));
  const first = direct[0];
  assert.ok(first?.kind === 'data');
  assert.ok(first.data.equals(BOUNCE));
});

// Issue 15, item 14: "logs/smtp-550-5.1.1.log" holds a code, and a missing one was diagnosed as a hard bounce.
test('a missing argument that looks like a path is a missing file, whatever codes its name holds', async () => {
  for (const arg of ['logs/smtp-550-5.1.1.log', 'smtp-550-5.1.1.log', 'bounce-550.eml', '550.mbox', 'x/550 5.1.1']) {
    const [item] = await readItems(arg);
    if (arg.includes(' ')) assert.equal(item?.kind, 'string', arg);
    else assert.deepEqual(item, { kind: 'error', name: arg, error: 'no such file or directory' }, arg);
  }
  for (const arg of ['550', '5.1.1', '550-5.1.1', '550 5.1.1 user unknown', '4.7.0']) {
    assert.equal(looksLikePath(arg), false, arg);
    assert.equal((await readItems(arg))[0]?.kind, 'string', arg);
  }
});
