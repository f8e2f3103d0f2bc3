import { promises, type Dirent } from 'node:fs';
import { join } from 'node:path';
// Guard (MAX_FOLDER_DEPTH): folders nested deeper are not entered, and said so.
import { MAX_FOLDER_DEPTH } from '../limits';

/**
 * One entry met while walking a folder: a file to read (or a symbolic link, which
 * the reader checks leads to a regular file before reading it), something that is
 * no file (a FIFO, a socket, a device), or a folder that could not be listed.
 * `path` is for display; `fsPath` is what to open, the raw bytes of a name that
 * is not valid UTF-8 (its display form, with U+FFFD, names no file).
 */
export type FolderEntry =
  | { kind: 'file'; path: string; fsPath: string | Buffer }
  | { kind: 'other'; path: string; what: string }
  | { kind: 'too-deep'; path: string }
  | { kind: 'error'; path: string; error: unknown };

function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** What a folder entry that is neither a file, a folder nor a link is, in words. */
export function specialKind(e: { isFIFO(): boolean; isSocket(): boolean; isCharacterDevice(): boolean; isBlockDevice(): boolean }): string {
  if (e.isFIFO()) return 'a FIFO';
  if (e.isSocket()) return 'a socket';
  if (e.isCharacterDevice() || e.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/**
 * The raw bytes of the names of a folder that are not valid UTF-8, by their
 * display form. Read only when a name shows U+FFFD, so a folder of ordinary
 * names is listed once.
 */
async function rawNames(dir: string | Buffer, entries: readonly Dirent[]): Promise<Map<string, Buffer>> {
  const raw = new Map<string, Buffer>();
  if (!entries.some((e) => e.name.includes('\uFFFD'))) return raw;
  for (const name of await promises.readdir(dir, { encoding: 'buffer' })) {
    const shown = name.toString('utf8');
    if (shown.includes('\uFFFD') && !Buffer.from(shown).equals(name)) raw.set(shown, name);
  }
  return raw;
}

function joinRaw(dir: string | Buffer, name: Buffer): Buffer {
  return Buffer.concat([Buffer.isBuffer(dir) ? dir : Buffer.from(dir), Buffer.from('/'), name]);
}

/**
 * Every file under a folder, in name order, depth first. A Maildir (a folder
 * holding cur/ and new/) gives the messages of cur/ then new/; its tmp/ holds
 * half-delivered mail and its own files (dovecot-uidlist…) are no messages, so
 * both are passed over, while its subfolders (Maildir++ ".Sent" and the like)
 * are walked like any other. A folder below MAX_FOLDER_DEPTH levels is not
 * entered but given as a `too-deep` entry (folders inside cur/ and new/ are no
 * part of a Maildir and are passed over).
 */
export async function* walkFolder(dir: string, depth = 0, fsDir: string | Buffer = dir, inMaildir = false): AsyncGenerator<FolderEntry> {
  let entries;
  try {
    // fs.promises, not node:fs/promises: loaded on first use, not at every start.
    entries = await promises.readdir(fsDir, { withFileTypes: true });
  } catch (error) {
    yield { kind: 'error', path: dir, error };
    return;
  }
  const raw = await rawNames(fsDir, entries).catch(() => new Map<string, Buffer>());
  const fsPathOf = (name: string): string | Buffer => {
    const bytes = raw.get(name);
    return bytes !== undefined ? joinRaw(fsDir, bytes) : Buffer.isBuffer(fsDir) ? joinRaw(fsDir, Buffer.from(name)) : join(fsDir, name);
  };
  entries.sort((a, b) => byName(a.name, b.name));
  const dirs = new Set(entries.filter((e) => e.isDirectory()).map((e) => e.name));
  const isMaildir = dirs.has('cur') && dirs.has('new');
  if (isMaildir) {
    for (const sub of ['cur', 'new']) {
      for await (const entry of walkFolder(join(dir, sub), depth + 1, fsPathOf(sub), true)) yield entry;
    }
  }
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) {
      if (inMaildir || (isMaildir && (e.name === 'cur' || e.name === 'new' || e.name === 'tmp'))) continue;
      if (depth >= MAX_FOLDER_DEPTH) {
        yield { kind: 'too-deep', path };
        continue;
      }
      yield* walkFolder(path, depth + 1, fsPathOf(e.name));
    } else if (isMaildir) {
      continue;
    } else if (e.isFile() || e.isSymbolicLink()) {
      yield { kind: 'file', path, fsPath: fsPathOf(e.name) };
    } else {
      yield { kind: 'other', path, what: specialKind(e) };
    }
  }
}
