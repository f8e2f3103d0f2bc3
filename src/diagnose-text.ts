// The raw-string half of the pipeline: an SMTP error text (a command-line
// argument, a log line) diagnosed without any of the email readers. It is its
// own module so that the CLI can answer a raw string without loading the email
// path (extractors, MIME readers), which is built as a separate, lazily loaded
// bundle (scripts/build.mjs, docs/performance.md).
import type { Candidate, DiagnoseResult } from './types';
import { parseSmtpLine } from './smtp/parse-smtp-line';
import { explainCandidate } from './explain';
import { findAddresses, isSystemAddress } from './extract/address';
import { commandOf } from './extract/delivery-status';

// Guards (src/limits.ts): more than MAX_RECIPIENTS diagnoses or a reply text
// over MAX_DIAGNOSTIC_CHARS is cut.
import { MAX_DIAGNOSTIC_CHARS, MAX_RECIPIENTS } from './limits';
import { foldSpaces } from './fold-spaces';
import { startsLikeEmail } from './input/header-syntax';

/** Whether a text starts like an email (headers or an mbox "From " line) rather than an error line. */
export function looksLikeEmail(text: string): boolean {
  return startsLikeEmail(text);
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
    diagnostic: foldSpaces(text).trim(),
    remoteMta: null,
    command: commandOf(text),
    // "line": a piped text that is not an email (a log excerpt), read like an argument.
    format: input === 'argv' ? 'argv' : 'line',
  };
  const warnings: string[] = [];
  return { input, isBounce: true, diagnoses: capCandidates([candidate], warnings).map(explainCandidate), warnings };
}

/** Cuts what one message may yield: at most MAX_RECIPIENTS candidates, reply texts of MAX_DIAGNOSTIC_CHARS. */
export function capCandidates(candidates: readonly Candidate[], warnings: string[]): Candidate[] {
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

