import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { MboxSplitter, splitMbox } from '../../src/input/split-mbox';
import { peek, sniff } from '../../src/input/sniff';

/** Chunks handed out one per next(), as the async stream splitMbox and peek read. */
function asyncChunks(chunks: Iterable<Buffer>): AsyncIterable<Buffer> {
  return {
    [Symbol.asyncIterator]: () => {
      const iterator = chunks[Symbol.iterator]();
      return { next: () => Promise.resolve(iterator.next()) };
    },
  };
}

function* chunksOf(bytes: Buffer, chunkSize: number): Generator<Buffer> {
  for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, i + chunkSize);
}

async function split(mbox: string, chunkSize = 7, limit?: number): Promise<{ text: string; truncated: boolean }[]> {
  const chunks = asyncChunks(chunksOf(Buffer.from(mbox, 'latin1'), chunkSize));
  const out: { text: string; truncated: boolean }[] = [];
  for await (const m of splitMbox(chunks, limit)) out.push({ text: m.data.toString('latin1'), truncated: m.truncated });
  return out;
}

const texts = async (mbox: string, chunkSize?: number): Promise<string[]> =>
  (await split(mbox, chunkSize)).map((m) => m.text);

test('splitMbox: cases', async () => {
  const cases: [string, string[]][] = [
    ['', []],
    ['junk before any From line\n', []],
    ['From a@example.com Mon Nov 16 10:00:00 2026\nSubject: one\n\nbody\n', ['Subject: one\n\nbody\n']],
    [
      'From a Mon\nSubject: one\n\nx\n\nFrom b Tue\nSubject: two\n\ny\n',
      ['Subject: one\n\nx\n', 'Subject: two\n\ny\n'],
    ],
    // mboxrd: one ">" comes off every /^>+From / line, other ">" lines stay.
    ['From a\n\n>From me\n>>From you\n> quoted\n>Fromage\n', ['\nFrom me\n>From you\n> quoted\n>Fromage\n']],
    // CRLF files keep their CRLF; the separating blank line goes.
    ['From a\r\nS: 1\r\n\r\nx\r\n\r\nFrom b\r\nS: 2\r\n', ['S: 1\r\n\r\nx\r\n', 'S: 2\r\n']],
    // No final newline.
    ['From a\nSubject: x\n\nlast line', ['Subject: x\n\nlast line']],
    // A "From " inside a line is no separator.
    ['From a\nSay From here\n', ['Say From here\n']],
  ];
  for (const [mbox, expected] of cases) {
    for (const chunkSize of [1, 3, 64, 1 << 20]) {
      assert.deepEqual(await texts(mbox, chunkSize), expected, `${JSON.stringify(mbox)} in chunks of ${chunkSize}`);
    }
  }
});

test('splitMbox: a message over the limit is cut and flagged, the next one is intact', async () => {
  const big = 'x'.repeat(100) + '\n';
  const out = await split(`From a\n${big}${big}From b\nsmall\n`, 16, 150);
  assert.equal(out.length, 2);
  assert.equal(out[0]?.text.length, 150);
  assert.equal(out[0].truncated, true);
  assert.deepEqual(out[1], { text: 'small\n', truncated: false });
});

// Property: quoting any messages mboxrd-style and splitting gives them back byte for byte.
test('splitMbox: quote → join → split is the identity (mboxrd round trip)', async () => {
  const line = fc.oneof(
    fc.constantFrom('From me', '>From x', '>>From y', '', ' ', 'From', '>', 'Subject: s'),
    fc.string({ maxLength: 20 }).filter((s) => !s.includes('\n')),
  );
  const message = fc.array(line, { minLength: 1, maxLength: 8 }).map((lines) => `${lines.join('\n')}\n`);
  await fc.assert(
    fc.asyncProperty(fc.array(message, { minLength: 1, maxLength: 5 }), fc.integer({ min: 1, max: 40 }), async (messages, chunk) => {
      const mbox = messages.map((m) => `From sender@example.com Mon Nov 16 10:00:00 2026\n${m.replace(/^(>*From )/gm, '>$1')}\n`).join('');
      assert.deepEqual(await texts(mbox, chunk), messages);
    }),
    { numRuns: 200 },
  );
});

