import { readFile, stat } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { hasSmtpCode } from '../smtp/parse-smtp-line';

/** One thing to diagnose: bytes from a file or stdin, a string argument, or the reason it could not be read. */
export type InputItem =
  | { kind: 'data'; name: string; data: Buffer }
  | { kind: 'string'; name: 'argv'; text: string }
  | { kind: 'error'; name: string; error: string };

// Guard: a file larger than this is not read whole into memory.
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

// An argument with no SMTP code that looks like a file name ("bounce.eml",
// "./x", "mail/42") is a path the user mistyped, not an error text.
function looksLikePath(arg: string): boolean {
  return !/\s/.test(arg) && (/[/\\]/.test(arg) || /\.[A-Za-z0-9]{1,5}$/.test(arg));
}

function describeFsError(err: unknown): string {
  const code = (err as { code?: string } | null)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    default:
      return err instanceof Error ? err.message : String(err);
  }
}

/** Reads a whole stream into one Buffer, refusing more than `limit` bytes. */
export async function readStream(stream: Readable, limit = MAX_FILE_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buf.length;
    if (size > limit) throw new Error(`input is larger than ${limit} bytes`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

/**
 * Resolves one command-line argument: an existing file is read as a file, "-"
 * as stdin, anything else is an SMTP error string.
 */
export async function readArgument(arg: string, stdin: () => Promise<Buffer>): Promise<InputItem> {
  if (arg === '-') {
    try {
      const data = await stdin();
      if (data.length === 0) return { kind: 'error', name: '-', error: 'standard input is empty' };
      return { kind: 'data', name: '-', data };
    } catch (err) {
      return { kind: 'error', name: '-', error: describeFsError(err) };
    }
  }
  let isFile = false;
  try {
    const st = await stat(arg);
    if (st.isDirectory()) return { kind: 'error', name: arg, error: 'is a directory' };
    if (st.size > MAX_FILE_BYTES) return { kind: 'error', name: arg, error: `file is larger than ${MAX_FILE_BYTES} bytes` };
    isFile = true;
  } catch (err) {
    const code = (err as { code?: string } | null)?.code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR' && code !== 'ENAMETOOLONG') {
      return { kind: 'error', name: arg, error: describeFsError(err) };
    }
  }
  if (!isFile) {
    if (!hasSmtpCode(arg) && looksLikePath(arg)) return { kind: 'error', name: arg, error: 'no such file or directory' };
    return { kind: 'string', name: 'argv', text: arg };
  }
  try {
    const data = await readFile(arg);
    if (data.length === 0) return { kind: 'error', name: arg, error: 'file is empty' };
    return { kind: 'data', name: arg, data };
  } catch (err) {
    return { kind: 'error', name: arg, error: describeFsError(err) };
  }
}
