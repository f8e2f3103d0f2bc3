import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readItems, itemSummary } from '../helpers/inputs';

const BOUNCE = readFileSync(join(__dirname, '..', 'fixtures', 'aol-dsn.eml'));

// Issue 15, item 8: a link to a FIFO in a folder was opened, and opening a FIFO
// waits for a writer: the batch hung. (The timeout only turns a hang into a failure.)
test('folder walk: links to a FIFO, a FIFO and a link to a folder are skipped and said so', { timeout: 20_000 }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'wb-walk-'));
  try {
    execFileSync('mkfifo', [join(dir, 'fifo')]);
  } catch {
    return; // no mkfifo here
  }
  writeFileSync(join(dir, 'a.eml'), BOUNCE);
  symlinkSync(join(dir, 'fifo'), join(dir, 'b-link-to-fifo'));
  symlinkSync(join(dir, 'a.eml'), join(dir, 'c-link-to-file'));
  mkdirSync(join(dir, 'sub'));
  symlinkSync(join(dir, 'sub'), join(dir, 'd-link-to-folder'));
  assert.deepEqual(itemSummary(await readItems(dir), dir), [
    'data a.eml',
    'skipped b-link-to-fifo: not a regular file (a FIFO)',
    'data c-link-to-file',
    'skipped d-link-to-folder: link to a folder, not followed',
    'skipped fifo: not a regular file (a FIFO)',
  ]);
});
