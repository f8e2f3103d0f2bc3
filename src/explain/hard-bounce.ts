// Step 7: the hard/soft verdict of DESIGN.md, and the evidence in words.
import type { Evidence, ReasonId, StatusClass } from '../types';
import { isHardBounce } from '../reasons/classify';

function hardNote(reason: ReasonId, cls: StatusClass | null, hard: boolean): string {
  if (hard) return `${reason}${reason === 'notaccept' ? ' with a permanent class' : ''} means the address itself is dead: hard bounce`;
  if (reason === 'notaccept') return `notaccept with class ${cls ?? 'unknown'} (not permanent) may pass: soft bounce`;
  return `${reason} is not userunknown, hostunknown, hasmoved or a permanent notaccept, so the address may still work: soft bounce`;
}

/** Whether the address itself is dead. */
export function judgeHardBounce(reason: ReasonId, cls: StatusClass | null): { hardBounce: boolean; evidence: Evidence[] } {
  const hardBounce = isHardBounce(reason, cls);
  return { hardBounce, evidence: [{ about: 'hardBounce', source: 'rule', input: null, note: hardNote(reason, cls, hardBounce) }] };
}
