import type { Extractor } from '../types';
import { postfix } from './postfix';
import { findAddresses, isSystemAddress } from '../text/addresses';
import { readProvider } from './shared/provider-read';
import { hasHeader, writtenBy } from './shared/writer';

// Mimecast (the email security service) returns mail it could not deliver, or
// that a policy held, from its own hosts (*.mimecast.com, *.mimecast.co.za,
// mimecast-offshore.com) and stamps what it sends with an X-MC-Unique header.
// The body is an RFC 3464 report or a short notice around the remote reply.
const DOMAINS = ['mimecast.com', 'mimecast.co.za', 'mimecast-offshore.com', 'mimecast.org'];

export const mimecast: Extractor = {
  id: 'mimecast',
  matches: (email) =>
    writtenBy(email, DOMAINS) ||
    // X-MC-Unique on a mail-system notice: Mimecast wrote it (a person's mail through Mimecast has one too).
    (hasHeader(email, ['x-mc-unique']) && findAddresses(email.from).some(isSystemAddress) && /\bMimecast\b/.test(email.text.slice(0, 4000))),
  extract: (email) => readProvider(email, 'mimecast', [postfix]),
};
