// Bodies: a part's content with its transfer encoding (base64, quoted-printable)
// undone.
import { decline } from './decline';
import type { Part } from './part';

export function transferDecode(buf: Buffer, part: Part): Buffer {
  const body = buf.subarray(part.bodyStart, part.bodyEnd);
  if (part.encoding === 'base64') return decodeBase64Body(body);
  if (part.encoding === 'quoted-printable') return decodeQuotedPrintable(body.toString('latin1'));
  return body;
}

/** Well-formed base64 only (padding at the very end); anything looser is left to mailparser's decoder. */
function decodeBase64Body(body: Buffer): Buffer {
  const text = body.toString('latin1').replace(/[^\d+/=a-z]/gi, '');
  if (text.length % 4 !== 0 || !/^[\d+/a-z]*={0,2}$/i.test(text)) decline('base64 not well formed');
  return Buffer.from(text, 'base64');
}

export function hexDigit(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0x41 && code <= 0x46) return code - 0x37;
  if (code >= 0x61 && code <= 0x66) return code - 0x57;
  return -1;
}

/** Quoted-printable as libqp decodes a whole body: trailing blanks and soft breaks dropped, =XX decoded. */
function decodeQuotedPrintable(latin1: string): Buffer {
  const text = latin1.replace(/(^|[^ \t])[ \t]+(?=[\n\r\u2028\u2029]|$)/g, '$1').replace(/[=](?:\r?\n|$)/g, '');
  const out = Buffer.allocUnsafe(text.length);
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 0x3d && i < text.length - 2) {
      const hi = hexDigit(text.charCodeAt(i + 1));
      const lo = hexDigit(text.charCodeAt(i + 2));
      if (hi >= 0 && lo >= 0) {
        out[n++] = hi * 16 + lo;
        i += 2;
        continue;
      }
    }
    out[n++] = code;
  }
  return out.subarray(0, n);
}
