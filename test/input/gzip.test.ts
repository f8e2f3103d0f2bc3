import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { readItems } from '../helpers/inputs';


// Issue 15, item 10: a cut .gz gave only the error, and the messages read whole before the damage were lost.
test('a cut .gz mbox gives the messages that came whole before the damage, then the error', async () => {
  const fixtures = join(__dirname, '..', 'fixtures');
  // Different messages, so that the compressed data grows with each one.
  const messages = readdirSync(fixtures).filter((f) => f.endsWith('.eml')).slice(0, 6).map((f) => readFileSync(join(fixtures, f), 'latin1'));
  const mbox = messages.map((m) => `From MAILER-DAEMON Mon Nov 16 10:00:00 2026\n${m.replace(/^(>*From )/gm, '>$1')}\n`).join('');
  const packed = gzipSync(Buffer.from(mbox, 'latin1'));
  const dir = mkdtempSync(join(tmpdir(), 'wb-gz-'));
  const path = join(dir, 'cut.mbox.gz');
  writeFileSync(path, packed.subarray(0, Math.floor(packed.length * 0.9)));
  const got = await readItems(path);
  const last = got.at(-1);
  assert.ok(last?.kind === 'error' && last.error.includes('unexpected end of file'), JSON.stringify(last));
  const data = got.filter((i) => i.kind === 'data');
  // Every message up to the one the cut falls in, each one whole, none of the cut one.
  assert.ok(data.length >= 4, `${data.length} messages kept`);
  data.forEach((item, i) => {
    assert.equal(item.name, `${path}#${i + 1}`);
    assert.equal(item.data.toString('latin1').replace(/^>(>*From )/gm, '$1'), messages[i]);
  });
});
