import type { Extractor } from '../types';
import { postfix } from './postfix';
import { sendmail } from './sendmail';
import { readProvider } from './shared/provider-read';
import { writtenBy } from './shared/writer';

// NTT docomo, the Japanese mobile carrier (docomo.ne.jp, its mfsmax.* relays,
// spmode.ne.jp, mopera.net). Its relays return mail with a sendmail or Postfix
// notice, or an RFC 3464 report whose text part is in Japanese; a phone whose
// owner refuses mail from the sender shows as a plain "550 Unknown user" reply.
const DOMAINS = ['docomo.ne.jp', 'spmode.ne.jp', 'mopera.net', 'mopera.ne.jp'];

export const docomo: Extractor = {
  id: 'docomo',
  matches: (email) => writtenBy(email, DOMAINS),
  extract: (email) => readProvider(email, 'docomo', [sendmail, postfix]),
};
