import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MailParser } from 'mailparser';
import { charsetOf } from '../../src/email/light/charsets';
import { DECLINED } from '../../src/email/light/decline';
import { decodeWords } from '../../src/email/light/encoded-words';

// The light reader's charsets against mailparser's own decoder (the libmime
// instance every MailParser keeps): for each byte string, the light reader
// gives the same text or declines. Encoded words reach the charset decoders
// the way text bodies do (libmime decodes both with the same function).

type DecodeWords = (text: string) => string;
const libmime = (new MailParser() as unknown as { libmime: { decodeWords: DecodeWords } }).libmime;

/** The light reader's decoding of a text, or null when it declines. */
function light(read: () => string): string | null {
  try {
    return read();
  } catch (err) {
    if (err === DECLINED) return null;
    throw err;
  }
}

const word = (charset: string, bytes: Buffer): string => `=?${charset}?B?${bytes.toString('base64')}?=`;

const ALL_BYTES = Buffer.from(Array.from({ length: 256 }, (_, i) => i));

// Every name the light reader follows, with one it must decline beside each
// family that libmime reads differently from what the name suggests.
const FOLLOWED = [
  'utf-8',
  'UTF8',
  'unicode-1-1-utf-8',
  'us-ascii',
  'ascii',
  'ISO-8859-1',
  'iso8859-1',
  'iso_8859-1',
  'iso88591',
  'latin1',
  'l1',
  'windows-1252',
  'cp1252',
  'x-cp1252',
  'utf-7',
  'utf7',
  'unicode-1-1-utf-7',
  'ISO-8859-15',
  'iso8859-15',
  'iso_8859-15',
  'iso885915',
  'l9',
  'csisolatin9',
];

for (const name of FOLLOWED) {
  test(`charset ${name}: every byte decodes as mailparser decodes it`, () => {
    const text = word(name, ALL_BYTES);
    assert.equal(light(() => decodeWords(text)), libmime.decodeWords(text));
  });
}

test('charsets libmime reads otherwise than their name says, or not at all, decline', () => {
  // libmime reads "latin9" as windows-1254 and "csiso2022jp" as UTF-8.
  for (const name of ['latin9', 'latin-9', 'csiso2022jp', 'koi8-r', 'shift_jis', 'x-unknown']) {
    assert.equal(light(() => charsetOf(name).decode(Buffer.from('x'))), null, name);
  }
});

test('adjacent encoded words are joined when libmime joins them (same normalized name), not otherwise', () => {
  const e = Buffer.from([0xe9]);
  const halves = Buffer.from('\xc3', 'latin1');
  for (const text of [
    `${word('iso-8859-15', e)} ${word('ISO8859-15', Buffer.from([0xa4]))}`,
    `${word('utf-7', halves)} ${word('unicode-1-1-utf-7', Buffer.from([0xa9]))}`,
    `${word('utf-7', halves)} ${word('utf7', Buffer.from([0xa9]))}`,
    `${word('iso-8859-15', e)} ${word('iso-8859-1', e)}`,
    `${word('ISO-2022-JP', Buffer.from('\x1b$B0!\x1b(B', 'latin1'))} ${word('iso-2022-jp', Buffer.from('\x1b$B0"\x1b(B', 'latin1'))}`,
  ]) {
    assert.equal(light(() => decodeWords(text)), libmime.decodeWords(text), text);
  }
});

const ESC_ASCII = [0x1b, 0x28, 0x42];
const jis = (...bytes: number[]): string => word('ISO-2022-JP', Buffer.from(bytes));

test('ISO-2022-JP: every JIS X 0208 code decodes as mailparser decodes it, or declines', () => {
  let read = 0;
  let total = 0;
  for (const escape of [0x42, 0x40]) {
    for (let lead = 0x21; lead <= 0x7e; lead++) {
      for (let trail = 0x21; trail <= 0x7e; trail++) {
        const text = jis(0x41, 0x1b, 0x24, escape, lead, trail, ...ESC_ASCII, 0x42);
        const ours = light(() => decodeWords(text));
        total++;
        if (ours === null) continue;
        read++;
        assert.equal(ours, libmime.decodeWords(text), `${lead.toString(16)}${trail.toString(16)}`);
      }
    }
  }
  // Most of the table (JIS X 0208 defines 6,879 characters) is read.
  assert.ok(read > total * 0.7, `only ${read} of ${total} codes read`);
});

