// The raw-string path: an SMTP error text (a command-line argument, a log
// line) diagnosed without any of the email readers. It is its own module so
// that the CLI can answer a raw string without loading the email path
// (extractors, MIME readers), which is built as a separate, lazily loaded
// bundle (scripts/build.mjs, docs/performance.md).
import type { Candidate, DiagnoseResult } from '../types';
import { parseSmtpLine } from '../smtp/parse-smtp-line';
import { commandOf } from '../smtp/commands';
import { findAddresses, isSystemAddress } from '../text/addresses';
import { foldSpaces } from '../text/fold-spaces';
import { finishDiagnoses } from './finish';
import { MAX_REPLY_TEXT } from '../limits';

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
  // Guard (MAX_REPLY_TEXT): parseSmtpLine searched only the start of a longer text.
  const warnings: string[] =
    text.length > MAX_REPLY_TEXT
      ? [`The text is longer than ${MAX_REPLY_TEXT} characters (MAX_REPLY_TEXT); only its start was searched for codes.`]
      : [];
  if (reply.replyCode === null && reply.status === null) {
    return { input, isBounce: false, diagnoses: [], warnings: [...warnings, 'No SMTP reply code or enhanced status code found.'] };
  }
  const candidate: Candidate = {
    recipient: recipientOfLine(text),
    action: null,
    statusField: null,
    diagnostic: foldSpaces(text).trim(),
    remoteMta: null,
    command: commandOf(text),
    // "line": a piped text that is not an email (a log excerpt), read like an argument.
    format: input === 'argv' ? 'argv' : 'line',
  };
  return { input, isBounce: true, diagnoses: finishDiagnoses([candidate], warnings), warnings };
}
