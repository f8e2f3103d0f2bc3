import type { Extractor } from '../types';
import { postfix } from './postfix';
import { sendmail } from './sendmail';
import { readProvider } from './shared/provider-read';
import { writtenBy } from './shared/writer';

// SoftBank, the Japanese mobile carrier (softbank.ne.jp, i.softbank.jp, and
// the older vodafone.ne.jp and disney.ne.jp). Its notices are a sendmail or
// Postfix list, an RFC 3464 report, or a short Japanese text with the reply:
//
//   次のあて先へメールを配信できませんでした。
//   550 <user@example.jp>: User unknown
const DOMAINS = ['softbank.ne.jp', 'softbank.jp', 'vodafone.ne.jp', 'disney.ne.jp'];

export const softbank: Extractor = {
  id: 'softbank',
  matches: (email) => writtenBy(email, DOMAINS),
  extract: (email) => readProvider(email, 'softbank', [sendmail, postfix]),
};
