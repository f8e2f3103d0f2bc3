import type { BounceEmail, Extractor } from '../types';
import { dsnCandidatesOf, dsnInText } from './shared/dsn';

// A plain RFC 3464 report (RFC 1894 before it, RFC 6533 for
// message/global-delivery-status), read by its fields alone: the format of every
// bounce whose writer no earlier reader recognised. The reading itself is in
// shared/dsn.ts, which the formats that merge their text with their report use too.

export const deliveryStatus: Extractor = {
  id: 'rfc3464',
  matches: (email: BounceEmail) => email.deliveryStatus.length > 0 || dsnInText(email.text) !== null,
  extract: (email: BounceEmail) => dsnCandidatesOf(email),
};
