// Who has to act on a bounce: the actors in words, and the reason's actor (each
// reason file names its own) unless a retry can still get through. The ids are
// described in src/types.ts and docs/advice.md.
import { REASON_IDS, type ActorId, type ReasonId, type StatusClass } from '../types';
import { reasonRule } from '../reasons';

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

/** Whose problem each reason is, when the failure is permanent (or final): each reason file's own actor. */
export const REASON_ACTORS: Readonly<Record<ReasonId, ActorId>> = Object.fromEntries(
  REASON_IDS.map((id) => [id, reasonRule(id).actor]),
) as Record<ReasonId, ActorId>;

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
  const actor = reasonRule(reason).actor;
  if (cls === 'transient' && RETRIES_FIX.has(reason)) {
    return { actor: 'nobody', rule: `a temporary ${reason} is retried by the sending server` };
  }
  return { actor, rule: `reason ${reason} points at ${actor}` };
}
