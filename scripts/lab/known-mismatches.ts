// Lab bounces that whybounce is known to read wrong today, "server/scenario" →
// why, in short. The lab reports them as known (◐) instead of failing, and
// --save writes the note into the expected JSON, so the fixture test runs them
// as todo. Details and the judgement on each are in scripts/lab/MISMATCHES.md.
export const KNOWN_MISMATCHES: Record<string, string> = {
  'postfix/greylisted': 'a 450 greylisting reply that says "Recipient address rejected" is read as userunknown (hard)',
  'postfix/content-rejected': '"550 5.7.1 Message content rejected" (a header/body check) is read as spamdetected, not filtered',
  'exim/greylisted': 'a 450 greylisting reply that says "Recipient address rejected" is read as userunknown (hard)',
  'exim/content-rejected': '"550 5.7.1 Message content rejected" (a header/body check) is read as spamdetected, not filtered',
  'exim/unknown-local-user': 'Exim says only "Unrouteable address" (5.0.0): read as onhold',
  'exim/no-such-domain': 'Exim says only "Unrouteable address" (5.0.0) for a domain that does not exist: read as onhold',
  'opensmtpd/greylisted': 'a 450 greylisting reply that says "Recipient address rejected" is read as userunknown (hard)',
  'opensmtpd/content-rejected': '"550 5.7.1 Message content rejected" (a header/body check) is read as spamdetected, not filtered',
  'opensmtpd/connection-refused-expired': 'OpenSMTPD 6.8 writes "Action: delayed" (Status 4.4.7, "Envelope expired") in its expiry report; whybounce keeps delayed',
  'opensmtpd/tls-required': 'OpenSMTPD 6.8 writes "Action: delayed" (Status 4.4.7, "Envelope expired") in its expiry report; whybounce keeps delayed',
  'sendmail/greylisted': 'a 450 greylisting reply that says "Recipient address rejected" is read as userunknown (hard)',
  'sendmail/content-rejected': '"550 5.7.1 Message content rejected" (a header/body check) is read as spamdetected, not filtered',
  'sendmail/tls-required': 'Sendmail\'s "454 4.7.0 encryption too weak 0 less than 1" (its TLS requirement unmet) is read as securityerror from the status, not failedstarttls',
  'sendmail/success-notice': 'the Sendmail extractor takes the transcript line ("... relayed; expect no further notifications"), which has no code, over the Diagnostic-Code "250 2.1.5 Ok": replyCode null',
};
