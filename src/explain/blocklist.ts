// Step 8: a blocklist the reply names, and the evidence quoting where.
import type { Evidence } from '../types';
import { findBlocklist, type BlocklistFinding } from '../blocklists';
import { quote } from './evidence';

/** The blocklist named in the diagnostic text, if any. */
export function findListing(diagnostic: string, source: string): { blocklist: BlocklistFinding | null; evidence: Evidence[] } {
  const blocklist = findBlocklist(diagnostic);
  if (blocklist === null) return { blocklist, evidence: [] };
  const m = blocklist.match;
  const evidence: Evidence = {
    about: 'blocklist',
    source,
    input: quote(blocklist.matched),
    note: `names ${m.name}${m.listed === null ? '' : `, listing ${m.listed}`}`,
  };
  return { blocklist, evidence: [evidence] };
}
