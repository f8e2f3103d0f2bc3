import type { BounceEmail, Candidate, DiagnoseResult } from './types';
import { parseSmtpLine } from './smtp/parse-smtp-line';
import { explainCandidate } from './explain';
import { extractCandidates } from './extract';
import { findAddresses, isSystemAddress } from './extract/address';
import { commandOf } from './extract/delivery-status';
import { excludedAddresses } from './extract/text-scan';
import { looksLikeBounce } from './email/looks-like-bounce';
import { header, parseEmail } from './email/parse-email';

// Guards (src/limits.ts): a message over MAX_MESSAGE_BYTES is cut before parsing;
// more than MAX_RECIPIENTS diagnoses or a reply text over MAX_DIAGNOSTIC_CHARS is cut after.
import { MAX_DIAGNOSTIC_CHARS, MAX_MESSAGE_BYTES, MAX_RECIPIENTS, MAX_SCAN_CHARS } from './limits';
export { MAX_MESSAGE_BYTES };

// Header names that open an email (or an mbox "From " line); a text that starts
// with anything else is treated as a pasted error line or log excerpt.
const FIRST_HEADERS =
  /^(?:from |return-path|received|delivered-to|x-[\w-]+|from|to|subject|date|message-id|mime-version|reply-to|sender|dkim-signature|arc-[\w-]+|authentication-results|envelope-to|auto-submitted|precedence|thread-[\w-]+|in-reply-to|references|cc|bcc|user-agent|list-[\w-]+|importance|errors-to|content-[\w-]+|status|priority|newsgroups|path|xref|organization|lines|nntp-posting-[\w-]+|resent-[\w-]+|comments|keywords|disposition-notification-to|mail-followup-to)\s*:?/i;

export interface DiagnoseOptions {
  /** Name of the input in the result: a path, "-" for stdin, "argv" for a string argument. */
  input?: string;
  /** "email" or "text" forces how the input is read; "auto" (default) decides from its first line. */
  kind?: 'auto' | 'email' | 'text';
}

/** Whether a text starts like an email (headers or an mbox "From " line) rather than an error line. */
export function looksLikeEmail(text: string): boolean {
  const start = text.replace(/^\s+/, '').slice(0, 200);
  const firstLine = start.split('\n', 1)[0] ?? '';
  if (firstLine.startsWith('From ')) return true;
  return FIRST_HEADERS.test(firstLine) && /^[\w-]+:/.test(firstLine) && /\n[\w-]+:|\n\n/.test(text.slice(0, 4096));
}

// "to=<a@example.com>" in a log line, else an address in angle brackets.
function recipientOfLine(text: string): string | null {
  const to = /\bto=<([^<>\s]{1,254})>/i.exec(text);
  if (to?.[1] !== undefined) return findAddresses(to[1])[0] ?? null;
  const bracketed = /<([^<>\s]{1,254}@[^<>\s]{1,254})>/.exec(text);
  if (bracketed?.[1] !== undefined) {
    const found = findAddresses(bracketed[1])[0];
    if (found !== undefined && !isSystemAddress(found)) return found;
  }
  return null;
}

/** Diagnoses a raw SMTP error string (or any text that is not an email). Synchronous, never loads mailparser. */
export function diagnoseText(text: string, input = 'argv'): DiagnoseResult {
  const reply = parseSmtpLine(text);
  if (reply.replyCode === null && reply.status === null) {
    return { input, isBounce: false, diagnoses: [], warnings: ['No SMTP reply code or enhanced status code found.'] };
  }
  const candidate: Candidate = {
    recipient: recipientOfLine(text),
    action: null,
    status: null,
    diagnostic: text.replace(/\s+/g, ' ').trim(),
    remoteMta: null,
    command: commandOf(text),
    // "line": a piped text that is not an email (a log excerpt), read like an argument.
    format: input === 'argv' ? 'argv' : 'line',
  };
  const warnings: string[] = [];
  return { input, isBounce: true, diagnoses: capCandidates([candidate], warnings).map(explainCandidate), warnings };
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
  const paragraphs = text.split(/\n[ \t]*\n/).map((p) => p.replace(/\s+/g, ' ').trim());
  const notice = paragraphs.filter((p) => p !== '').slice(0, 3).join(' ').slice(0, 1000);
  return {
    recipient,
    action: 'failed',
    status: null,
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
}

/** Cuts what one message may yield: at most MAX_RECIPIENTS candidates, reply texts of MAX_DIAGNOSTIC_CHARS. */
function capCandidates(candidates: readonly Candidate[], warnings: string[]): Candidate[] {
  if (candidates.length >= MAX_RECIPIENTS) {
    warnings.push(
      `The report lists ${MAX_RECIPIENTS} recipients or more, the most whybounce reads in one message (MAX_RECIPIENTS); any after them were skipped.`,
    );
  }
  const kept = candidates.slice(0, MAX_RECIPIENTS);
  if (!kept.some((c) => c.diagnostic.length > MAX_DIAGNOSTIC_CHARS)) return kept;
  warnings.push(
    `A server reply is longer than ${MAX_DIAGNOSTIC_CHARS} characters (MAX_DIAGNOSTIC_CHARS); only its start was kept.`,
  );
  return kept.map((c) =>
    c.diagnostic.length > MAX_DIAGNOSTIC_CHARS ? { ...c, diagnostic: `${c.diagnostic.slice(0, MAX_DIAGNOSTIC_CHARS)}…` } : c,
  );
}

async function diagnoseMessage(source: string | Buffer, input: string, options: DiagnoseOptions): Promise<DiagnoseResult> {
  const warnings: string[] = [];
  let data = source;
  if (data.length > MAX_MESSAGE_BYTES) {
    data = data.slice(0, MAX_MESSAGE_BYTES);
    warnings.push(`The input is larger than ${MAX_MESSAGE_BYTES} bytes; only the first part was read.`);
  }
  const kind = options.kind ?? 'auto';
  const head = typeof data === 'string' ? data.slice(0, 4096) : data.subarray(0, 4096).toString('latin1');
  if (kind === 'text' || (kind === 'auto' && !looksLikeEmail(head.replace(/\r\n?/g, '\n')))) {
    const result = diagnoseText(toText(data), input);
    return { ...result, warnings: [...warnings, ...result.warnings] };
  }
  let email: BounceEmail;
  try {
    email = await parseEmail(data);
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    const result = diagnoseText(toText(data), input);
    return { ...result, warnings: [...warnings, `The email could not be parsed (${why}); its text was scanned instead.`] };
  }
  warnings.push(...email.warnings);
  let candidates = extractCandidates(email);
  const isBounce = candidates.length > 0 || looksLikeBounce(email);
  if (candidates.length === 0 && isBounce) candidates = [fallbackCandidate(email)];
  if (!isBounce) warnings.push('This email is not a bounce: no delivery report and no SMTP error found.');
  return { input, isBounce, diagnoses: capCandidates(candidates, warnings).map(explainCandidate), warnings };
}
