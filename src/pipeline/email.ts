// The email path: a parsed email's candidates, from the format extractors, or
// from the notice itself when a bounce states no code anywhere.
import type { BounceEmail, Candidate, DiagnoseResult } from '../types';
import { extractCandidates } from '../extract';
import { findAddresses, isSystemAddress } from '../text/addresses';
import { excludedAddresses } from '../extract/shared/recipients';
import { looksLikeBounce } from '../email/looks-like-bounce';
import { header } from '../email/parse-email';
import { foldSpaces } from '../text/fold-spaces';
import { finishDiagnoses } from './finish';

// Guards (src/limits.ts): only the top of a body is searched for the notice.
import { MAX_NOTICE_CHARS, MAX_NOTICE_PARAGRAPHS, MAX_SCAN_CHARS } from '../limits';

/** The result of one parsed email; `warnings` holds what was found before parsing and is added to. */
export function diagnoseEmail(email: BounceEmail, input: string, warnings: string[]): DiagnoseResult {
  warnings.push(...email.warnings);
  let candidates = extractCandidates(email);
  const isBounce = candidates.length > 0 || looksLikeBounce(email);
  if (candidates.length === 0 && isBounce) candidates = [fallbackCandidate(email)];
  if (!isBounce) warnings.push('This email is not a bounce: no delivery report and no SMTP error found.');
  return { input, isBounce, diagnoses: finishDiagnoses(candidates, warnings), warnings };
}

/** For a bounce with no code anywhere: one candidate whose text is the notice itself. */
function fallbackCandidate(email: BounceEmail): Candidate {
  // Guard: the notice is at the top; a 30 MB body is not searched for an address.
  const text = email.text.slice(0, MAX_SCAN_CHARS);
  const failed = header(email, 'x-failed-recipients');
  const excluded = excludedAddresses(email);
  const recipient =
    findAddresses(failed)[0] ??
    findAddresses(text).find((a) => !isSystemAddress(a) && !excluded.has(a.toLowerCase())) ??
    null;
  const paragraphs = text.split(/\n[ \t]*\n/).map((p) => foldSpaces(p).trim());
  const notice = paragraphs
    .filter((p) => p !== '')
    .slice(0, MAX_NOTICE_PARAGRAPHS)
    .join(' ')
    .slice(0, MAX_NOTICE_CHARS);
  return {
    recipient,
    action: 'failed',
    statusField: null,
    diagnostic: notice,
    remoteMta: null,
    command: null,
    format: 'text',
  };
}
