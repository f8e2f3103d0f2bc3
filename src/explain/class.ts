// Step 3: the class of the result (from the status code, else the reply code),
// the Action it implies when the report stated none, and the evidence.
import type { Action, Evidence, StatusClass } from '../types';
import { replyClassOf } from '../smtp/reply-codes';
import { statusClassOf } from '../smtp/status-codes';

/** The class, from the first digit of the status code, else of the reply code. */
export function chooseClass(status: string | null, replyCode: number | null): { cls: StatusClass | null; evidence: Evidence[] } {
  const statusCls = status === null ? null : statusClassOf(status);
  const cls: StatusClass | null = statusCls ?? (replyCode === null ? null : replyClassOf(replyCode));
  const note =
    cls === null
      ? 'no code, so no class'
      : statusCls !== null
        ? `${cls}: first digit of ${status}`
        : `${cls}: first digit of reply code ${replyCode}`;
  return { cls, evidence: [{ about: 'class', source: 'rule', input: null, note }] };
}

/** The RFC 3464 Action a class stands for, when the report did not state one. */
export function actionFor(cls: StatusClass | null): Action | null {
  if (cls === 'permanent') return 'failed';
  if (cls === 'transient') return 'delayed';
  if (cls === 'success') return 'delivered';
  return null;
}