/** The splitting rules applied line by line to the whole text at once: what the chunked splitter must give. */
function splitByLines(mbox: string, limit: number): { text: string; truncated: boolean }[] {
  const out: { text: string; truncated: boolean }[] = [];
  let message: string | null = null;
  const finish = (m: string): void => {
    const truncated = m.length > limit;
    let text = truncated ? m.slice(0, limit) : m;
    if (text.endsWith('\r\n\r\n')) text = text.slice(0, -2);
    else if (text.endsWith('\n\n')) text = text.slice(0, -1);
    out.push({ text, truncated });
  };
  const lines = mbox.split('\n').map((l, i, all) => (i < all.length - 1 ? `${l}\n` : l)).filter((l) => l !== '');
  for (const line of lines) {
    if (line.startsWith('From ')) {
      if (message !== null) finish(message);
      message = '';
    } else if (message !== null) {
      message += /^>+From /.test(line) ? line.slice(1) : line;
    }
  }
  if (message !== null) finish(message);
  return out;
}

// Property: however the bytes are cut into chunks, the splitter gives what the
// line-by-line rules give: separators, ">From" unquoting, CRLF, no final
// newline, size limit.
test('splitMbox: chunked splitting equals the line-by-line rules', async () => {
  const piece = fc.constantFrom('From ', 'From', '>From ', '>>From ', '>', 'F', 'x', ' ', '\n', '\r\n', '\n\n', 'rom ');
  const line = fc.array(piece, { maxLength: 5 }).map((p) => p.join('').slice(0, 20));
  const mbox = fc.array(line, { maxLength: 30 }).map((lines) => lines.join('\n'));
  await fc.assert(
    fc.asyncProperty(mbox, fc.integer({ min: 1, max: 50 }), fc.integer({ min: 60, max: 200 }), async (text, chunk, limit) => {
      assert.deepEqual(await split(text, chunk, limit), splitByLines(text, limit));
    }),
    { numRuns: 500 },
  );
});

test('sniff tells gzip, mbox, email and other from the first bytes', () => {
  const cases: [Buffer, string][] = [
    [Buffer.from([0x1f, 0x8b, 8, 0]), 'gzip'],
    [Buffer.from('From a@example.com Mon Nov 16\n'), 'mbox'],
    [Buffer.from('Return-Path: <>\nFrom: x@example.com\n\nbody'), 'email'],
    [Buffer.from('\x89PNG\r\n\x1a\n\0\0'), 'other'],
    [Buffer.from('just some notes\nnothing else\n'), 'other'],
  ];
  for (const [head, kind] of cases) assert.equal(sniff(head), kind, head.toString('latin1'));
});

test('peek gives the head and then every byte again', async () => {
  const chunks = asyncChunks(['ab', 'cd', 'ef', 'gh'].map((s) => Buffer.from(s)));
  const { head, rest } = await peek(chunks, 3);
  assert.equal(head.toString(), 'abc');
  const all: Buffer[] = [];
  for await (const c of rest) all.push(c);
  assert.equal(Buffer.concat(all).toString(), 'abcdefgh');
});

// Issue 15, item 1: the unfinished line was joined again to every new chunk and
// searched again, so one long line cost time in the square of its length. Now
// only a few bytes (too few to tell a "From " line) ever wait for the next chunk.
test('splitMbox: a line longer than any chunk is never held back whole (the join is linear)', () => {
  for (const start of ['x', '>', '>>>', 'Fro', '>>Fro']) {
    const splitter = new MboxSplitter(1 << 20);
    splitter.push(Buffer.from(`From a\n${start}`));
    let held = 0;
    for (let i = 0; i < 200; i++) {
      splitter.push(Buffer.alloc(1000, i % 2 === 0 ? '>' : 'y'));
      held = Math.max(held, (splitter as unknown as { carry: Buffer | null }).carry?.length ?? 0);
    }
    splitter.push(Buffer.from('\nFrom b\nz\n'));
    const messages = splitter.end();
    assert.ok(held <= 8, `${start}: ${held} bytes held back`);
    assert.deepEqual(messages.map((m) => m.data.toString('latin1')), ['z\n']);
  }
});

test('splitMbox: ">" runs and "From " cut by chunk edges anywhere', async () => {
  const mbox = 'From a\n>>>>>>From x\n>>>>>>Fromage\n>>>>>>\nFrom b\nFrom\n>From \nFro';
  const expected = ['>>>>>From x\n>>>>>>Fromage\n>>>>>>\n', 'From\nFrom \nFro'];
  for (let size = 1; size <= mbox.length; size++) assert.deepEqual(await texts(mbox, size), expected, `chunks of ${size}`);
});
