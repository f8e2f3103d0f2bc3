import { looksLikeEmail } from '../email/looks-like-email';

/** What a file or stream holds, told from its first bytes (never from its name). */
export type ContentKind = 'gzip' | 'mbox' | 'email' | 'other';

// How many leading bytes are read to tell what an input is.
export const SNIFF_BYTES = 4096;

/** Tells gzip, mbox, a single email, or something else from the first bytes of an input. */
export function sniff(head: Buffer): ContentKind {
  if (head.length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (head.subarray(0, 5).toString('latin1') === 'From ') return 'mbox';
  // A NUL byte never appears in mail text: an image, an archive, a database.
  if (head.includes(0)) return 'other';
  return looksLikeEmail(head.toString('latin1').replace(/\r\n?/g, '\n')) ? 'email' : 'other';
}

/**
 * Reads at least `size` bytes (or all there is) from a stream of chunks and
 * returns them, with a stream that yields everything again from the start.
 */
export async function peek(
  chunks: AsyncIterable<Buffer>,
  size = SNIFF_BYTES,
): Promise<{ head: Buffer; rest: AsyncIterable<Buffer> }> {
  const iterator = chunks[Symbol.asyncIterator]();
  const seen: Buffer[] = [];
  let length = 0;
  let done = false;
  while (length < size) {
    const next = await iterator.next();
    if (next.done === true) {
      done = true;
      break;
    }
    seen.push(next.value);
    length += next.value.length;
  }
  async function* rest(): AsyncGenerator<Buffer> {
    try {
      yield* seen.splice(0);
      if (done) return;
      for (let next = await iterator.next(); next.done !== true; next = await iterator.next()) yield next.value;
    } finally {
      // Stopping early (a size limit, a closed pipe) must close the file or stream.
      if (!done) await iterator.return?.();
    }
  }
  return { head: Buffer.concat(seen).subarray(0, size), rest: rest() };
}

/** Collects a stream of chunks into one Buffer; rejects when it passes `limit` bytes. */
export async function collect(chunks: AsyncIterable<Buffer>, limit: number, what = 'input'): Promise<Buffer> {
  const parts: Buffer[] = [];
  let length = 0;
  for await (const chunk of chunks) {
    length += chunk.length;
    // Guard: a single message is held whole in memory, so its size is capped.
    if (length > limit) throw new Error(`${what} is larger than ${limit} bytes`);
    parts.push(chunk);
  }
  return Buffer.concat(parts, length);
}
