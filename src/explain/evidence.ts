// The pieces every step of an explanation uses to write its evidence: quotes
// of the input cut to size, and the name of where the text was read.
import type { Candidate, Evidence } from '../types';
import { foldSpaces } from '../text/fold-spaces';
import { EVIDENCE_CONTEXT_AFTER, EVIDENCE_CONTEXT_BEFORE, MAX_EVIDENCE_QUOTE } from '../limits';

/** A piece of the input on one line, cut to MAX_EVIDENCE_QUOTE. */
export function quote(text: string): string {
  const one = foldSpaces(text).trim();
  return one.length > MAX_EVIDENCE_QUOTE ? `${one.slice(0, MAX_EVIDENCE_QUOTE - 1)}…` : one;
}

/** The stretch of the diagnostic around a code, for quoting. */
export function lineWith(text: string, token: string): string {
  const at = text.indexOf(token);
  if (at === -1) return text.slice(0, EVIDENCE_CONTEXT_AFTER);
  const start = Math.max(0, at - EVIDENCE_CONTEXT_BEFORE);
  const end = Math.min(text.length, at + token.length + EVIDENCE_CONTEXT_AFTER);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}

/** Where the diagnostic text came from, in the words of its format. */
export function textSource(c: Candidate): string {
  if (c.format === 'argv') return 'command-line argument';
  if (c.format === 'rfc3464' || c.format.startsWith('rfc')) return 'Diagnostic-Code field';
  return 'server reply';
}

/** The first evidence of every diagnosis: which extractor read it, for whom. */
export function readingEvidence(c: Candidate): Evidence {
  return {
    about: 'input',
    source: `${c.format} extractor`,
    input: c.recipient,
    note: c.recipient === null ? 'read one failure; the recipient is not named' : `read the failure for ${c.recipient}`,
  };
}
