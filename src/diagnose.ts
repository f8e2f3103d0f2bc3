import type { BounceEmail, Candidate, DiagnoseResult } from './types';
import { explainCandidate } from './explain';
import { capCandidates, diagnoseText, looksLikeEmail } from './diagnose-text';
import { extractCandidates } from './extract';
import { findAddresses, isSystemAddress } from './text/addresses';
import { excludedAddresses } from './extract/shared/recipients';
import { looksLikeBounce } from './email/looks-like-bounce';
import { header, parseEmail } from './email/parse-email';
import { lightParse } from './email/light-parse';

// Guards (src/limits.ts): a message over MAX_MESSAGE_BYTES is cut before parsing;
// capCandidates (diagnose-text.ts) cuts what it yields.
import { MAX_MESSAGE_BYTES, MAX_SCAN_CHARS } from './limits';
import { foldSpaces } from './text/fold-spaces';
export { MAX_MESSAGE_BYTES };
export { diagnoseText, looksLikeEmail };

export interface DiagnoseOptions {
  /** Name of the input in the result: a path, "-" for stdin, "argv" for a string argument. */
  input?: string;
  /** "email" or "text" forces how the input is read; "auto" (default) decides from its first line. */
  kind?: 'auto' | 'email' | 'text';
  /**
   * How an email is read: "auto" (default) tries the light reader and falls back
   * to mailparser; "mailparser" uses mailparser only (the reference, for comparisons).
   */
  reader?: 'auto' | 'mailparser';
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
  const notice = paragraphs.filter((p) => p !== '').slice(0, 3).join(' ').slice(0, 1000);
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

function toText(source: string | Buffer): string {
  return typeof source === 'string' ? source : source.toString('utf8');
}

/**
 * The whole pipeline for one input: an email (DSN or any server's report) or a
 * raw SMTP error text. Never throws: unreadable input comes back as a result
 * with no diagnoses and a warning.
 */
export async function diagnose(source: string | Buffer, options: DiagnoseOptions = {}): Promise<DiagnoseResult> {
  const input = options.input ?? 'argv';
  try {
    return await diagnoseMessage(source, input, options);
  } catch (err) {
    return internalError(source, input, err);
  }
}

/**
 * `diagnose` without a promise, for a batch: the same result when the message
 * is raw text or the light reader reads it, and null when it needs mailparser
 * (then call `diagnose`). Never throws.
 */
export function diagnoseSync(source: string | Buffer, options: DiagnoseOptions = {}): DiagnoseResult | null {
  const input = options.input ?? 'argv';
  try {
    return diagnoseMessageSync(source, input, options);
  } catch (err) {
    return internalError(source, input, err);
  }
}

function internalError(source: string | Buffer, input: string, err: unknown): DiagnoseResult {
  // Guard: a bug that hostile bytes trigger in one extractor must not end a
  // batch. The message is still read as plain text, and the warning says why
  // (the fuzz script reports every such warning as a crash to fix).
  const why = err instanceof Error ? err.message : String(err);
  const warning = `Internal error while reading this message (${why}); its text was scanned instead.`;
  try {
    const result = diagnoseText(toText(source).slice(0, MAX_SCAN_CHARS), input);
    return { ...result, warnings: [warning, ...result.warnings] };
  } catch {
    return { input, isBounce: false, diagnoses: [], warnings: [warning] };
  }
}

/** What is read before parsing: the cut data and its warnings, or the result when it is plain text. */
function prepare(
  source: string | Buffer,
  input: string,
  options: DiagnoseOptions,
): { data: string | Buffer; warnings: string[]; result?: DiagnoseResult } {
  const warnings: string[] = [];
  let data = source;
  if (data.length > MAX_MESSAGE_BYTES) {
    data = data.slice(0, MAX_MESSAGE_BYTES);
    warnings.push(`The input is larger than ${MAX_MESSAGE_BYTES} bytes; only the first part was read.`);
  }
  const kind = options.kind ?? 'auto';
  const head = typeof data === 'string' ? data.slice(0, 4096) : data.subarray(0, 4096).toString('latin1');
  const lfHead = head.includes('\r') ? head.replace(/\r\n?/g, '\n') : head;
  if (kind === 'text' || (kind === 'auto' && !looksLikeEmail(lfHead))) {
    const result = diagnoseText(toText(data), input);
    return { data, warnings, result: { ...result, warnings: [...warnings, ...result.warnings] } };
  }
  return { data, warnings };
}

function unparsed(data: string | Buffer, input: string, warnings: string[], err: unknown): DiagnoseResult {
  const why = err instanceof Error ? err.message : String(err);
  const result = diagnoseText(toText(data), input);
  return { ...result, warnings: [...warnings, `The email could not be parsed (${why}); its text was scanned instead.`] };
}

function diagnoseEmail(email: BounceEmail, input: string, warnings: string[]): DiagnoseResult {
  warnings.push(...email.warnings);
  let candidates = extractCandidates(email);
  const isBounce = candidates.length > 0 || looksLikeBounce(email);
  if (candidates.length === 0 && isBounce) candidates = [fallbackCandidate(email)];
  if (!isBounce) warnings.push('This email is not a bounce: no delivery report and no SMTP error found.');
  return { input, isBounce, diagnoses: capCandidates(candidates, warnings).map(explainCandidate), warnings };
}

async function diagnoseMessage(source: string | Buffer, input: string, options: DiagnoseOptions): Promise<DiagnoseResult> {
  const { data, warnings, result } = prepare(source, input, options);
  if (result !== undefined) return result;
  let email: BounceEmail;
  try {
    email = await parseEmail(data, { reader: options.reader ?? 'auto' });
  } catch (err) {
    return unparsed(data, input, warnings, err);
  }
  return diagnoseEmail(email, input, warnings);
}

function diagnoseMessageSync(source: string | Buffer, input: string, options: DiagnoseOptions): DiagnoseResult | null {
  if (options.reader === 'mailparser') return null;
  const { data, warnings, result } = prepare(source, input, options);
  if (result !== undefined) return result;
  // parseEmail tries the light reader first: when it reads the message (or
  // throws), parseEmail gives that same email (or rejects with that error).
  let email: BounceEmail | null;
  try {
    email = lightParse(data);
  } catch (err) {
    return unparsed(data, input, warnings, err);
  }
  if (email === null) return null;
  return diagnoseEmail(email, input, warnings);
}
