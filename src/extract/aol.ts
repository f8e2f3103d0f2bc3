import type { Extractor } from '../types';
import { postfix } from './postfix';
import { yahoo } from './yahoo';
import { readProvider } from './shared/provider-read';
import { writtenBy } from './shared/writer';

// AOL Mail's own bounces (From MAILER-DAEMON@aol.com, Reporting-MTA
// omr-*.mx.aol.com). Its servers ran Postfix, then moved onto Yahoo's, so the
// notice is one of theirs ("This is the mail system at host …", "Sorry, we
// were unable to deliver your message …") or a bare RFC 3464 report; the
// writer is what tells it apart.
const DOMAINS = ['aol.com', 'aol.net', 'aim.com'];

export const aol: Extractor = {
  id: 'aol',
  matches: (email) => writtenBy(email, DOMAINS),
  extract: (email) => readProvider(email, 'aol', [yahoo, postfix]),
};
