// The charsets the light reader follows, each decoded to the very text that
// libmime (mailparser's decoder) gives; any other charset declines.
//
//   UTF-8            as UTF-8
//   windows-1252     (also US-ASCII and ISO-8859-1, which libmime reads as windows-1252)
//   UTF-7            libmime refuses to decode it (it can smuggle markup past
//                    filters) and reads the bytes as UTF-8, and so does this reader
//   ISO-8859-15      Latin-1 with eight letters and signs changed
//   ISO-2022-JP      the JIS X 0208 text of Japanese mail, through Node's
//                    TextDecoder, for the shapes where it and libmime's decoder
//                    (encoding-japanese) agree; without escape sequences, as
//                    UTF-8 when it is well formed
import { isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';
import { decline } from './decline';

export interface Charset {
  /** libmime's normalized name: adjacent encoded words are joined only when these are equal. */
  readonly key: string;
  decode(bytes: Buffer): string;
}

// iconv-lite's windows-1252 for 0x80–0x9F (libmime reads ISO-8859-1 and US-ASCII as windows-1252 too).
const CP1252_HIGH =
  '\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd' +
  '\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178';

export function decodeCp1252(bytes: Buffer): string {
  return bytes.toString('latin1').replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH.charAt(c.charCodeAt(0) - 0x80));
}

// ISO-8859-15 is ISO-8859-1 but for these eight code points (the euro sign,
// Š š Ž ž Œ œ Ÿ in place of ¤ ¦ ¨ ´ ¸ ¼ ½ ¾).
const LATIN9_CHANGES: Readonly<Record<string, string>> = {
  '\xa4': '\u20ac',
  '\xa6': '\u0160',
  '\xa8': '\u0161',
  '\xb4': '\u017d',
  '\xb8': '\u017e',
  '\xbc': '\u0152',
  '\xbd': '\u0153',
  '\xbe': '\u0178',
};

function decodeLatin9(bytes: Buffer): string {
  return bytes.toString('latin1').replace(/[\xa4\xa6\xa8\xb4\xb8\xbc-\xbe]/g, (c) => LATIN9_CHANGES[c] ?? c);
}

const ESC = 0x1b;
// JIS X 0208 codes (lead × 256 + trail) that encoding-japanese leaves
// undecoded ("?") where TextDecoder maps them: nine NEC row 13 signs that
// repeat math symbols of row 2, and one IBM extension.
const JIS_DIFFERENT = new Set([0x2d70, 0x2d71, 0x2d72, 0x2d75, 0x2d76, 0x2d77, 0x2d7a, 0x2d7b, 0x2d7c, 0x7c7b]);

// The JIS X 0208 codes whose mapping to Unicode differs between the tables
// in use (JIS, CP932, Apple's), with the code points encoding-japanese gives:
// a TextDecoder that maps any of them otherwise (another Node, another ICU)
// is not used, and ISO-2022-JP declines.
const JIS_PROBE = Buffer.from([
  ...[ESC, 0x24, 0x42],
  ...[0x21, 0x31, 0x21, 0x40, 0x21, 0x41, 0x21, 0x42, 0x21, 0x43, 0x21, 0x5d, 0x21, 0x6f, 0x21, 0x71],
  ...[0x21, 0x72, 0x22, 0x4c, 0x2d, 0x21, 0x2d, 0x62, 0x2d, 0x6a, 0x79, 0x21, 0x7c, 0x7e],
  ...[ESC, 0x28, 0x42],
]);
const JIS_PROBE_TEXT = '\uffe3\uff3c\uff5e\u2225\uff5c\uff0d\uffe5\uffe0\uffe1\uffe2\u2460\u2116\u3231\u7e8a\uff02';

let jisDecoder: TextDecoder | null | undefined;

/** Node's ISO-2022-JP decoder (fatal), or null when there is none (Node without ICU) or it maps the probe otherwise. */
function jisTextDecoder(): TextDecoder | null {
  if (jisDecoder !== undefined) return jisDecoder;
  try {
    const decoder = new TextDecoder('iso-2022-jp', { fatal: true });
    jisDecoder = decoder.decode(JIS_PROBE) === JIS_PROBE_TEXT ? decoder : null;
  } catch {
    jisDecoder = null;
  }
  return jisDecoder;
}

/**
 * ISO-2022-JP (RFC 1468) as encoding-japanese decodes it, for text that
 * switches only between ASCII (ESC ( B), JIS X 0208 (ESC $ B, ESC $ @) and
 * half-width katakana (ESC ( I), with nothing but character bytes in the two
 * latter modes (a line break inside them, JIS-Roman, JIS X 0212, 8-bit bytes
 * and SO/SI decline). TextDecoder (fatal) then reads it; codes the two
 * decoders map differently, and codes neither defines, decline too. An escape
 * sequence right after another one is an error to TextDecoder but not to
 * encoding-japanese (it comes from joined encoded words: "…ESC ( B" then
 * "ESC $ B…"); the first of the two switches nothing, so it is dropped.
 */
