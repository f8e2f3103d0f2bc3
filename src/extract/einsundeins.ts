import type { Extractor } from '../types';
import { readEximLike } from './shared/exim-list';

// 1&1 (IONOS) mail servers: From "Mail Delivery System
// <mailer-daemon@kundenserver.de>", the reason under "For the following reason:"
// or in one line: "SMTP error from remote server for TEXT command, host: … reason: 550 …".
export const einsundeins: Extractor = {
  id: 'einsundeins',
  matches: (email) =>
    /@kundenserver\.|@(?:[\w-]+\.)?(?:1and1|ionos)\.\w/i.test(email.from) &&
    email.text.includes('The header of the original message is following'),
  extract: (email) => readEximLike(email, 'einsundeins'),
};
