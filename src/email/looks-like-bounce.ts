import type { BounceEmail } from '../types';
import { findAddresses, isSystemAddress } from '../text/addresses';

const BOUNCE_SUBJECT =
  /undeliver|delivery (?:status|fail|report|notification)|returned mail|failure notice|mail delivery|non-?delivery|delivery has failed|could not be delivered|returned to sender|nondeliverable|mail system error|warning: message|delayed mail/i;

/** Whether an email is a delivery report of some kind, even when no code was found in it. */
export function looksLikeBounce(email: BounceEmail): boolean {
  if (email.deliveryStatus.length > 0) return true;
  if (email.contentType === 'multipart/report') return true;
  const from = findAddresses(email.from);
  if (from.some(isSystemAddress)) return true;
  return BOUNCE_SUBJECT.test(email.subject);
}

