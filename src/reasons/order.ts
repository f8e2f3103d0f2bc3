// The order of evidence, as named steps: which kind of evidence decided a reason
// (README.md explains the order). `--why` shows the step.

import type { ReasonEvidence } from './classify.js';

export type EvidenceStep =
  | 'action'
  | 'provider code'
  | 'specific status'
  | 'server words'
  | 'command'
  | 'generic class'
  | 'nothing to go on';

/** The step behind a finding; `specific` tells whether its status code is one that by itself means the reason. */
export function stepOf(found: ReasonEvidence, specific: boolean): EvidenceStep {
  switch (found.rule) {
    case 'action':
      return found.matched === 'delayed' ? 'generic class' : 'action';
    case 'phrase':
      return 'server words';
    case 'status':
      return specific ? 'specific status' : 'generic class';
    case 'command':
      return 'command';
    case 'reply':
      return 'generic class';
    default:
      return 'nothing to go on';
  }
}
