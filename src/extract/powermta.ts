import type { BounceEmail, Candidate, Extractor, ReasonId } from '../types';
import { firstOf, readReportGroups } from './shared/report-fields';
import { addressOf, dsnCandidatesOf } from './shared/dsn';
import { MAX_POWERMTA_FIELD_CHARS } from '../limits';

// PowerMTA (Port25, now Bird), the bulk sender's MTA, writes a short notice
// ("<user@example.net> delivery failed; will not continue trying") above an
// RFC 3464 report with fields of its own:
//
//   Reporting-MTA: dns;mta1.example.org
//   X-PowerMTA-VirtualMTA: pool-a
//
//   Final-Recipient: rfc822;user@example.net
//   Action: failed
//   Status: 5.0.0 (undefined status)
//   Diagnostic-Code: smtp;550 no mailbox by that name
//   X-PowerMTA-BounceCategory: bad-mailbox
//
// The bounce category is PowerMTA's own reading of the reply; where it names
// one reason without doubt it decides, else the reply is classified as usual.

// "X-PowerMTA-VirtualMTA:", "X-PowerMTA-BounceCategory:" at a line start of the report.
const FIELD = /^X-PowerMTA-[a-z]{1,30}[ \t]*:/im;
// "Received: by mta1.example.org (PowerMTA(TM) v5.0r1) id …" in the returned headers.
const RECEIVED = '(PowerMTA(TM)';
// Guard (src/limits.ts MAX_POWERMTA_FIELD_CHARS): characters of a PowerMTA report searched for its own fields (they are in its first lines).

// Categories that name one reason; the others ("spam-related", "policy-related",
// "other"…) cover several and leave it to the reply.
const REASONS: Readonly<Record<string, ReasonId>> = {
  'bad-mailbox': 'userunknown',
  'bad-domain': 'hostunknown',
  'inactive-mailbox': 'suspend',
  'quota-issues': 'mailboxfull',
  'message-expired': 'expired',
  'virus-related': 'virusdetected',
  'relaying-issues': 'norelaying',
};

/** Bounce category of each recipient, by lower-case address. */
function categories(email: BounceEmail): Map<string, string> {
  const out = new Map<string, string>();
  for (const body of email.deliveryStatus) {
    for (const group of readReportGroups(body)) {
      const recipient = addressOf(firstOf(group, 'final-recipient') ?? firstOf(group, 'original-recipient'));
      const category = firstOf(group, 'x-powermta-bouncecategory')?.trim().toLowerCase();
      if (recipient !== null && category !== undefined) out.set(recipient.toLowerCase(), category);
    }
  }
  return out;
}

function withCategory(c: Candidate, byRecipient: ReadonlyMap<string, string>): Candidate {
  const reason = REASONS[byRecipient.get((c.recipient ?? '').toLowerCase()) ?? ''];
  // Only a failure: a delayed "bad-mailbox" is not yet a dead address.
  return reason !== undefined && c.action === 'failed' ? { ...c, reason } : c;
}

export const powermta: Extractor = {
  id: 'powermta',
  matches: (email) =>
    email.deliveryStatus.some((body) => FIELD.test(body.slice(0, MAX_POWERMTA_FIELD_CHARS))) ||
    (email.originalHeaders ?? '').slice(0, MAX_POWERMTA_FIELD_CHARS).includes(RECEIVED),
  extract: (email) => {
    const byRecipient = categories(email);
    return dsnCandidatesOf(email, 'powermta').map((c) => withCategory(c, byRecipient));
  },
};
