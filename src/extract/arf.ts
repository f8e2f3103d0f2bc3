import type { BounceEmail, Candidate, Extractor } from '../types';
import { header } from '../email/parse-email';
import { findAddresses, isSystemAddress } from '../text/addresses';
import { firstOf, headerValues, readReportGroups } from './shared/report-fields';
import { MAX_COMPLAINANTS } from '../limits';

// Feedback reports: a mailbox provider telling the sender that one of its
// recipients complained (RFC 5965 "ARF", and the older loops that predate it).
// They are not bounces: the message was delivered, so there is no SMTP reply;
// the diagnosis names the person who complained and the Feedback-Type.
//
//   Content-Type: multipart/report; report-type=feedback-report
//   …
//   Content-Type: message/feedback-report
//
//   Feedback-Type: abuse
//   User-Agent: SomeFBL/1.0
//   Version: 1
//   Original-Mail-From: <sender@example.org>
//   Original-Rcpt-To: <user@example.com>

// Guard (src/limits.ts MAX_COMPLAINANTS): complainants one feedback report (RFC 5965) may name; a longer list is a loop or an attack.

// "Feedback-Type: abuse" → "abuse"; RFC 5965 §7.3 registers abuse, fraud,
// other, virus, not-spam and auth-failure (RFC 6591); opt-out and opt-out-list
// come from the ARF drafts that providers still send.
const FEEDBACK_TYPE = /^\s*([a-z][a-z-]{0,30})/i;

// Loops that send the complained-about message without a message/feedback-report part.
// Hotmail/Outlook.com JMRP: "From: staff@hotmail.com", the message attached,
// the complainant in its "X-HmXmrOriginalRecipient: <user@hotmail.com>".
const HOTMAIL_FROM = /(?:^|<|\s)staff@hotmail\.com\b/i;
// Apple Mail's unsubscribe button: "X-Apple-Unsubscribe: true" on a mail from the person.

function isFeedbackMultipart(email: BounceEmail): boolean {
  // "Content-Type: multipart/report; report-type=feedback-report" (quoted or not)
  return email.contentType === 'multipart/report' && /report-type\s*=\s*"?feedback-report/i.test(header(email, 'content-type'));
}

function isHotmailLoop(email: BounceEmail): boolean {
  return HOTMAIL_FROM.test(email.from) && /^[ \t]*x-hmxmroriginalrecipient[ \t]*:/im.test(email.originalHeaders ?? '');
}

function isAppleUnsubscribe(email: BounceEmail): boolean {
  return header(email, 'x-apple-unsubscribe').trim().toLowerCase() === 'true';
}

/** Addresses that can be the complainant: not the mail system, not the original sender. */
function complainants(values: readonly string[], sender: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const a of values.flatMap(findAddresses)) {
    const key = a.toLowerCase();
    if (isSystemAddress(a) || sender.has(key) || seen.has(key)) continue;
    seen.add(key);
    out.push(a);
    if (out.length >= MAX_COMPLAINANTS) break;
  }
  return out;
}

function candidate(recipient: string | null, feedbackType: string, diagnostic: string): Candidate {
  return {
    recipient,
    action: null,
    statusField: null,
    diagnostic,
    remoteMta: null,
    command: null,
    format: 'arf',
    reason: 'feedback',
    feedbackType,
  };
}

/** What the report says of itself, for the diagnostic: its type and the agent that sent it. */
function describe(feedbackType: string, agent: string | undefined, source: string | undefined): string {
  const parts = [`Feedback-Type: ${feedbackType}`];
  if (agent !== undefined && agent !== '') parts.push(`User-Agent: ${agent}`);
  if (source !== undefined && source !== '') parts.push(`Source-IP: ${source}`);
  return `Feedback report (${parts.join('; ')})`;
}

function extractArf(email: BounceEmail): Candidate[] {
  const fields = new Map<string, string[]>();
  for (const group of readReportGroups(email.feedbackReport ?? '')) {
    for (const [name, values] of group) fields.set(name, [...(fields.get(name) ?? []), ...values]);
  }
  const feedbackType = FEEDBACK_TYPE.exec(firstOf(fields, 'feedback-type') ?? '')?.[1]?.toLowerCase() ?? 'abuse';
  const returned = email.originalHeaders ?? '';
  const sender = new Set(
    [...(fields.get('original-mail-from') ?? []), ...headerValues(returned, 'from')]
      .flatMap(findAddresses)
      .map((a) => a.toLowerCase()),
  );
  // Who complained: Original-Rcpt-To (one field per recipient, RFC 5965 §3.2),
  // else Removal-Recipient (the opt-out draft), else the To of the returned message.
  const named =
    [fields.get('original-rcpt-to') ?? [], fields.get('removal-recipient') ?? [], headerValues(returned, 'to')]
      .map((values) => complainants(values, sender))
      .find((list) => list.length > 0) ?? [];
  const diagnostic = describe(feedbackType, firstOf(fields, 'user-agent'), firstOf(fields, 'source-ip'));
  // A report with every address redacted still reports one complaint.
  return named.length === 0 ? [candidate(null, feedbackType, diagnostic)] : named.map((r) => candidate(r, feedbackType, diagnostic));
}

function extractHotmail(email: BounceEmail): Candidate[] {
  const returned = email.originalHeaders ?? '';
  const sender = new Set(headerValues(returned, 'from').flatMap(findAddresses).map((a) => a.toLowerCase()));
  const named = complainants(headerValues(returned, 'x-hmxmroriginalrecipient'), sender);
  const diagnostic = 'Feedback report (Hotmail/Outlook.com junk mail reporting program)';
  return (named.length === 0 ? [null] : named).map((r) => candidate(r, 'abuse', diagnostic));
}

function extractAppleUnsubscribe(email: BounceEmail): Candidate[] {
  // The person who pressed "unsubscribe" is the From of the notice itself.
  const who = findAddresses(email.from).find((a) => !isSystemAddress(a)) ?? null;
  return [candidate(who, 'opt-out', 'Unsubscribe request sent by Apple Mail (X-Apple-Unsubscribe: true)')];
}

export const arf: Extractor = {
  id: 'arf',
  matches: (email) =>
    email.feedbackReport !== null || isFeedbackMultipart(email) || isHotmailLoop(email) || isAppleUnsubscribe(email),
  extract: (email) => {
    if (email.feedbackReport !== null || isFeedbackMultipart(email)) return extractArf(email);
    if (isHotmailLoop(email)) return extractHotmail(email);
    if (isAppleUnsubscribe(email)) return extractAppleUnsubscribe(email);
    return [];
  },
};
