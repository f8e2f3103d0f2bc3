// The whole pipeline for one input: the size guard, then the raw-string path
// (text.ts) or the email path (parse, then email.ts). The CLI loads this module
// on its first email only: the build makes it a bundle of its own,
// dist/diagnose.cjs (scripts/build.mjs).
import type { BounceEmail, DiagnoseResult } from '../types';
import { looksLikeEmail } from '../email/looks-like-email';
import { parseEmail } from '../email/parse-email';
import { lightParse } from '../email/light';
import { diagnoseText } from './text';
import { diagnoseEmail, scanCutWarning } from './email';
import type { IdentityOptions } from './identity';

// Guards (src/limits.ts): a message over MAX_MESSAGE_BYTES, or an email with
// more than MAX_MESSAGE_LINES line ends, is cut before parsing, and so is a text
// part over MAX_TEXT_PART_BYTES; text read back after an internal error is cut to MAX_SCAN_CHARS.
import { MAX_HEADER_BYTES, MAX_MESSAGE_BYTES, MAX_MESSAGE_LINES, MAX_MIME_PARTS, MAX_SCAN_CHARS, MAX_TEXT_PART_BYTES, SNIFF_BYTES } from '../limits';
import { cutTextParts } from '../email/cut-text-parts';

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
  /** Fields of the returned original to copy into each diagnosis (`headers`), by name (case-insensitive). */
  headers?: readonly string[];
  /** The mbox "From " line the message came after (its date is the last resort for `timestamp`). */
  fromLine?: string;
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

function toText(source: string | Buffer): string {
  return typeof source === 'string' ? source : source.toString('utf8');
}

function internalError(source: string | Buffer, input: string, err: unknown): DiagnoseResult {
  // Guard: a bug that hostile bytes trigger in one extractor must not end a
  // batch. The message is still read as plain text, and the warning says why
  // (the fuzz script reports every such warning as a crash to fix).
  const why = err instanceof Error ? err.message : String(err);
  const warning = `Internal error while reading this message (${why}); its text was scanned instead.`;
  try {
    const text = toText(source);
    const result = diagnoseText(text.slice(0, MAX_SCAN_CHARS), input);
    const cut = text.length > MAX_SCAN_CHARS ? [scanCutWarning()] : [];
    return { ...result, warnings: [warning, ...cut, ...result.warnings] };
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
    warnings.push(`The input is larger than ${MAX_MESSAGE_BYTES} bytes (MAX_MESSAGE_BYTES); only the first part was read.`);
  }
  const kind = options.kind ?? 'auto';
  const head = typeof data === 'string' ? data.slice(0, SNIFF_BYTES) : data.subarray(0, SNIFF_BYTES).toString('latin1');
  const lfHead = head.includes('\r') ? head.replace(/\r\n?/g, '\n') : head;
  if (kind === 'text' || (kind === 'auto' && !looksLikeEmail(lfHead))) {
    const result = diagnoseText(toText(data), input);
    return { data, warnings, result: { ...result, warnings: [...warnings, ...result.warnings] } };
  }
  const cut = afterLineEnds(data, MAX_MESSAGE_LINES);
  if (cut !== -1) {
    data = data.slice(0, cut);
    warnings.push(`The email has more than ${MAX_MESSAGE_LINES} lines (MAX_MESSAGE_LINES); only the first ones were read.`);
  }
  if (data.length > MAX_TEXT_PART_BYTES) {
    const cutParts = cutTextParts(typeof data === 'string' ? Buffer.from(data) : data);
    if (cutParts.cut) {
      data = cutParts.data;
      warnings.push(`A text part of the email is larger than ${MAX_TEXT_PART_BYTES} bytes (MAX_TEXT_PART_BYTES); only its start was read.`);
    }
  }
  return { data, warnings };
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * Where the text ends after its first `max` line ends (an LF, or a CR that no
 * LF follows: what toLf makes a line end), or -1 when it has no more than that.
 */
function afterLineEnds(data: string | Buffer, max: number): number {
  // Each line end is at least one byte (or character): a short text has few enough.
  if (data.length <= max) return -1;
  const codes = typeof data === 'string' ? null : data;
  const text = typeof data === 'string' ? data : '';
  const length = data.length;
  let count = 0;
  for (let i = 0; i < length; i++) {
    const c = codes === null ? text.charCodeAt(i) : codes[i];
    if (c !== LF && c !== CR) continue;
    if (c === CR && i + 1 < length && (codes === null ? text.charCodeAt(i + 1) : codes[i + 1]) === LF) i++;
    if (++count === max) return i + 1 < length ? i + 1 : -1;
  }
  return -1;
}

/** The warning of an email mailparser gave up on: its limits by their constant's name. */
function unparsedWarning(err: unknown): string {
  const why = err instanceof Error ? err.message : String(err);
  const scanned = 'its text was scanned instead.';
  if (why.includes('child nodes')) {
    return `The email has more than ${MAX_MIME_PARTS} MIME parts, or is nested as deep (MAX_MIME_PARTS); ${scanned}`;
  }
  if (why.includes('header size')) {
    return `A part of the email has a header block larger than ${MAX_HEADER_BYTES} bytes (MAX_HEADER_BYTES); ${scanned}`;
  }
  return `The email could not be parsed (${why}); ${scanned}`;
}

function unparsed(data: string | Buffer, input: string, warnings: string[], err: unknown): DiagnoseResult {
  const result = diagnoseText(toText(data), input);
  // The text scan's own warnings (MAX_REPLY_TEXT: only the start of the text is searched) follow.
  return { ...result, warnings: [...warnings, unparsedWarning(err), ...result.warnings] };
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
  return diagnoseEmail(email, input, warnings, data, identityOptions(options));
}

function identityOptions(options: DiagnoseOptions): IdentityOptions {
  return {
    ...(options.headers === undefined ? {} : { headers: options.headers }),
    ...(options.fromLine === undefined ? {} : { fromLine: options.fromLine }),
  };
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
  return diagnoseEmail(email, input, warnings, data, identityOptions(options));
}
