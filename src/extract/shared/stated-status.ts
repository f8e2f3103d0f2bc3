import type { Action, SmtpReply } from '../../types';

// The one "status from wording" rule. Many notices state only by their words
// whether delivery failed for good ("permanent error", "failed permanently") or
// will be retried ("has been delayed", "will retry"), and many DSN groups leave
// out their required Status field but keep an Action. When the server's reply
// holds no enhanced code of its own, such a notice states a status: the class
// its words (or its reply code) give, with RFC 3463's "other or undefined"
// subject and detail ("5.0.0"). A reply with its own x.y.z code needs no help.
//
// This status is not a Status field: candidates keep it apart (statedStatus).

/** The class a notice's words or a DSN's Action state. */
export type StatedClass = '2' | '4' | '5';

/**
 * Which reply codes override the stated class:
 * - 'any-reply': the class of any basic reply code wins ("permanent error" over a "421");
 * - 'error-reply': only a 4xx or 5xx reply wins; a 2xx or 3xx reply code quoted in
 *   a classic MTA's failure list leaves the list's own class.
 */
export type ReplyOverride = 'any-reply' | 'error-reply';

/** The status the wording states for a reply (see above), or null when the reply has its own code or nothing is stated. */
export function statusFromWording(reply: SmtpReply, cls: StatedClass | null, override: ReplyOverride): string | null {
  if (reply.status !== null) return null;
  if (reply.replyCode !== null) {
    const digit = String(reply.replyCode).charAt(0);
    if (override === 'any-reply' || digit === '4' || digit === '5') return `${digit}.0.0`;
  }
  return cls === null ? null : `${cls}.0.0`;
}

/** The class a DSN's Action states: failed 5, delayed 4, delivered (relayed, expanded) 2, none null. */
export function classOfAction(action: Action | null): StatedClass | null {
  if (action === 'failed') return '5';
  if (action === 'delayed') return '4';
  if (action === null) return null;
  return '2';
}
