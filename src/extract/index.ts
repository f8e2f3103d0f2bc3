import type { BounceEmail, Candidate, Extractor } from '../types';
import { deliveryStatus } from './delivery-status';
import { textScan } from './text-scan';

/**
 * Bounce format readers, in priority order: the first one that matches and
 * finds at least one candidate decides. Reports whose MIME type says what they
 * are come first, then the mail-server formats whose own text says more than
 * their RFC 3464 part, then RFC 3464 fields, then the formats without a DSN;
 * the plain-text scan is the last resort.
 */
export const EXTRACTORS: readonly Extractor[] = [
  // [section: reports]
  // [section: before-rfc3464 A]
  // [section: before-rfc3464 B]
  // [section: before-rfc3464 C]
  deliveryStatus,
  // [section: after-rfc3464 A]
  // [section: after-rfc3464 B]
  // [section: after-rfc3464 C]
  textScan,
];

/** Runs the extractors in order; returns the first non-empty result. */
export function extractCandidates(email: BounceEmail): Candidate[] {
  for (const extractor of EXTRACTORS) {
    if (!extractor.matches(email)) continue;
    const found = extractor.extract(email);
    if (found.length > 0) return found;
  }
  return [];
}
