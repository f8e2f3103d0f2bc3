// What the message keeps of a part's content: the text of an inline text part,
// and for any other part a view whose text and header block are read on demand.
import { headerBlock, toLf, type PartView } from '../finish-email';
import { charsetOf } from './charsets';
import { decline } from './decline';
import { unwrapFlowed } from './flowed';
import { CR, LF, type Part } from './part';
import { transferDecode } from './transfer-encoding';

/** An inline text/plain part as mailparser's textContent: transfer-decoded, unflowed, charset-decoded, LF-only. */
export function textContentOf(buf: Buffer, part: Part): string {
  let bytes = transferDecode(buf, part);
  if ((part.params.format ?? '').toLowerCase().trim() === 'flowed') {
    const delSp = (part.params.delsp ?? '').toLowerCase().trim() === 'yes';
    bytes = Buffer.from(unwrapFlowed(bytes.toString('latin1'), delSp), 'latin1');
  }
  const charset = part.params.charset ?? '';
  // mailparser reads ASCII and UTF-8 (and no charset) as UTF-8, and hands every other name to libmime.
  const plain = charset === '' || ['ascii', 'usascii', 'utf8'].includes(charset.toLowerCase().replace(/[^a-z0-9]+/g, ''));
  const text = plain ? bytes.toString('utf8') : charsetOf(charset).decode(bytes);
  return text.includes('\r') ? text.replace(/\r?\n/g, '\n') : text;
}

/** Whether bytes [start, end) hold a CR that is not the first half of a CRLF. */
function hasLoneCr(buf: Buffer, start: number, end: number): boolean {
  for (let at = buf.indexOf(CR, start); at !== -1 && at < end; at = buf.indexOf(CR, at + 1)) {
    if (at + 1 >= end || buf[at + 1] !== LF) return true;
  }
  return false;
}

/**
 * The header block of a returned message, read from its raw bytes without
 * decoding its body: the same text as headerBlock() of the whole part, which
 * cuts at the first empty line once line ends are made LF.
 */
function returnedHeaderBlock(buf: Buffer, part: Part): string {
  if (part.encoding === 'base64' || part.encoding === 'quoted-printable') decline(`returned message in ${part.encoding}`);
  const { bodyStart: start, bodyEnd: end } = part;
  // The first line end followed by another one ("\n\n", "\n\r\n").
  let at = buf.indexOf(LF, start);
  while (at !== -1 && at + 1 < end && buf[at + 1] !== LF && buf[at + 1] !== CR) at = buf.indexOf(LF, at + 1);
  const cut = at !== -1 && at + 1 < end ? at + 1 : end;
  // A lone CR is a line end to toLf: it could make an earlier empty line.
  if (hasLoneCr(buf, start, cut)) decline('returned message: lone CR in its headers');
  return headerBlock(buf.toString('utf8', start, cut));
}

export function partView(buf: Buffer, part: Part): PartView {
  let text: string | undefined;
  let header: string | undefined;
  return {
    contentType: part.contentType,
    ...(part.disposition === '' ? {} : { contentDisposition: part.disposition }),
    text: () => (text ??= toLf(transferDecode(buf, part).toString('utf8'))),
    headerBlock: () => (header ??= returnedHeaderBlock(buf, part)),
  };
}
