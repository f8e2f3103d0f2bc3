// RFC 2047 encoded words ("=?charset?B|Q?...?=") in Subject and From.

// The one place a thrown error is a decision: libmime's decoding steps run as
// regex callbacks, and a charset the reader does not follow stops the whole read.
import { charsetOf } from './charsets';
import { hexDigit } from './transfer-encoding';

/** libmime's decodeWord for the followed charsets. */
function decodeWord(charset: string, encoding: string, text: string): string {
  const star = charset.indexOf('*');
  const decoder = charsetOf(star === -1 ? charset : charset.slice(0, star));
  let bytes: Buffer;
  if (encoding.toUpperCase() === 'Q') {
    const utf8 = Buffer.from(text.replace(/=\s+([\da-f])/gi, '=$1').replace(/[_\s]/g, ' '));
    const out: number[] = [];
    for (let i = 0; i < utf8.length; i++) {
      const c = utf8[i] ?? 0;
      if (i <= utf8.length - 2 && c === 0x3d) {
        const hi = hexDigit(utf8[i + 1] ?? -1);
        const lo = hexDigit(utf8[i + 2] ?? -1);
        if (hi >= 0 && lo >= 0) {
          out.push(hi * 16 + lo);
          i += 2;
          continue;
        }
      }
      out.push(c);
    }
    bytes = Buffer.from(out);
  } else {
    bytes = decodeBase64Word(text);
  }
  return decoder.decode(bytes);
}

/** libbase64's decode: a string of several padded segments is decoded segment by segment. */
function decodeBase64Word(text: string): Buffer {
  const clean = /[\u0100-\uffff]/.test(text) ? text.replace(/[\u0100-\uffff]+/g, '') : text;
  const pad = clean.indexOf('=');
  if (pad === -1 || !/[\w+/-]/.test(clean.slice(pad))) return Buffer.from(clean, 'base64');
  const out = Buffer.alloc(Math.floor((clean.length * 3) / 4));
  let length = 0;
  for (let start = 0; start <= clean.length; ) {
    let end = clean.indexOf('=', start);
    if (end < 0) end = clean.length;
    if (end > start) length += out.write(clean.substring(start, end), length, 'base64');
    start = end + 1;
  }
  return Buffer.from(out.subarray(0, length));
}

/** libmime's decodeWords: adjacent encoded words of one charset are joined before decoding. */
export function decodeWords(text: string): string {
  if (!text.includes('=?')) return text;
  const sameFamily = (left: string, right: string): boolean => charsetOf(left).key === charsetOf(right).key;
  // libmime marks the joins with this NUL-framed word; it is kept so that results match byte for byte.
  const join = '__\0JOIN\0__';
  return text
    .replace(/(=\?([^?]+)\?b\?[^?]*\?=)\s*(?==\?([^?]+)\?b\?[^?]*\?=)/gi, (match, left: string, a: string, b: string) =>
      sameFamily(a, b) ? `${left}${join}` : match,
    )
    .replace(/(=\?([^?]+)\?q\?[^?]*\?=)\s*(?==\?([^?]+)\?q\?[^?]*\?=)/gi, (match, left: string, a: string, b: string) =>
      sameFamily(a, b) ? `${left}${join}` : match,
    )
    .replace(/(?:\?=)?__\0JOIN\0__(?:=\?[^?]+\?[bq]\?)?/gi, '')
    .replace(/(=\?[^?]+\?[bq]\?[^?]*\?=)\s+(?==\?[^?]+\?[bq]\?[^?]*\?=)/gi, '$1')
    .replace(/=\?([\w*-]+)\?([bq])\?([^?]*)\?=/gi, (_m, charset: string, encoding: string, payload: string) =>
      decodeWord(charset, encoding, payload),
    );
}
