import type { BounceEmail, Candidate, Extractor } from '../types';
import { looksLikeBounce } from '../email/looks-like-bounce';
import { foldSpaces } from '../text/fold-spaces';
import { replyQuote } from './shared/reply-quote';
import { MAX_NOTICE_CHARS } from '../limits';
import { excludedAddresses, isRecipient, recipientIn } from './shared/recipients';
import { findAddresses } from '../text/addresses';

// Challenge-response mails: the recipient's filter holds the message and asks
// the sender to prove they are a person (reply, or open a link) before it
// delivers it. Nothing failed and nothing was delivered yet: the diagnosis names
// the protected address, says "delayed" (held) and reason filtered, never a hard
// bounce. Postmark files these as their own bounce type, ChallengeVerification
// (ANCHORS.md §1d). What marks one, in the words such systems use:
//   - the system names itself: "challenge-response", "challenge/response";
//   - a subject asking for it: "Please confirm your message", "Confirmation
//     request", "Verification required", "Please verify your e-mail address",
//     "Sender verification";
//   - or, in the first lines, a held message together with a request to confirm
//     or verify ("Your message … is being held until you confirm …").
// A delivery report (looksLikeBounce) is never read here.

const SYSTEM_NAME = /\bchallenge[ /-]response\b/i;
const CHALLENGE_SUBJECT =
  /^(?:re:\s*)?(?:please (?:confirm|verify) your (?:message|e-?mail|address|e-?mail address)|confirmation request|verification required|sender verification|(?:e-?mail|mailbox) verification)\b/i;
const HELD = /\byour (?:message|e-?mail)[^.\n]{1,80}\b(?:is|was|has been|will be) (?:being )?(?:held|kept|quarantined|pending|waiting)\b/i;
const CONFIRM = /\b(?:confirm|verify)\b/i;

/** Whether a mail is a challenge-response system's request to confirm a held message. */
export function isChallenge(email: BounceEmail): boolean {
  if (email.feedbackReport !== null || email.deliveryStatus.length > 0 || looksLikeBounce(email)) return false;
  const head = email.text.slice(0, MAX_NOTICE_CHARS * 2);
  if (SYSTEM_NAME.test(head) || SYSTEM_NAME.test(email.subject)) return true;
  if (CHALLENGE_SUBJECT.test(email.subject.trim())) return true;
  return HELD.test(foldSpaces(head)) && CONFIRM.test(head);
}


export const challengeResponse: Extractor = {
  id: 'challenge',
  matches: isChallenge,
  extract: (email) => {
    // The protected address: named in the subject or the notice, else the mail's From
    // (many systems send the challenge from the protected address itself).
    const excluded = excludedAddresses(email);
    excluded.delete(findAddresses(email.from)[0]?.toLowerCase() ?? '');
    const named = recipientIn(email.subject, excluded) ?? recipientIn(email.text.slice(0, MAX_NOTICE_CHARS * 2), excluded);
    const from = findAddresses(email.from).find((a) => isRecipient(a, new Set()));
    const candidate: Candidate = {
      recipient: named ?? from ?? null,
      action: 'delayed',
      statusField: null,
      diagnostic: replyQuote(email),
      remoteMta: null,
      command: null,
      format: 'challenge',
      reason: 'filtered',
    };
    return [candidate];
  },
};
