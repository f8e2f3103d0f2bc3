// Who has to act on a bounce, and which reason points at whom. The ids are
// described in src/types.ts and docs/advice.md.
import type { ActorId, ReasonId, StatusClass } from '../types';

export const ACTOR_TEXT: Readonly<Record<ActorId, string>> = {
  'sender-content': 'You, the sender: the message itself has to change.',
  'sender-setup': 'You, the sender, or whoever runs your mail server and domain: the sending set-up has to change.',
  'recipient-address': 'The address: it is wrong or no longer in use, so correct it or take it off your list.',
  'recipient-mailbox': 'The recipient: their mailbox needs their attention, so reach them another way.',
  'recipient-server': "The recipient's mail server, or the people who run it.",
  network: 'No one in particular: the network between the servers (DNS, connections); it usually clears up.',
  nobody: 'Nobody: nothing has failed for good.',
  unknown: 'Unclear: the bounce does not say enough to tell.',
};

/** Whose problem each reason is, when the failure is permanent (or final). */
export const REASON_ACTORS: Readonly<Record<ReasonId, ActorId>> = {
  authfailure: 'sender-setup',
  badreputation: 'sender-setup',
  blocked: 'sender-setup',
  contenterror: 'sender-content',
  delivered: 'nobody',
  exceedlimit: 'sender-content',
  expired: 'network',
  failedstarttls: 'sender-setup',
  feedback: 'sender-content',
  filtered: 'recipient-server',
  hasmoved: 'recipient-address',
  hostunknown: 'recipient-address',
  mailboxfull: 'recipient-mailbox',
  mailererror: 'recipient-server',
  mesgtoobig: 'sender-content',
  networkerror: 'network',
  norelaying: 'sender-setup',
  notaccept: 'recipient-address',
  notcompliantrfc: 'sender-content',
  onhold: 'unknown',
  policyviolation: 'recipient-server',
  rejected: 'sender-setup',
  requireptr: 'sender-setup',
  securityerror: 'sender-setup',
  spamdetected: 'sender-content',
  speeding: 'sender-setup',
  suppressed: 'recipient-address',
  suspend: 'recipient-mailbox',
  syntaxerror: 'sender-setup',
  systemerror: 'recipient-server',
  systemfull: 'recipient-server',
  toomanyconn: 'sender-setup',
  undefined: 'unknown',
  userunknown: 'recipient-address',
  vacation: 'nobody',
  virusdetected: 'sender-content',
};

// Faults on the receiving side or in between that retries get past: while the
// failure is temporary, nobody has to do anything yet.
const RETRIES_FIX: ReadonlySet<ReasonId> = new Set<ReasonId>([
  'systemerror',
  'systemfull',
  'mailererror',
  'networkerror',
  'onhold',
  'undefined',
  'notaccept',
  // A delay notice ("still trying"): the final verdict has not come yet.
  'expired',
]);

/** Who has to act: the reason's actor, or nobody while a retry can still get through. */
export function actorFor(reason: ReasonId, cls: StatusClass | null): { actor: ActorId; rule: string } {
  const actor = REASON_ACTORS[reason];
  if (cls === 'transient' && RETRIES_FIX.has(reason)) {
    return { actor: 'nobody', rule: `a temporary ${reason} is retried by the sending server` };
  }
  return { actor, rule: `reason ${reason} points at ${actor}` };
}
