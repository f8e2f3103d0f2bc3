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
 * the blank line before a body, or runs on to the end of the text when the
 * text is a cut window (`window`: the start of a longer input, so a first
 * header over the window's size still counts). A BOM and blank lines before
 * it are passed over.
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
    if (first === ' ' || first === '\t') {
      // A folded line goes on with the field above.
      if (fields === 0) return false;
    } else if (FIELD.test(text.slice(pos, Math.min(end, pos + 1000)))) {
      fields++;
    } else {
      return false;
    }
    if (nl === -1) break;
    pos = nl + 1;
  }
  // The text ended inside the header block: an email if the text is a window cut
  // from a longer input that the header block fills (a first header over 4 KB).
  return fields >= 1 && text.length >= window && text.length - start > window / 2;
}
