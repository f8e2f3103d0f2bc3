// gzip data (RFC 1952) unpacked member by member, as `gzip -d` reads it: the
// members one after the other, zero bytes of padding passed over, and bytes
// after the last member that start no member ("trailing garbage") ignored and
// reported, instead of failing the whole input (issue 15, item 10). Node's own
// Gunzip fails on them, and drops the output of the write that met them.
// Each member's deflate data goes through InflateRaw, which stops at the end
// of its data: what it did not take (bytesWritten) is the trailer and what
// follows.
import type { InflateRaw } from 'node:zlib';
import { MAX_HEADER_BYTES } from '../limits';

type Zlib = typeof import('node:zlib');

const FHCRC = 2;
const FEXTRA = 4;
const FNAME = 8;
const FCOMMENT = 16;

function zlibError(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

/** What gunzipMembers saw after the last member. */
export interface GzipTail {
  /** Bytes after the last member that are no member and not all zero. */
  garbage: number;
}

/**
 * The unpacked bytes of gzip data, streamed. Throws Z_DATA_ERROR (bad data or a
 * bad CRC) or Z_BUF_ERROR (cut short) as Node's Gunzip does, after yielding
 * what came before.
 */
export async function* gunzipMembers(chunks: AsyncIterable<Buffer>, tail: GzipTail): AsyncGenerator<Buffer> {
  const zlib = require('node:zlib') as Zlib;
  const it = chunks[Symbol.asyncIterator]();
  let buf: Buffer = Buffer.alloc(0);
  let done = false;
  const more = async (): Promise<boolean> => {
    if (done) return false;
    const r = await it.next();
    if (r.done === true) {
      done = true;
      return false;
    }
    buf = buf.length === 0 ? r.value : Buffer.concat([buf, r.value]);
    return true;
  };
  /** At least `n` bytes in buf, or false at the end of the input. */
  const need = async (n: number): Promise<boolean> => {
    while (buf.length < n) if (!(await more())) return false;
    return true;
  };
  const cut = (): Error => zlibError('unexpected end of file', 'Z_BUF_ERROR');
  try {
    for (let members = 0; ; members++) {
      if (members > 0) {
        // After a member: the next one, zero padding, or trailing garbage.
        if (!(await need(2))) {
          if (buf.length > 0 && buf[0] !== 0) tail.garbage += buf.length;
          return;
        }
        if (buf[0] !== 0x1f || buf[1] !== 0x8b) {
          let garbage = buf.some((b) => b !== 0);
          let count = buf.length;
          buf = Buffer.alloc(0);
          while (await more()) {
            garbage ||= buf.some((b) => b !== 0);
            count += buf.length;
            buf = Buffer.alloc(0);
          }
          if (garbage) tail.garbage += count;
          return;
        }
      }
      // The member's header (RFC 1952, section 2.3).
      if (!(await need(10))) throw cut();
      if (buf[0] !== 0x1f || buf[1] !== 0x8b) throw zlibError('incorrect header check', 'Z_DATA_ERROR');
      if (buf[2] !== 8) throw zlibError('unknown compression method', 'Z_DATA_ERROR');
      const flags = buf[3] ?? 0;
      let pos = 10;
      if ((flags & FEXTRA) !== 0) {
        if (!(await need(pos + 2))) throw cut();
        pos += 2 + buf.readUInt16LE(pos);
      }
      for (const flag of [FNAME, FCOMMENT]) {
        if ((flags & flag) === 0) continue;
        let zero = buf.indexOf(0, pos);
        while (zero === -1) {
          // A name or comment runs to a zero byte; one of a megabyte is no gzip header.
          if (buf.length > MAX_HEADER_BYTES) throw zlibError('gzip header too long', 'Z_DATA_ERROR');
          if (!(await more())) throw cut();
          zero = buf.indexOf(0, pos);
        }
        pos = zero + 1;
      }
      if ((flags & FHCRC) !== 0) pos += 2;
      if (!(await need(pos))) throw cut();
      buf = buf.subarray(pos);
      // The deflate data, then the trailer: CRC-32 and size of the output.
      const inflater = zlib.createInflateRaw();
      const member = { crc: 0, size: 0 };
      const rest = yield* inflateMember(zlib, inflater, buf, more, () => buf, (b) => (buf = b), member);
      buf = rest;
      if (!(await need(8))) throw cut();
      const crcOk = typeof zlib.crc32 !== 'function' || buf.readUInt32LE(0) === member.crc;
      if (!crcOk || buf.readUInt32LE(4) !== member.size % 2 ** 32) throw zlibError('incorrect data check', 'Z_DATA_ERROR');
      buf = buf.subarray(8);
    }
  } finally {
    await it.return?.();
  }
}

/**
 * Feeds one member's deflate data to `inflater`, from `first` then the input,
 * yielding its output; returns the bytes after the deflate data.
 */
async function* inflateMember(
  zlib: Zlib,
  inflater: InflateRaw,
  first: Buffer,
  more: () => Promise<boolean>,
  getBuf: () => Buffer,
  setBuf: (b: Buffer) => void,
  member: { crc: number; size: number },
): AsyncGenerator<Buffer, Buffer> {
  const out: Buffer[] = [];
  const failure: { error: Error | null } = { error: null };
  inflater.on('data', (c: Buffer) => {
    out.push(c);
    member.size += c.length;
    if (typeof zlib.crc32 === 'function') member.crc = zlib.crc32(c, member.crc);
  });
  inflater.on('error', (e: Error) => {
    failure.error ??= e;
  });
  // Resolves once the chunk is inflated, or the data is found damaged (the
  // stream is then destroyed, and the callback may never come).
  const write = (chunk: Buffer): Promise<void> =>
    new Promise((resolve) => {
      const onError = (): void => {
        resolve();
      };
      inflater.once('error', onError);
      inflater.write(chunk, () => {
        inflater.off('error', onError);
        resolve();
      });
    });
  // One chunk is inflated while the output of the one before is handed on.
  let chunk = first;
  let written = chunk.length;
  let pending: Promise<void> | null = chunk.length > 0 ? write(chunk) : null;
  for (;;) {
    if (pending !== null) await pending;
    if (failure.error !== null) {
      for (const c of out.splice(0)) yield c;
      throw failure.error;
    }
    const left = written - inflater.bytesWritten;
    if (left > 0) {
      // The deflate data ended inside this chunk (its output is all out by
      // now): the rest is the trailer and what follows.
      for (const c of out.splice(0)) yield c;
      inflater.destroy();
      return chunk.subarray(chunk.length - left);
    }
    setBuf(Buffer.alloc(0));
    const next = (await more()) ? getBuf() : null;
    setBuf(Buffer.alloc(0));
    pending = next === null ? null : write(next);
    if (next !== null) written += next.length;
    for (const c of out.splice(0)) yield c;
    if (next === null) break;
    chunk = next;
  }
  // The input ended before the trailer: the data was cut short.
  inflater.destroy();
  throw zlibError('unexpected end of file', 'Z_BUF_ERROR');
}
