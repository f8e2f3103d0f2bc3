import type { Extractor } from '../types';
import { findAddresses, isSystemAddress } from '../text/addresses';
import { readProvider } from './shared/provider-read';
import { hasHeader, writtenBy } from './shared/writer';

// Mailgun (the sending service) reports a failed delivery from its own hosts
// (mailgun.net, mailgun.org) and marks what it sends with X-Mailgun-* headers
// (X-Mailgun-Sid, X-Mailgun-Variables). Its notice gives the remote server's
// reply on a labelled line, or an RFC 3464 part carries it:
//
//   Recipient: user@example.com
//   Server response: 550 5.1.1 The email account that you tried to reach does not exist.
const DOMAINS = ['mailgun.net', 'mailgun.org', 'mailgun.com'];

export const mailgun: Extractor = {
  id: 'mailgun',
  matches: (email) =>
    writtenBy(email, DOMAINS) ||
    // Mailgun's headers on the notice itself (not on the returned message) from a mail-system address.
    (hasHeader(email, ['x-mailgun-sid', 'x-mailgun-variables']) && findAddresses(email.from).some(isSystemAddress)),
  extract: (email) => readProvider(email, 'mailgun'),
};
