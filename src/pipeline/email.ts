// The email path: a parsed email's candidates, from the format extractors, or
// from the notice itself when a bounce states no code anywhere.
import type { BounceEmail, Candidate, DiagnoseResult } from '../types';
import { extractCandidates } from '../extract';
import { findAddresses } from '../text/addresses';
import { excludedAddresses, noticeRecipients } from '../extract/shared/recipients';
import { markDelayWarning } from '../extract/shared/delay-warning';
import { looksLikeBounce } from '../email/looks-like-bounce';
import { header } from '../email/parse-email';
import { foldSpaces } from '../text/fold-spaces';
import { finishDiagnoses } from './finish';
import { addIdentity, fillVerpRecipients, identityOf, type IdentityOptions } from './identity';

// Guards (src/limits.ts): only the top of a body is searched for the notice.
import { MAX_NOTICE_CHARS, MAX_NOTICE_PARAGRAPHS, MAX_REPLY_TEXT, MAX_SCAN_CHARS } from '../limits';

/** The warning of a body searched only up to MAX_SCAN_CHARS. */
export function scanCutWarning(): string {
  return `The body text is longer than ${MAX_SCAN_CHARS} characters (MAX_SCAN_CHARS); only its start was searched for codes.`;
}

/**
 * The last-resort reading of a body (the text scan, or the notice when no code
 * is found) reads at most MAX_SCAN_CHARS of it, and of each paragraph at most
 * MAX_REPLY_TEXT: the warnings of what these cut.
 */
function scanCutWarnings(text: string): string[] {
  if (text.length <= MAX_REPLY_TEXT) return [];
  const scanned = text.length > MAX_SCAN_CHARS ? text.slice(0, MAX_SCAN_CHARS) : text;
  const out = scanned.length < text.length ? [scanCutWarning()] : [];
  if (hasLongParagraph(scanned)) {
    out.push(`A paragraph of the body is longer than ${MAX_REPLY_TEXT} characters (MAX_REPLY_TEXT); only its start was searched for codes.`);
  }
  return out;
}

/** Whether a paragraph (text between blank lines, as the scan splits it) is longer than MAX_REPLY_TEXT. */
function hasLongParagraph(text: string): boolean {
  let start = 0;
  for (const m of text.matchAll(/\n[ \t]*\n/g)) {
    if (m.index - start > MAX_REPLY_TEXT) return true;
    start = m.index + m[0].length;
  }
  return text.length - start > MAX_REPLY_TEXT;
}

/**
 * The result of one parsed email; `warnings` holds what was found before
 * parsing and is added to. `raw` is the message as read (for an mbox "From "
 * line at its top).
 */
export function diagnoseEmail(
  email: BounceEmail,
  input: string,
  warnings: string[],
  raw: string | Buffer = '',
  options: IdentityOptions = {},
): DiagnoseResult {
  warnings.push(...email.warnings);
  let candidates = extractCandidates(email);
  const isBounce = candidates.length > 0 || looksLikeBounce(email);
  // Only the last-resort readers (format "text") cut the body they read.
  if (isBounce && candidates.every((c) => c.format === 'text')) warnings.push(...scanCutWarnings(email.text));
  if (candidates.length === 0 && isBounce) candidates = fallbackCandidates(email);
  candidates = markDelayWarning(email, candidates);
  if (!isBounce) warnings.push('This email is not a bounce: no delivery report and no SMTP error found.');
  const identity = identityOf(email, raw, options);
  candidates = fillVerpRecipients(candidates, identity);
  const diagnoses = finishDiagnoses(candidates, warnings);
  return { input, isBounce, diagnoses: addIdentity(identity, candidates, diagnoses), warnings };
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
