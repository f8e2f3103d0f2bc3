// Lab bounces that whybounce is known to read wrong today, "server/scenario" →
// what it gets wrong. Each entry names the fields whybounce gets wrong and what
// it says instead: a known mismatch excuses that exact answer and nothing else,
// so a bounce that goes wrong in another way still fails (✖), and one that is
// read right again shows as "✔ (was known)" until its entry is removed. The lab
// shows each as ◐ in its table; --save writes `why` into the expected JSON, and
// the fixture test runs those as todo. MISMATCHES.md explains each one.
import type { ExpectedDiagnosis } from './scenarios';

export type Field = 'action' | 'replyCode' | 'status' | 'reason' | 'hardBounce';

export interface KnownMismatch {
  why: string;
  /** Where the fault is: whybounce's classifier or extractor, or the server's report itself. */
  fault: 'classifier' | 'extractor' | 'server';
  /** What whybounce says instead, for every expected recipient: the only fields allowed to differ. */
  got: Partial<Pick<ExpectedDiagnosis, Field>>;
}

export const KNOWN_MISMATCHES: Record<string, KnownMismatch> = {};
