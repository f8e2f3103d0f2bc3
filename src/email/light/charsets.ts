// The charsets the light reader follows (the UTF-8 and windows-1252 families);
// any other declines.
import { decline } from './decline';

// iconv-lite's windows-1252 for 0x80–0x9F (libmime reads ISO-8859-1 and US-ASCII as windows-1252 too).
const CP1252_HIGH =
  '\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd' +
  '\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178';

export function decodeCp1252(bytes: Buffer): string {
  return bytes.toString('latin1').replace(/[\x80-\x9f]/g, (c) => CP1252_HIGH.charAt(c.charCodeAt(0) - 0x80));
}

// The charset names libmime maps to UTF-8 and to windows-1252 that this reader follows.
const UTF8_NAMES = new Set(['utf-8', 'utf8']);
const CP1252_NAMES = new Set([
  'us-ascii',
  'ascii',
  'iso-8859-1',
  'iso8859-1',
  'iso_8859-1',
  'iso88591',
  'latin1',
  'l1',
  'windows-1252',
  'cp1252',
  'x-cp1252',
]);

/** libmime's canonical name for the charsets followed here; declines any other. */
export function charsetFamily(charset: string): 'utf-8' | 'windows-1252' {
  const name = charset.toLowerCase().trim();
  if (UTF8_NAMES.has(name)) return 'utf-8';
  if (CP1252_NAMES.has(name)) return 'windows-1252';
  return decline();
}
