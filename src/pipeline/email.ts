// The email path: a parsed email's candidates, from the format extractors, or
// from the notice itself when a bounce states no code anywhere.
import type { BounceEmail, Candidate, DiagnoseResult } from '../types';
import { extractCandidates } from '../extract';
import { findAddresses } from '../text/addresses';
import { excludedAddresses, fillFromVerp, noticeRecipients } from '../extract/shared/recipients';
import { markDelayWarning } from '../extract/shared/delay-warning';
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
  if (candidates.length === 0 && isBounce) candidates = fallbackCandidates(email);
  candidates = markDelayWarning(email, fillFromVerp(email, candidates));
  if (!isBounce) warnings.push('This email is not a bounce: no delivery report and no SMTP error found.');
  return { input, isBounce, diagnoses: finishDiagnoses(candidates, warnings), warnings };
}

/** For a bounce with no code anywhere: a candidate per recipient the notice names, whose text is the notice itself. */
function fallbackCandidates(email: BounceEmail): Candidate[] {
  // Guard: the notice is at the top; a 30 MB body is not searched for an address.
  const text = email.text.slice(0, MAX_SCAN_CHARS);
  const failed = findAddresses(header(email, 'x-failed-recipients'));
  const named = failed.length > 0 ? failed : noticeRecipients(text, excludedAddresses(email));
  const recipients = named.length > 0 ? named : [null];
  const paragraphs = text.split(/\n[ \t]*\n/).map((p) => foldSpaces(p).trim());
  const notice = paragraphs
    .filter((p) => p !== '')
    .slice(0, MAX_NOTICE_PARAGRAPHS)
    .join(' ')
    .slice(0, MAX_NOTICE_CHARS);
  return recipients.map((recipient) => ({
    recipient,
    action: 'failed',
    statusField: null,
    diagnostic: notice,
    remoteMta: null,
    command: null,
    format: 'text',
  }));
}