test('ISO-2022-JP: katakana and ASCII bytes decode as mailparser decodes them, or decline', () => {
  for (let b = 0; b < 0x100; b++) {
    for (const text of [jis(0x1b, 0x28, 0x49, b, ...ESC_ASCII), jis(0x41, b, 0x41)]) {
      const ours = light(() => decodeWords(text));
      if (ours !== null) assert.equal(ours, libmime.decodeWords(text), b.toString(16));
    }
  }
});

test('ISO-2022-JP: the shapes the two decoders read differently decline', () => {
  for (const [name, bytes] of [
    ['JIS-Roman (yen sign)', [0x1b, 0x28, 0x4a, 0x5c, ...ESC_ASCII]],
    ['JIS X 0212', [0x1b, 0x24, 0x28, 0x44, 0x30, 0x21, ...ESC_ASCII]],
    ['a line break inside JIS X 0208', [0x1b, 0x24, 0x42, 0x30, 0x21, 0x0a, 0x30, 0x21, ...ESC_ASCII]],
    ['an 8-bit byte', [0x41, 0xe9, 0x41]],
    ['UTF-8 beside an escape sequence', [0xc3, 0xa9, 0x1b, 0x24, 0x42, 0x30, 0x21, ...ESC_ASCII]],
    ['half a JIS X 0208 code', [0x1b, 0x24, 0x42, 0x30, ...ESC_ASCII]],
    ['a NEC sign decoded as "?" by encoding-japanese', [0x1b, 0x24, 0x42, 0x2d, 0x70, ...ESC_ASCII]],
  ] as const) {
    const text = jis(...bytes);
    assert.notEqual(libmime.decodeWords(text), '', name);
    assert.equal(light(() => decodeWords(text)), null, name);
  }
});

test('ISO-2022-JP without escape sequences: well-formed UTF-8 decodes as mailparser decodes it, other 8-bit bytes decline', () => {
  let seed = 1205;
  const random = (n: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  // Code point ranges: controls, ASCII, Latin, the rest of the BMP (no surrogates), BOM and non-characters, astral planes.
  const ranges = [[0x00, 0x1a], [0x1c, 0x7f], [0x80, 0x7ff], [0x800, 0xd7ff], [0xe000, 0xffff], [0x10000, 0x10ffff]] as const;
  for (let n = 0; n < 5000; n++) {
    let text = '';
    for (let k = random(8); k >= 0; k--) {
      const [low, high] = ranges[random(ranges.length)] ?? [0x41, 0x41];
      text += String.fromCodePoint(low + random(high - low + 1));
    }
    const encoded = word('ISO-2022-JP', Buffer.from(text));
    assert.equal(light(() => decodeWords(encoded)), libmime.decodeWords(encoded), JSON.stringify(text));
  }
  for (const bytes of [[0x41, 0xe9, 0x41], [0x82, 0xa0], [0xc3], [0xed, 0xa0, 0x80]]) {
    assert.equal(light(() => decodeWords(jis(...bytes))), null, Buffer.from(bytes).toString('hex'));
  }
});

test('ISO-2022-JP: seeded random byte strings decode as mailparser decodes them, or decline', () => {
  let seed = 20261205;
  const random = (n: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  // Escape sequences (known, unknown, cut), line ends, ASCII, JIS X 0208 codes (common, NEC, undefined), 8-bit and control bytes.
  const pieces = [
    [0x1b, 0x28, 0x42],
    [0x1b, 0x24, 0x42],
    [0x1b, 0x24, 0x40],
    [0x1b, 0x28, 0x49],
    [0x1b, 0x28, 0x4a],
    [0x1b],
    [0x0a],
    [0x0d, 0x0a],
    [0x41],
    [0x20],
    [0x5c],
    [0x30, 0x21],
    [0x24, 0x22],
    [0x2d, 0x21],
    [0x2d, 0x70],
    [0x22, 0x2f],
    [0x31],
    [0xe9],
    [0x0e],
    [0x00],
  ];
  let read = 0;
  for (let n = 0; n < 20_000; n++) {
    const bytes: number[] = [];
    for (let k = random(10); k >= 0; k--) bytes.push(...(pieces[random(pieces.length)] ?? []));
    const text = jis(...bytes);
    const ours = light(() => decodeWords(text));
    if (ours === null) continue;
    read++;
    assert.equal(ours, libmime.decodeWords(text), Buffer.from(bytes).toString('hex'));
  }
  assert.ok(read > 2000, `only ${read} read`);
});
