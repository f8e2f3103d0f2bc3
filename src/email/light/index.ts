// A light, synchronous MIME reader for the common shape of a bounce.
//
// mailparser (parse-email.ts) is the reader of record: this one exists only
// because mailparser costs ~85 ms to load and ~290 µs a message, more than the
// rest of the pipeline together (docs/performance.md). It returns exactly the
// BounceEmail that mailparser gives — it follows mailparser 3.14.2 and the
// splitter and decoder it pins (@zone-eu/mailsplit 5.4.30, libmime 5.6.4) rule
// by rule — or null as soon as it meets anything it does not handle, and
// mailparser then reads the message as before. test/email/light-parse.test.ts
// checks the two agree on the fixtures (test/fixtures, and the parity fixtures
// in test/email/fixtures) and, when it is next to the project, on the shared
// corpus. package.json pins mailparser to that exact version: run that test
// again before moving it.
//
// Handled: header blocks with folding; RFC 2047 encoded words in Subject and
// From; multipart/* split by boundary, nested up to LIGHT_MAX_DEPTH; text
// parts in 7bit, 8bit, quoted-printable or base64, format=flowed included;
// text and encoded words in UTF-8, US-ASCII, ISO-8859-1, windows-1252,
// ISO-8859-15, ISO-2022-JP or UTF-7 (which mailparser reads as UTF-8), see
// charsets.ts;
// message/delivery-status, message/global-delivery-status, text/rfc822-headers,
// message/feedback-report; message/rfc822 (only its header block is read, the
// returned body is never decoded); any other part is skipped without decoding.
// Declined (null): other charsets (and ISO-2022-JP text that is not clean
// 7-bit JIS), HTML that mailparser would turn into text,
// comments or RFC 2231 in MIME parameters, parts with no blank line after their
// headers, odd dispositions, malformed base64, and any of the LIGHT_MAX_*
// limits (src/limits.ts). A forwarded bounce (message/rfc822 holding a
// report) is read one level deep, as parse-email.ts has mailparser read it.
//
// The steps, one module each: split-parts.ts walks the MIME tree (part.ts is
// its node), part-headers.ts reads each part's header block (header-lines.ts,
// header-params.ts), part-content.ts decodes what is kept (transfer-encoding.ts,
// flowed.ts, charsets.ts), subject.ts and from.ts read the top-level headers
// (encoded-words.ts); a step that meets a shape it does not follow calls
// decline(reason) (decline.ts). This file puts the message together.
import type { BounceEmail } from '../../types';
import { DSN_TYPES, finishEmail, isEmbeddedReport, type PartView } from '../finish-email';
import { decline, DECLINED } from './decline';
import { fromOf } from './from';
import type { Part } from './part';
import { partView, textContentOf } from './part-content';
import { transferDecode } from './transfer-encoding';
import { splitParts } from './split-parts';
import { subjectOf } from './subject';
import { decodeWords } from './encoded-words';

/** Reads a raw email like parseEmail does with mailparser, or returns null to leave it to mailparser. */
export function lightParse(raw: Buffer | string): BounceEmail | null {
  const buf = typeof raw === 'string' ? Buffer.from(raw) : raw;
  try {
    return readMessage(buf, raw);
  } catch (err) {
    if (err === DECLINED) return null;
    throw err;
  }
}

/** Why the light reader leaves a message to mailparser, or null when it reads it (for the benches). */
export function lightDeclineReason(raw: Buffer | string): string | null {
  return lightParse(raw) === null ? DECLINED.reason : null;
}

const TEXT_TYPES = new Set(['text/plain', 'text/html']);


/** A message's leaf parts as mailparser sorts them: the text of its inline text parts, and its attachments. */
interface ReadParts {
  root: Part;
  texts: string[];
  attachments: PartView[];
  /** The part of each attachment, in the same order. */
  attachmentParts: Part[];
}

function readParts(buf: Buffer): ReadParts {
  const parts = splitParts(buf);
  const root = parts[0];
  if (root === undefined) decline('no part');
  const attachments: PartView[] = [];
  const attachmentParts: Part[] = [];
  const texts: string[] = [];
  const htmlParts: { part: Part; inAlternative: boolean }[] = [];
  let hasText = false;
  for (const part of parts) {
    if (part.multipart) continue;
    const type = part.contentType;
    const disposition = part.disposition;
    if (disposition !== '' && disposition !== 'attachment' && disposition !== 'inline') decline(`disposition ${disposition}`);
    const inline = TEXT_TYPES.has(type) && (disposition === '' || disposition === 'inline');
    if (!inline) {
      // mailparser renames application/octet-stream after the file's extension.
      if (type === 'application/octet-stream' && part.hasFilename) decline('octet-stream with a file name');
      attachments.push(partView(buf, part));
      attachmentParts.push(part);
      continue;
    }
    if (type === 'text/plain') {
      hasText = true;
      const text = textContentOf(buf, part);
      if (text !== '') texts.push(text);
    } else {
      htmlParts.push({ part, inAlternative: hasAncestor(part, 'multipart/alternative') });
    }
  }
  // mailparser turns HTML into text when it stands beside text parts (not as an
  // alternative of one), or is the whole message: html-to-text is not followed here.
  for (const { part, inAlternative } of htmlParts) {
    const converted = (!inAlternative && hasText) || (part.parent === null && !hasText);
    if (converted && part.bodyEnd > part.bodyStart) decline('HTML to text');
  }
  return { root, texts, attachments, attachmentParts };
}

/**
 * The delivery-status parts of a forwarded bounce (the first attached message
 * that is itself a report), read as parse-email.ts has mailparser read them:
 * the attached message parsed as a message of its own, one level deep.
 */
function embeddedDeliveryStatus(buf: Buffer, read: ReadParts): string[] {
  const at = read.attachments.findIndex(isEmbeddedReport);
  const part = read.attachmentParts[at];
  if (part === undefined) return [];
  // isEmbeddedReport read the part's header block, which declines a base64 or quoted-printable body.
  const inner = readParts(transferDecode(buf, part));
  return inner.attachments.filter((a) => DSN_TYPES.has(a.contentType)).map((a) => a.text());
}

function readMessage(buf: Buffer, raw: Buffer | string): BounceEmail {
  const read = readParts(buf);
  const { root, texts, attachments } = read;
  const hasDsn = attachments.some((a) => DSN_TYPES.has(a.contentType));
  return finishEmail(
    {
      headerLines: root.lines,
      subject: subjectOf(root.lines),
      from: fromOf(root.lines),
      text: texts.join('\n'),
      attachments,
      contentType: root.contentType,
      decodeWords,
    },
    raw,
    hasDsn ? [] : embeddedDeliveryStatus(buf, read),
  );
}

function hasAncestor(part: Part, type: string): boolean {
  for (let p = part.parent; p !== null; p = p.parent) if (p.contentType === type) return true;
  return false;
}
