// Whether a text starts like an email, told by the syntax of its header lines
// (RFC 5322 §2.2 and §3.6.8), not by a list of header names: any field name is
// printable ASCII but ":" and space, so "Delivery-date:", "Feedback-ID:" or a
// name no list holds opens an email just like "Received:". Pure (no Node
// modules): the raw-string path loads it too.

// A field: its name, then ":" (obsolete syntax allows blanks before the colon).
const FIELD = /^[\x21-\x39\x3b-\x7e]+[ \t]*:/;

/** The bytes of a UTF-8 byte order mark, read as Latin-1 or as UTF-8. */
const BOM = /^(?:\uFEFF|\xEF\xBB\xBF)/;

/**
 * Whether `text` (the start of an input, LF line ends) starts like an email or
 * an mbox rather than an error line or a log excerpt: an mbox "From " line, or
 * a header block of at least two fields (folded lines allowed) that ends with
 * the blank line before a body, or that runs on to the end of the text and
 * fills at least half of `window`, the size of the start of an input that is
 * sniffed (so a first header longer than that still counts). A BOM and blank
 * lines before it are passed over.
 */
export function startsLikeEmail(text: string, window = 4096): boolean {
  let pos = BOM.exec(text)?.[0].length ?? 0;
  while (pos < text.length && /\s/.test(text.charAt(pos))) pos++;
  if (text.startsWith('From ', pos)) return true;
  const start = pos;
  let fields = 0;
  while (pos < text.length) {
    const nl = text.indexOf('\n', pos);
    const end = nl === -1 ? text.length : nl;
    const first = text.charAt(pos);
    if (end === pos) return fields >= 2; // the blank line after the header block
    if (nl === -1) {
      // A last line without its end may be cut short, so it is judged only when
      // it is the first: a first header longer than the whole text.
      if (fields === 0 && FIELD.test(text.slice(pos, pos + 1000))) fields = 1;
      break;
    }
    if (first === ' ' || first === '\t') {
      // A folded line goes on with the field above.
      if (fields === 0) return false;
    } else if (FIELD.test(text.slice(pos, Math.min(end, pos + 1000)))) {
      fields++;
    } else {
      return false;
    }
    pos = nl + 1;
  }
  // The text ended inside the header block: an email if the header block fills
  // most of a window cut from a longer input (a first header over 4 KB). The
  // window is in bytes and the text may have lost its CRs, hence "half".
  return fields >= 1 && text.length - start >= window / 2;
}
