import type { BounceEmail, Candidate, Extractor } from '../../types';
import { looksLikeBounce } from '../../email/looks-like-bounce';
import { candidateOf, NOTICE } from './candidates';
import { dsnCandidatesOf } from './dsn';
import { excludedAddresses, fallbackRecipients } from './recipients';
import { scanText } from './scan-text';

// A provider known by who wrote its bounce (writer.ts) mostly sends the notice
// of the MTA it runs, or a plain RFC 3464 report: these read it with that
// MTA's reader, under the provider's own format id.

/** Candidates of another format's reader, re-labelled with this format's id. */
export function readAs(reader: Extractor, email: BounceEmail, format: string): Candidate[] {
  if (!reader.matches(email)) return [];
  return reader.extract(email).map((c) => ({ ...c, format }));
}

/**
 * What the body holds, read in turn by: the readers of the MTAs the provider
 * runs, its RFC 3464 part, and the plain-text scan (for a mail that looks
 * like a delivery report), all under its own id.
 */
export function readProvider(email: BounceEmail, format: string, readers: readonly Extractor[] = []): Candidate[] {
  for (const reader of readers) {
    const found = readAs(reader, email, format);
    if (found.length > 0) return found;
  }
  const dsn = dsnCandidatesOf(email, format);
  if (dsn.length > 0) return dsn;
  // The text scan only reads what looks like a delivery report, as the generic one does:
  // a provider's newsletter that quotes "550 …" is not a bounce.
  return looksLikeBounce(email) ? scanText(email.text, excludedAddresses(email), format) : [];
}

/**
 * One candidate for a notice that names no recipient line by line: the address
 * the bounce gives elsewhere (X-Failed-Recipients, the returned To), with the
 * notice's own words; the status is the text's code, else a failure by the
 * class the caller's wording states.
 */
export function noticeCandidate(email: BounceEmail, format: string, diagnostic: string, cls: '4' | '5' = '5'): Candidate[] {
  const recipient = fallbackRecipients(email)[0] ?? null;
  const found = candidateOf(format, { recipient, diagnostic, cls }, NOTICE);
  if (found.diagnostic === '' && recipient === null) return [];
  return [found];
}
