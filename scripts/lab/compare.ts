// Shared by the lab run and the fixture test: the expected-JSON shape, the
// comparison of whybounce's diagnoses with it, and the clean-up of a saved bounce.
import { hostname } from 'node:os';
import type { ExpectedDiagnosis } from './scenarios';
import type { KnownMismatch } from './known-mismatches';

export interface LabExpected {
  diagnoses: ExpectedDiagnosis[];
  /** Set when whybounce is known to read this bounce wrong: the fixture test reports it as todo. */
  knownMismatch?: string;
}

const FIELDS = ['action', 'replyCode', 'status', 'reason', 'hardBounce'] as const;

/** Differences between the expected diagnoses and whybounce's, matched by recipient; empty when they agree. */
export function compareDiagnoses(expected: ExpectedDiagnosis[], got: Array<Record<string, unknown>>): string[] {
  const diffs: string[] = [];
  const key = (r: unknown): string => (typeof r === 'string' ? r.toLowerCase() : String(r));
  const gotRcpts = got.map((g) => key(g.recipient));
  for (const e of expected) {
    const g = got.find((d) => key(d.recipient) === key(e.recipient));
    if (g === undefined) {
      diffs.push(`${e.recipient}: not diagnosed (got ${gotRcpts.join(', ') || 'nothing'})`);
      continue;
    }
    for (const f of FIELDS) {
      if (g[f] !== e[f]) diffs.push(`${e.recipient}: ${f} expected ${JSON.stringify(e[f])}, got ${JSON.stringify(g[f])}`);
    }
  }
  const extra = gotRcpts.filter((r) => !expected.some((e) => key(e.recipient) === r));
  if (extra.length > 0) diffs.push(`unexpected diagnoses for ${extra.join(', ')}`);
  return diffs;
}

/** A saved bounce: LF line ends, and the machine's own host name (should a server embed it) replaced by a lab name. */
export function sanitize(raw: string): string {
  let text = raw.replace(/\r\n/g, '\n');
  const host = hostname();
  if (host.length > 3 && host !== 'host.lab.example') text = text.split(host).join('host.lab.example');
  return text;
}

/**
 * How a bounce was read, given its known mismatch (if any): `right` (no
 * difference), `known` (exactly the differences the known mismatch names) or
 * `wrong` (anything else: a new mismatch, or a known one gone wrong another way).
 */
export function judge(expected: ExpectedDiagnosis[], diffs: string[], known: KnownMismatch | undefined): 'right' | 'known' | 'wrong' {
  if (diffs.length === 0) return 'right';
  if (known === undefined) return 'wrong';
  const wrongAsKnown = compareDiagnoses(expected, expected.map((e) => ({ ...e, ...known.got })));
  return wrongAsKnown.length === diffs.length && wrongAsKnown.every((d, i) => d === diffs[i]) ? 'known' : 'wrong';
}
