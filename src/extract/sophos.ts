import type { Extractor } from '../types';
import { postfix } from './postfix';
import { sendmail } from './sendmail';
import { readProvider } from './shared/provider-read';
import { writtenBy } from './shared/writer';
import { MAX_SOPHOS_OPENING_CHARS } from '../limits';

// Sophos's mail gateways: PureMessage (built on sendmail), the Sophos Email
// Appliance (built on Postfix) and Sophos Email in the cloud. Their notices
// name the product in the opening lines, above the MTA's own list or an RFC
// 3464 part:
//
//   This notice was written by the Sophos Email Appliance at mx.example.net.
const DOMAINS = ['sophos.com', 'sophos.net'];
// "PureMessage", "Sophos Email Appliance", "Sophos Email" within the notice's opening.
const PRODUCT = /\b(?:PureMessage|Sophos Email)\b/;
// Guard (src/limits.ts MAX_SOPHOS_OPENING_CHARS): characters of a notice searched for the Sophos product name (it is in the opening; the rest may be the returned message).

export const sophos: Extractor = {
  id: 'sophos',
  matches: (email) => writtenBy(email, DOMAINS) || PRODUCT.test(email.text.slice(0, MAX_SOPHOS_OPENING_CHARS)),
  extract: (email) => readProvider(email, 'sophos', [postfix, sendmail]),
};
