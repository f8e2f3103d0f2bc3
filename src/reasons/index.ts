// The reason registry: every reason rule, in the order the classifier tries
// their phrases (classify.ts), and the lookup of a rule by its id.
import type { ReasonId } from '../types.js';
import type { ReasonRule } from './rule.js';

import { authfailure } from './authfailure.js';
import { badreputation } from './badreputation.js';
import { blocked } from './blocked.js';
import { contenterror } from './contenterror.js';
import { delivered } from './delivered.js';
import { exceedlimit } from './exceedlimit.js';
import { expired } from './expired.js';
import { failedstarttls } from './failedstarttls.js';
import { feedback } from './feedback.js';
import { filtered } from './filtered.js';
import { hasmoved } from './hasmoved.js';
import { hostunknown } from './hostunknown.js';
import { mailboxfull } from './mailboxfull.js';
import { mailererror } from './mailererror.js';
import { mesgtoobig } from './mesgtoobig.js';
import { networkerror } from './networkerror.js';
import { norelaying } from './norelaying.js';
import { notaccept } from './notaccept.js';
import { notcompliantrfc } from './notcompliantrfc.js';
import { onhold } from './onhold.js';
import { policyviolation } from './policyviolation.js';
import { rejected } from './rejected.js';
import { requireptr } from './requireptr.js';
import { securityerror } from './securityerror.js';
import { spamdetected } from './spamdetected.js';
import { speeding } from './speeding.js';
import { suppressed } from './suppressed.js';
import { suspend } from './suspend.js';
import { syntaxerror } from './syntaxerror.js';
import { systemerror } from './systemerror.js';
import { systemfull } from './systemfull.js';
import { toomanyconn } from './toomanyconn.js';
import { undefinedReason } from './undefined.js';
import { userunknown } from './userunknown.js';
import { vacation } from './vacation.js';
import { virusdetected } from './virusdetected.js';

export type { ReasonRule } from './rule.js';

/**
 * Every reason, in the order phrases are tried: the first rule with a matching
 * phrase wins, so a rule must come before any rule whose phrases its own texts
 * also contain (e.g. filtered's " : user unknown" before userunknown's "user unknown";
 * authfailure before spamdetected, whose texts mention spam; rejected's
 * "domain of sender address" before hostunknown; toomanyconn before blocked, as rate
 * limits often name the "blocked IP"). A test checks that no phrase is made
 * unreachable by an earlier rule's phrase.
 */
export const REASONS: readonly ReasonRule[] = [
  delivered,
  suppressed,
  virusdetected,
  failedstarttls,
  authfailure,
  requireptr,
  notcompliantrfc,
  spamdetected,
  toomanyconn,
  blocked,
  badreputation,
  speeding,
  securityerror,
  norelaying,
  rejected,
  policyviolation,
  contenterror,
  exceedlimit,
  mesgtoobig,
  hasmoved,
  suspend,
  mailboxfull,
  filtered,
  notaccept,
  networkerror,
  hostunknown,
  userunknown,
  systemfull,
  mailererror,
  expired,
  systemerror,
  syntaxerror,
  vacation,
  feedback,
  onhold,
  undefinedReason,
];

const RULES_BY_ID: ReadonlyMap<ReasonId, ReasonRule> = new Map(REASONS.map((rule) => [rule.id, rule]));

export function reasonRule(id: ReasonId): ReasonRule {
  const rule = RULES_BY_ID.get(id);
  if (!rule) throw new Error(`no reason rule for ${id}`); // REASON_IDS and REASONS are tested to agree
  return rule;
}
