import type { Extractor } from '../types';
import { looksLikeBounce } from '../email/looks-like-bounce';
import { excludedAddresses } from './shared/recipients';
import { scanText } from './shared/scan-text';

// The last resort for a mail no format reader recognised (see shared/scan-text.ts).
export const textScan: Extractor = {
  id: 'text',
  // Only a mail that looks like a delivery report is scanned: a newsletter that
  // quotes "550 …" at a line start is not a bounce.
  matches: looksLikeBounce,
  extract: (email) => scanText(email.text, excludedAddresses(email)),
};
