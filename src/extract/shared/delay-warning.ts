import type { BounceEmail, Candidate } from '../../types';
import { MAX_NOTICE_CHARS } from '../../limits';
import { parseSmtpLine } from '../../smtp/parse-smtp-line';
import { noticeText } from './recipients';

// Delay warnings: the sending server still holds the message and keeps trying.
// Nothing has failed yet, so a recipient such a notice names is "delayed", and
// never a hard bounce. Each server says so in its own words (facts, quoted from
// their sources):
//   Postfix   Subject "Delayed Mail (still being retried)"; body "THIS IS A WARNING
//             ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE." (src/bounce/bounce_templates.c)
//   Sendmail  Subject "Warning: could not send message for past 4 hours"
//             (sendmail/envelope.c); body "THIS IS A WARNING MESSAGE ONLY" and
//             "YOU DO NOT NEED TO RESEND YOUR MESSAGE" (sendmail/savemail.c)
//   Exim      Subject "Warning: message <id> delayed <time>"; body "…has not yet been
//             delivered to one or more of its recipients…", "No action is required on
//             your part. Delivery attempts will continue…" (src/deliver.c)
//   OpenSMTPD "A message is delayed for more than …", "this is only a temporary
//             failure report", "You DO NOT NEED to re-send the message" (smtpd/bounce.c)
//   Exchange  Subject "Delivery delayed: …"; Gmail "Delivery Status Notification (Delay)"

const DELAY_SUBJECT =
  /^(?:warning: (?:message \S{1,64} delayed|could not send message for past)|delayed mail \(still being retried\)|delivery delayed\b|delivery status notification \(delay\))/i;

const DELAY_WORDS =
  /\b(?:this is a warning (?:message )?only|you do not need to re-?send|has not yet been delivered|only a temporary failure report|a message is delayed for more than|delivery attempts will continue)\b/i;

/** Whether a mail is a delay warning (the message is still queued), by its subject or the words of its notice. */
export function isDelayWarning(email: BounceEmail): boolean {
  const notice = noticeText(email.text.slice(0, MAX_NOTICE_CHARS * 4));
  // OpenSMTPD writes its final expiry report with the delay template: "Envelope expired" is a failure.
  if (/\benvelope expired\b/i.test(notice)) return false;
  return DELAY_SUBJECT.test(email.subject.trim()) || DELAY_WORDS.test(notice);
}

/** Whether a candidate carries a permanent code (a 5xx reply or a 5.x.x status): that one did fail. */
function permanent(c: Candidate): boolean {
  const reply = parseSmtpLine(c.diagnostic);
  const status = c.statusField ?? c.statedStatus ?? reply.status;
  return (reply.replyCode !== null && reply.replyCode >= 500) || (status?.startsWith('5') ?? false);
}

/** In a delay warning, the recipients not stated as failed with a permanent code are delayed. */
export function markDelayWarning(email: BounceEmail, candidates: Candidate[]): Candidate[] {
  if (candidates.length === 0 || !isDelayWarning(email)) return candidates;
  return candidates.map((c) => ((c.action === null || c.action === 'failed') && !permanent(c) ? { ...c, action: 'delayed' } : c));
}
