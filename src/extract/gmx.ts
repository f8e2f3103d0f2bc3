import type { Extractor } from '../types';
import { readEximLike } from './shared/exim-list';
import { fromDomain } from './shared/writer';

// GMX (and web.de, the same platform) end their notice with
// "--- The header of the original message is following. ---" and write the
// reply under the address:
//   "kijitora@example.jp":
//   SMTP error from remote server after RCPT command:
//   host: mx.example.jp
//   5.2.2 <kijitora@example.jp>... Mailbox Full
export const gmx: Extractor = {
  id: 'gmx',
  matches: (email) =>
    fromDomain(email, ['gmx.com', 'gmx.net', 'gmx.de', 'web.de']) &&
    email.text.includes('The header of the original message is following'),
  extract: (email) => readEximLike(email, 'gmx'),
};
