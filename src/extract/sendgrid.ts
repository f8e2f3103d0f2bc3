import type { Extractor } from '../types';
import { replyOf } from '../smtp/parse-smtp-line';
import { statusOf } from './shared/candidates';
import { readDeliveryStatus } from './shared/dsn';
import { statusFromWording } from './shared/stated-status';

// SendGrid's bounces are RFC 3464 reports with two quirks: "Action: expired",
// which RFC 3464 does not define, for a message it gave up retrying, and an
// empty "Status:" field beside it:
//   This is an automatically generated message from SendGrid.
//   …
//   Final-Recipient: rfc822; kijitora@example.jp
//   Action: expired
//   Status:
//   Diagnostic-Code: Connection timed out
// An expired message has failed for good; its class is permanent.
const MARKER = 'This is an automatically generated message from SendGrid.';

export const sendgrid: Extractor = {
  id: 'sendgrid',
  matches: (email) => email.deliveryStatus.length > 0 && email.text.includes(MARKER),
  extract: (email) =>
    email.deliveryStatus.flatMap((body) => {
      const expired = /^Action:[ \t]*expired[ \t]*$/im.test(body);
      return readDeliveryStatus(body, 'sendgrid').map((c) =>
        expired && c.action === null
          ? { ...c, action: 'failed' as const, ...(statusOf(c) === null ? { statedStatus: statusFromWording(replyOf(c), '5', 'any-reply') } : {}) }
          : c,
      );
    }),
};
