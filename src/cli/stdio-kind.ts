// What fd 1 (stdout) or 2 (stderr) is, found without Node's stream modules:
// process.stdout and process.stderr load them on first use, ~2 ms of a raw
// string's ~30 ms run (issue 4, figure 1), which `node -e 0` never pays. A
// regular file or the null device is then written with writeSync, as Node's
// own stream for a file does anyway. For the CLI only: it reads the process.
import { fstatSync, statSync } from 'node:fs';

/** 'file': a regular file or the null device; 'terminal'; 'other': a pipe, a socket… */
export type StdioKind = 'file' | 'terminal' | 'other';

const kinds = new Map<number, StdioKind>();

export function stdioKind(fd: 1 | 2): StdioKind {
  let kind = kinds.get(fd);
  if (kind === undefined) {
    kind = findKind(fd);
    kinds.set(fd, kind);
  }
  return kind;
}

function findKind(fd: 1 | 2): StdioKind {
  try {
    const stat = fstatSync(fd);
    if (stat.isFile()) return 'file';
    if (!stat.isCharacterDevice()) return 'other';
    // A terminal is a character device, and so is /dev/null (`> /dev/null`).
    if (process.platform !== 'win32' && stat.rdev === statSync('/dev/null').rdev) return 'file';
  } catch {
    // Unknown: Node's streams decide.
  }
  return (fd === 1 ? process.stdout : process.stderr).isTTY ? 'terminal' : 'other';
}
