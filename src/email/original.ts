// The header fields of the returned original message: from a
// text/rfc822-headers or message/global-headers part, the header block of a
// message/rfc822 part, or, when the bounce has neither, a header block quoted
// in the notice's own text (qmail, Exim and many others paste the original
// below the notice). Shared by both readers (finish-email.ts): each passes
// its own decoder of RFC 2047 encoded words, so the values are what that
// reader would give for a Subject.
import type { OriginalHeaders } from '../types';
import { MAX_FIELD_VALUE_CHARS, MAX_ORIGINAL_FIELDS, MAX_ORIGINAL_HEADER_CHARS, MAX_QUOTED_HEADERS_SEARCH } from '../limits';

// Guards (src/limits.ts): at most MAX_ORIGINAL_HEADER_CHARS of a header block
// are read, MAX_ORIGINAL_FIELDS fields kept, each value cut to
// MAX_FIELD_VALUE_CHARS, and a notice's text is searched for quoted headers
// only in its first MAX_QUOTED_HEADERS_SEARCH characters.

/** A line that names a message (Message-ID, Received, From), perhaps quoted: where a quoted block can start. */
const NAMING_LINE = /^[ \t>]{0,8}(?:message-id|received|from):/im;

// Literal pieces of those names (both cases; "From:" in its usual spellings),
// found by a plain search before the regex runs: most notices have none.
const NAMING_HINTS = ['eceived:', 'ECEIVED:', 'essage-I', 'essage-i', 'ESSAGE-I', 'From:', 'FROM:', 'from:'];

/** A header line: a field name (printable ASCII but ":" and space, RFC 5322 §3.6.8), a colon. */
const FIELD_LINE = /^([\x21-\x39\x3b-\x7e]{1,76}):/;

// Fields that tell a quoted block is a message's header: a block is taken as
// the original only with two of these, one of them naming the message
// (Message-ID, Received or From), so a notice's own "Subject:" line is not.
const MESSAGE_FIELDS = new Set(['message-id', 'received', 'from']);
const KNOWN_FIELDS = new Set([
  ...MESSAGE_FIELDS,
  'to', 'subject', 'date', 'return-path', 'list-id', 'mime-version', 'content-type', 'reply-to', 'cc', 'sender',
  'x-mailer', 'list-unsubscribe', 'dkim-signature', 'delivered-to',
]);

/** The length of the field name a header line starts with (printable ASCII up to a colon); 0 when it is not one. */
function nameLength(text: string, start: number, end: number): number {
  const last = Math.min(end, start + 77);
  for (let i = start; i < last; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3a) return i > start ? i - start : 0;
    if (c < 0x21 || c > 0x7e) return 0;
  }
  return 0;
}

/**
 * The fields of a header block (`text` up to its first empty line, or `end`): lower-case names,
 * values unfolded, trimmed and decoded. Read line by line in place, without
 * a regex or an array of lines: every returned message of a batch comes here.
 */
function fieldsOf(text: string, end: number, decode: (text: string) => string): Map<string, string[]> {
  const fields = new Map<string, string[]>();
  let name: string | null = null;
  let value = '';
  let count = 0;
  const flush = (): void => {
    if (name === null) return;
    const trimmed = value.trim();
    const decoded = trimmed.includes('=?') ? decode(trimmed) : trimmed;
    const kept = decoded.length > MAX_FIELD_VALUE_CHARS ? decoded.slice(0, MAX_FIELD_VALUE_CHARS) : decoded;
    const list = fields.get(name);
    if (list === undefined) fields.set(name, [kept]);
    else list.push(kept);
    name = null;
  };
  for (let start = 0; start < end; ) {
    const newline = text.indexOf('\n', start);
    const stop = newline === -1 || newline > end ? end : newline;
    const first = text.charCodeAt(start);
    // An empty or blank line ends the block.
    if (stop === start) break;
    if (first === 0x20 || first === 0x09) {
      const more = text.slice(start, stop).trim();
      if (more === '') break;
      if (name !== null && value.length < MAX_FIELD_VALUE_CHARS * 2) value += ` ${more}`;
    } else {
      flush();
      const length = nameLength(text, start, stop);
      if (length > 0) {
        if (++count > MAX_ORIGINAL_FIELDS) break;
        name = text.slice(start, start + length).toLowerCase();
        value = text.slice(start + length + 1, stop);
      }
    }
    start = stop + 1;
  }
  flush();
  return fields;
}

