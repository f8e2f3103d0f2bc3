import type { BounceEmail } from '../../types';
import { MAX_MTA_NOTICE_LINES, MAX_NOTICE_LINES } from '../../limits';
import { splitLines } from '../../text/lines';

// The lines of a bounce's human-readable part, as the format readers take them.
// Two caps (src/limits.ts) because two families of readers have always read
// this far: the classic MTA list readers, and the provider and gateway readers.

/** The lines of a provider's or a gateway's notice, up to MAX_NOTICE_LINES. */
export function noticeLines(email: BounceEmail): string[] {
  return splitLines(email.text, MAX_NOTICE_LINES);
}

// Many MTA readers split the same text in turn: the last split is kept per email
// (and checked against its text), and each caller gets its own copy of the array
// (some change theirs).
const mtaSplits = new WeakMap<BounceEmail, { text: string; lines: string[] }>();

/** The lines of a classic MTA's notice, up to MAX_MTA_NOTICE_LINES; the caller may change the array. */
export function mtaNoticeLines(email: BounceEmail): string[] {
  let split = mtaSplits.get(email);
  if (split?.text !== email.text) {
    split = { text: email.text, lines: splitLines(email.text, MAX_MTA_NOTICE_LINES) };
    mtaSplits.set(email, split);
  }
  return split.lines.slice();
}

/** Index of the first line matching, from `from`, or -1. */
export function findLine(lines: readonly string[], re: RegExp, from = 0): number {
  for (let i = from; i < lines.length; i++) if (re.test(lines[i] ?? '')) return i;
  return -1;
}
