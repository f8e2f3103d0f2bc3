// Step 7: the hard/soft verdict of DESIGN.md, and the evidence in words.
import type { Evidence, ReasonId, StatusClass } from '../types';
import { isHardBounce } from '../reasons/classify';

const HARD_REASONS: ReadonlySet<ReasonId> = new Set<ReasonId>(['userunknown', 'hostunknown', 'hasmoved']);

function hardNote(reason: ReasonId, cls: StatusClass | null, hard: boolean, replyCode: number | null): string {
  if (!hard && (cls === 'transient' || (replyCode !== null && replyCode >= 400 && replyCode < 500)) && HARD_REASONS.has(reason)) {
    return `${reason}, but a transient class answered (the server asked for a retry): soft bounce`;
  }
  if (hard) return `${reason}${reason === 'notaccept' ? ' with a permanent class' : ''} means the address itself is dead: hard bounce`;
  if (reason === 'notaccept') return `notaccept with class ${cls ?? 'unknown'} (not permanent) may pass: soft bounce`;
  return `${reason} is not userunknown, hostunknown, hasmoved or a permanent notaccept, so the address may still work: soft bounce`;
}

/** Whether the address itself is dead. */
export function judgeHardBounce(
  reason: ReasonId,
  cls: StatusClass | null,
  replyCode: number | null = null,
): { hardBounce: boolean; evidence: Evidence[] } {
  const hardBounce = isHardBounce(reason, cls, replyCode);
  return { hardBounce, evidence: [{ about: 'hardBounce', source: 'rule', input: null, note: hardNote(reason, cls, hardBounce, replyCode) }] };
}
