import type { Extractor } from '../types';
import { readDeliveryStatus } from './shared/dsn';

// Amazon WorkMail puts its delivery-status fields in the text itself, not in a
// message/delivery-status part:
//   An error occurred while trying to deliver the mail to the following recipients:
//   kijitora@example.jp
//
//   Technical report:
//
//   Reporting-MTA: dsn; a1-2.smtp-out.us-west-2.amazonses.com
//
//   Action: failed
//   Final-Recipient: rfc822; kijitora@example.jp
//   Diagnostic-Code: smtp; 550 5.1.1 <kijitora@example.jp>... User Unknown
//   Status: 5.1.1
const TECHNICAL_REPORT = /^Technical report:$/m;

export const amazonworkmail: Extractor = {
  id: 'amazonworkmail',
  matches: (email) =>
    /^Amazon WorkMail\b/i.test(email.headers.get('x-mailer')?.[0] ?? '') ||
    email.text.includes('An error occurred while trying to deliver the mail to the following recipients:'),
  extract: (email) => {
    const m = TECHNICAL_REPORT.exec(email.text);
    if (m === null) return [];
    return readDeliveryStatus(email.text.slice(m.index + m[0].length, m.index + 64 * 1024), 'amazonworkmail');
  },
};
