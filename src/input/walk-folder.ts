import { promises } from 'node:fs';
import { join } from 'node:path';

// Guard: folders nested deeper than this are not entered (a runaway tree, or a
// loop through bind mounts; symbolic links to folders are never followed).
export const MAX_FOLDER_DEPTH = 32;

/** One entry met while walking a folder: a file to read, or a folder that could not be listed. */
export type FolderEntry = { kind: 'file'; path: string } | { kind: 'error'; path: string; error: unknown };

function byName(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Every file under a folder, in name order, depth first. A Maildir (a folder
 * holding cur/ and new/) gives the messages of cur/ then new/; its tmp/ holds
 * half-delivered mail and its own files (dovecot-uidlist…) are no messages, so
 * both are passed over, while its subfolders (Maildir++ ".Sent" and the like)
 * are walked like any other.
 */
export async function* walkFolder(dir: string, depth = 0): AsyncGenerator<FolderEntry> {
  let entries;
  try {
    // fs.promises, not node:fs/promises: loaded on first use, not at every start.
    entries = await promises.readdir(dir, { withFileTypes: true });
  } catch (error) {
    yield { kind: 'error', path: dir, error };
    return;
  }
  entries.sort((a, b) => byName(a.name, b.name));
  const dirs = new Set(entries.filter((e) => e.isDirectory()).map((e) => e.name));
  const isMaildir = dirs.has('cur') && dirs.has('new');
  if (isMaildir) {
    for (const sub of ['cur', 'new']) {
      for await (const entry of walkFolder(join(dir, sub), MAX_FOLDER_DEPTH)) yield entry;
    }
  }
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) {
      if (isMaildir && (e.name === 'cur' || e.name === 'new' || e.name === 'tmp')) continue;
      if (depth >= MAX_FOLDER_DEPTH) continue;
      yield* walkFolder(path, depth + 1);
    } else if (e.isFile() || e.isSymbolicLink()) {
      if (isMaildir) continue;
      yield { kind: 'file', path };
    }
  }
}
