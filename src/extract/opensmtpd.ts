import type { Extractor } from '../types';
import { blockCandidates, blocksAfter } from './shared/address-blocks';
import { mergeWithDsn } from './shared/dsn-merge';

// OpenSMTPD's notice, with an RFC 3464 part in recent versions:
//
//       Hi!
//
//       This is the MAILER-DAEMON, please DO NOT REPLY to this email.
//
//       An error has occurred while attempting to deliver a message for
//       the following list of recipients:
//
//   kijitora@example.org: 550 5.1.1 <kijitora@example.org>: Recipient address rejected
//
//       Below is a copy of the original message:
//
// A delay warning says "A message is delayed for more than 4 hours for the
// following list of recipients:" and "this is only a temporary failure report".
// The RFC 3464 part has a Status but no Diagnostic-Code; the text says why.

// "the following list of recipients:" / "for the following\n list of recipients:"
const LIST_START = /(?:^|\s)list of recipients:\s*$/i;
const END = /^\s*(?:Below is a copy of the original message|Please note that this is only a temporary failure report)/i;
const DELAYED = /A message is delayed for more than|only a temporary failure report/i;
const INTRO = /This is the MAILER-DAEMON, please DO NOT REPLY to this e-?mail/i;
// OpenSMTPD 6.8 sends its expiry report with the delay template ("A message is
// delayed for more than 0 seconds", "Action: delayed", Status 4.4.7), though
// the envelope has left the queue for good: "Envelope expired" makes it failed.
const EXPIRED = /\bEnvelope expired\b/i;

export const opensmtpd: Extractor = {
  id: 'opensmtpd',
  matches: (email) => INTRO.test(email.text.slice(0, 2000)),
  extract: (email) => {
    const cls = DELAYED.test(email.text.slice(0, 4000)) ? '4' : '5';
    const found = blockCandidates(blocksAfter(email, LIST_START, END, true), 'opensmtpd', cls);
    return mergeWithDsn(email, found, 'opensmtpd').map((c) => (c.action === 'delayed' && EXPIRED.test(c.diagnostic) ? { ...c, action: 'failed' as const } : c));
  },
};
