import type { Extractor } from '../types';
import { postfix } from './postfix';
import { messagingserver } from './messagingserver';
import { readProvider } from './shared/provider-read';
import { writtenBy } from './shared/writer';

// Apple's iCloud Mail (icloud.com, me.com, mac.com). Its outbound servers have
// run Oracle Communications Messaging Server ("This report relates to a message
// you sent …") and Postfix-style notices, else send a plain RFC 3464 report:
//
//   Reporting-MTA: dns; mr-asmtp-01.mail.icloud.com
//   Final-Recipient: rfc822; user@example.com
//   Action: failed
const DOMAINS = ['icloud.com', 'me.com', 'mac.com'];

export const apple: Extractor = {
  id: 'apple',
  matches: (email) => writtenBy(email, DOMAINS),
  extract: (email) => readProvider(email, 'apple', [messagingserver, postfix]),
};
