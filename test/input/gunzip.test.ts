import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { gunzipMembers, type GzipTail } from '../../src/input/gunzip';
import { readArgument, type InputItem } from '../../src/input/read-input';

// Issue 15, item 10: gzip data read as `gzip -d` reads it. Bytes after the
// last member ("trailing garbage") are ignored with a note, where Node's
// Gunzip refused the whole input (and dropped the output of its last write).

const TMP = mkdtempSync(join(tmpdir(), 'whybounce-gunzip-'));
after(() => { rmSync(TMP, { recursive: true, force: true }); });

const TEXT = Buffer.from(Array.from({ length: 3000 }, (_, i) => `line ${i} of some text that compresses well\n`).join(''));

async function* chunksOf(data: Buffer, size: number): AsyncGenerator<Buffer> {
  for (let at = 0; at < data.length; at += size) {
    await Promise.resolve();
    yield data.subarray(at, at + size);
  }
}

async function unpack(data: Buffer, size: number): Promise<{ out: Buffer; tail: GzipTail; error?: string }> {
  const tail = { garbage: 0 };
  const parts: Buffer[] = [];
  try {
    for await (const c of gunzipMembers(chunksOf(data, size), tail)) parts.push(c);
  } catch (err) {
    return { out: Buffer.concat(parts), tail, error: (err as { code?: string }).code };
  }
  return { out: Buffer.concat(parts), tail };
}

/** A gzip member with every optional header field (RFC 1952, 2.3.1): extra, name, comment, header CRC. */
function withAllFields(data: Buffer): Buffer {
  const plain = gzipSync(data);
  const head = Buffer.from([0x1f, 0x8b, 8, 4 | 8 | 16 | 2, 0, 0, 0, 0, 0, 3]);
  const extra = Buffer.from([4, 0, 0x41, 0x42, 2, 0]);
  return Buffer.concat([head, extra, Buffer.from('name.txt\0comment\0'), Buffer.from([0, 0]), plain.subarray(10)]);
}

test('gunzip: the same bytes as gzip gives, whatever the chunk size, with every header field', async () => {
  for (const data of [gzipSync(TEXT), withAllFields(TEXT)]) {
    for (const size of [1, 7, 1000, 1 << 20]) {
      const r = await unpack(data, size);
      assert.equal(r.error, undefined, `size ${size}`);
      assert.ok(r.out.equals(TEXT), `size ${size}`);
      assert.equal(r.tail.garbage, 0);
    }
  }
});

test('gunzip: members one after the other, zero padding passed over, trailing garbage ignored and counted', async () => {
  const two = Buffer.concat([gzipSync(TEXT), gzipSync(Buffer.from('end\n'))]);
  for (const size of [3, 4096]) {
    const r = await unpack(two, size);
    assert.ok(r.out.equals(Buffer.concat([TEXT, Buffer.from('end\n')])));
    const padded = await unpack(Buffer.concat([gzipSync(TEXT), Buffer.alloc(600)]), size);
    assert.ok(padded.out.equals(TEXT));
    assert.equal(padded.tail.garbage, 0);
    const garbage = await unpack(Buffer.concat([gzipSync(TEXT), Buffer.from('garbage\n')]), size);
    assert.equal(garbage.error, undefined);
    assert.ok(garbage.out.equals(TEXT), 'all the output, the last write\'s too');
    assert.equal(garbage.tail.garbage, 8);
  }
});

test('gunzip: cut or damaged data throws as Node\'s Gunzip does, after what came before', async () => {
  const data = gzipSync(TEXT);
  const cut = await unpack(data.subarray(0, data.length - 20), 256);
  assert.equal(cut.error, 'Z_BUF_ERROR');
  assert.ok(cut.out.length > 0 && TEXT.subarray(0, cut.out.length).equals(cut.out));
  const badCrc = Buffer.from(data);
  badCrc[badCrc.length - 6] = (badCrc[badCrc.length - 6] ?? 0) ^ 0xff;
  assert.equal((await unpack(badCrc, 256)).error, 'Z_DATA_ERROR');
  const badData = Buffer.from(data);
  badData[12] = (badData[12] ?? 0) ^ 0xff;
  badData[13] = (badData[13] ?? 0) ^ 0x55;
  assert.equal((await unpack(badData, 256)).error, 'Z_DATA_ERROR');
  const badMethod = Buffer.from(data);
  badMethod[2] = 9;
  assert.equal((await unpack(badMethod, 256)).error, 'Z_DATA_ERROR');
});

test('a .gz mbox, and a .gz email, with trailing garbage: every message read, then a note', async () => {
  const messages = Array.from({ length: 40 }, (_, i) => `From MAILER-DAEMON Mon Nov 16 10:00:00 2026\nFrom: MAILER-DAEMON@example.org\nSubject: Undelivered\n\n550 5.1.1 <u${i}@example.net>: unknown\n\n`);
  const mbox = join(TMP, 'garbage.mbox.gz');
  writeFileSync(mbox, Buffer.concat([gzipSync(messages.join('')), Buffer.from('trailing garbage\n')]));
  const items: InputItem[] = [];
  for await (const item of readArgument(mbox, { stdin: () => chunksOf(Buffer.alloc(0), 1) })) items.push(item);
  assert.equal(items.filter((i) => i.kind === 'data').length, 40);
  assert.deepEqual(
    items.filter((i) => i.kind !== 'data').map((i) => i.kind),
    ['skipped'],
  );
  const last = items.at(-1);
  assert.ok(last?.kind === 'skipped' && last.reason.includes('17 bytes after the end of the gzip data'), JSON.stringify(last));
  const email = join(TMP, 'garbage.eml.gz');
  writeFileSync(email, Buffer.concat([gzipSync(messages[0]?.slice(messages[0].indexOf('\n') + 1) ?? ''), Buffer.from('junk')]));
  const one: InputItem[] = [];
  for await (const item of readArgument(email, { stdin: () => chunksOf(Buffer.alloc(0), 1) })) one.push(item);
  assert.deepEqual(
    one.map((i) => i.kind),
    ['data', 'skipped'],
  );
});