function decodeIso2022Jp(bytes: Buffer): string {
  if (!bytes.includes(ESC)) {
    // No escape sequence: encoding-japanese hands the bytes to its UTF-8
    // decoder, which reads well-formed UTF-8 as UTF-8 (mail labelled
    // ISO-2022-JP but written in UTF-8); anything else declines.
    return isUtf8(bytes) ? bytes.toString('utf8') : decline('ISO-2022-JP: 8-bit bytes that are not UTF-8');
  }
  let mode: 'ascii' | 'jis' | 'kana' = 'ascii';
  // Where the escape sequences that switch nothing start.
  const unused: number[] = [];
  let lastEscape = -1;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] ?? 0;
    if (b === ESC) {
      const b1 = bytes[i + 1];
      const b2 = bytes[i + 2];
      if (b1 === 0x28 && b2 === 0x42) mode = 'ascii';
      else if (b1 === 0x24 && (b2 === 0x42 || b2 === 0x40)) mode = 'jis';
      else if (b1 === 0x28 && b2 === 0x49) mode = 'kana';
      else decline('ISO-2022-JP: escape sequence');
      if (lastEscape !== -1 && lastEscape === i - 3) unused.push(lastEscape);
      lastEscape = i;
      i += 2;
    } else if (mode === 'ascii') {
      if (b >= 0x80 || b === 0x0e || b === 0x0f) decline('ISO-2022-JP: 8-bit or SO/SI byte');
    } else if (mode === 'kana') {
      if (b < 0x21 || b > 0x5f) decline('ISO-2022-JP: katakana byte');
    } else {
      const trail = bytes[i + 1] ?? 0;
      if (b < 0x21 || b > 0x7e || trail < 0x21 || trail > 0x7e) decline('ISO-2022-JP: JIS X 0208 byte');
      if (JIS_DIFFERENT.has(b * 256 + trail)) decline('ISO-2022-JP: code decoded differently');
      i++;
    }
  }
  const decoder = jisTextDecoder() ?? decline('ISO-2022-JP: no TextDecoder that maps as encoding-japanese does');
  try {
    return decoder.decode(unused.length === 0 ? bytes : withoutEscapes(bytes, unused));
  } catch {
    // Codes that no table defines, an escape sequence right after another.
    return decline('ISO-2022-JP: not decoded');
  }
}

/** The bytes without the three-byte escape sequences that start at `starts` (in order). */
function withoutEscapes(bytes: Buffer, starts: readonly number[]): Buffer {
  const pieces: Buffer[] = [];
  let from = 0;
  for (const start of starts) {
    pieces.push(bytes.subarray(from, start));
    from = start + 3;
  }
  pieces.push(bytes.subarray(from));
  return Buffer.concat(pieces);
}

const utf8 = (bytes: Buffer): string => bytes.toString('utf8');

const UTF8: Charset = { key: 'UTF-8', decode: utf8 };
const CP1252: Charset = { key: 'windows-1252', decode: decodeCp1252 };
const LATIN9: Charset = { key: 'ISO-8859-15', decode: decodeLatin9 };

// Each name as libmime's normalizeCharset names it (its key), lower-cased and trimmed first.
const CHARSETS = new Map<string, Charset>([
  ['utf-8', UTF8],
  ['utf8', UTF8],
  ['unicode-1-1-utf-8', UTF8],
  ...['us-ascii', 'ascii', 'iso-8859-1', 'iso8859-1', 'iso_8859-1', 'iso88591', 'latin1', 'l1', 'windows-1252', 'cp1252', 'x-cp1252'].map(
    (name): [string, Charset] => [name, CP1252],
  ),
  ['utf-7', { key: 'UTF-7', decode: utf8 }],
  ['utf7', { key: 'UTF-7', decode: utf8 }],
  ['unicode-1-1-utf-7', { key: 'UNICODE-1-1-UTF-7', decode: utf8 }],
  ...['iso-8859-15', 'iso8859-15', 'iso_8859-15', 'iso885915', 'l9', 'csisolatin9'].map((name): [string, Charset] => [name, LATIN9]),
  ['iso-2022-jp', { key: 'ISO-2022-JP', decode: decodeIso2022Jp }],
]);

/** The charset of that name, as libmime reads it; declines any other. */
export function charsetOf(name: string): Charset {
  const lower = name.toLowerCase().trim();
  return CHARSETS.get(lower) ?? decline(`charset ${lower}`);
}