/** The start of a returned header block: past blank lines and an mbox "From " line. */
function blockStart(text: string): number {
  let start = 0;
  for (;;) {
    const newline = text.indexOf('\n', start);
    const line = newline === -1 ? text.slice(start) : text.slice(start, newline);
    if (newline === -1 || (line.trim() !== '' && !line.startsWith('From '))) return start;
    start = newline + 1;
  }
}

/** The prefix that quotes a line ("> ", spaces), and the line without it. */
function quotePrefix(line: string): string {
  let i = 0;
  while (i < line.length && i < 8 && (line[i] === ' ' || line[i] === '\t' || line[i] === '>')) i++;
  return line.slice(0, i);
}

/**
 * A header block quoted in a notice's text: the first run of header lines (all
 * with one quoting prefix) that names a message. Null when there is none.
 */
function quotedBlock(text: string): string[] | null {
  // One search first: most notices quote no message, and splitting their
  // text into lines to find that out would cost a batch several percent.
  const head = text.slice(0, MAX_QUOTED_HEADERS_SEARCH);
  if (!NAMING_HINTS.some((hint) => head.includes(hint))) return null;
  const start = NAMING_LINE.exec(head);
  if (start === null) return null;
  // The block may start a few fields earlier (Return-Path, Date): from the paragraph's start.
  const paragraph = head.lastIndexOf('\n\n', start.index);
  const lines = head.slice(paragraph === -1 ? 0 : paragraph + 2).split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const prefix = quotePrefix(line);
    const m = FIELD_LINE.exec(line.slice(prefix.length));
    if (m === null || !KNOWN_FIELDS.has((m[1] ?? '').toLowerCase())) continue;
    const run: string[] = [];
    let known = 0;
    let names = false;
    let j = i;
    for (; j < lines.length && run.length < MAX_ORIGINAL_FIELDS * 4; j++) {
      const next = lines[j] ?? '';
      if (!next.startsWith(prefix)) break;
      const rest = next.slice(prefix.length);
      if (rest.startsWith(' ') || rest.startsWith('\t')) {
        if (run.length === 0 || rest.trim() === '') break;
        run.push(rest);
        continue;
      }
      const f = FIELD_LINE.exec(rest);
      if (f === null) break;
      const field = (f[1] ?? '').toLowerCase();
      if (KNOWN_FIELDS.has(field)) known++;
      if (MESSAGE_FIELDS.has(field)) names = true;
      run.push(rest);
    }
    if (known >= 2 && names) return run;
    // Not a header block: go on after the run.
    i = Math.max(i, j - 1);
  }
  return null;
}

/**
 * The original's header fields. `attached` is the header text of the returned
 * message when the bounce carries it as a part; else `text` (the notice) is
 * searched for a quoted header block. Null when there is no original at all.
 */
export function readOriginal(
  attached: string | null,
  text: string,
  decode: (text: string) => string,
): OriginalHeaders | null {
  if (attached !== null) {
    const from = blockStart(attached);
    const block = from === 0 ? attached : attached.slice(from);
    const fields = fieldsOf(block, Math.min(block.length, MAX_ORIGINAL_HEADER_CHARS), decode);
    if (fields.size > 0) return { source: 'attached', fields };
  }
  const quoted = quotedBlock(text);
  if (quoted === null) return null;
  const block = quoted.join('\n');
  return { source: 'quoted', fields: fieldsOf(block, block.length, decode) };
}
