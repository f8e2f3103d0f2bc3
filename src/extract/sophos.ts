import type { Extractor } from '../types';
import { postfix } from './postfix';
import { sendmail } from './sendmail';
import { readProvider } from './shared/provider-read';
import { writtenBy } from './shared/writer';

// Sophos's mail gateways: PureMessage (built on sendmail), the Sophos Email
// Appliance (built on Postfix) and Sophos Email in the cloud. Their notices
// name the product in the opening lines, above the MTA's own list or an RFC
// 3464 part:
//
//   This notice was written by the Sophos Email Appliance at mx.example.net.
const DOMAINS = ['sophos.com', 'sophos.net'];
// "PureMessage", "Sophos Email Appliance", "Sophos Email" within the notice's opening.
const PRODUCT = /\b(?:PureMessage|Sophos Email)\b/;
// Guard: the product is named in the opening lines; the rest may be the returned message.
const MAX_OPENING = 2000;

export const sophos: Extractor = {
  id: 'sophos',
  matches: (email) => writtenBy(email, DOMAINS) || PRODUCT.test(email.text.slice(0, MAX_OPENING)),
  extract: (email) => readProvider(email, 'sophos', [postfix, sendmail]),
};
