import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { Chalk } from 'chalk';
import { diagnose } from '../../src/pipeline/diagnose';
import { parseSmtpLine } from '../../src/smtp/parse-smtp-line';
import { renderJson, renderNdjsonLine, toJsonRecord } from '../../src/render/json';
import { renderText } from '../../src/render/text';
import { escapeJsonText, sanitizeForTerminal, sanitizeInline } from '../../src/render/sanitize';
import type { DiagnoseResult, Diagnosis } from '../../src/types';

// Property tests: for any input, no throw, no hang, nothing raw on a terminal.
// Run counts stay small so that `npm test` stays fast; `npm run fuzz` is the
// long version (100,000 mutated fixtures).

const FIXTURES = join(__dirname, '..', 'fixtures');
const plain = new Chalk({ level: 0 });
const colour = new Chalk({ level: 3 });

// What must never reach a terminal raw: C0 but \t and \n, DEL, C1, bidi controls.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
// Our own colour codes (chalk's SGR sequences), the only escapes allowed in coloured output.
const SGR = /\u001b\[[0-9;]*m/g;

// Pieces that break parsers and terminals, mixed with pieces of real bounces.
const NASTY = [
  '\u001b[2J',
  '\u001b]0;owned\u0007',
  '\u001b]8;;https://evil.example/\u0007link\u001b]8;;\u0007',
  '\u001bP1;2|x\u001b\\',
  '\u009b31m',
  '\r',
  '\b\b\b',
  '\u0000',
  '\u007f',
  '\u0085',
  '\u202e',
  '\u2066',
  '\u200f',
  '\u2028',
  '\ufeff',
  '\t',
  '\n',
  '\r\n',
  '\ud800',
];
const BOUNCE_BITS = [
  '550 5.1.1 ',
  '550-5.1.1 ',
  '421 4.7.0 ',
  '5.7.1',
  '<user@example.net>',
  'user@example.net',
  'Diagnostic-Code: smtp; ',
  'Final-Recipient: rfc822; ',
  'Status: 5.1.1\n',
  'Action: failed\n',
  '\n\n',
  '--b\n',
  'Content-Type: message/delivery-status\n\n',
  'said: ',
  '(in reply to RCPT TO command)',
];
const piece = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'binary-ascii', maxLength: 40 }),
  fc.constantFrom(...NASTY),
  fc.constantFrom(...BOUNCE_BITS),
);
/** A text a stranger could have written: any code points, control sequences and bounce fragments. */
const hostileText = fc.array(piece, { maxLength: 24 }).map((parts) => parts.join(''));

const DSN_SKELETON = (a: string, b: string, c: string, d: string): string =>
  [
    'From: Mail Delivery System <MAILER-DAEMON@mx.example.org>',
    `Subject: Undelivered Mail ${a}`,
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="b"',
    '',
    '--b',
    'Content-Type: text/plain',
    '',
    b,
    '--b',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.example.org',
    '',
    `Final-Recipient: rfc822; ${c}`,
    'Action: failed',
    'Status: 5.1.1',
    `Diagnostic-Code: smtp; ${d}`,
    '--b--',
    '',
  ].join('\n');
/** An email-shaped input: a DSN whose subject, text, recipient and diagnostic are hostile. */
const hostileEmail = fc.tuple(hostileText, hostileText, hostileText, hostileText).map(([a, b, c, d]) => DSN_SKELETON(a, b, c, d));

const fixtures = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.eml'))
  .map((f) => readFileSync(join(FIXTURES, f)));
/** A fixture with bytes overwritten, cut or inserted. */
const mutatedFixture = fc
  .tuple(fc.constantFrom(...fixtures), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 20 }), fc.nat())
  .map(([fixture, edits, cut]) => {
    const out = Buffer.from(fixture);
    for (const [at, byte] of edits) if (out.length > 0) out[at % out.length] = byte;
    return cut % 4 === 0 ? out.subarray(0, cut % (out.length + 1)) : out;
  });

function assertTerminalSafe(result: DiagnoseResult): void {
  const text = renderText(result, plain);
  assert.doesNotMatch(text, UNSAFE, 'plain text output holds a raw control character');
  const coloured = renderText(result, colour);
  assert.doesNotMatch(coloured.replace(SGR, ''), UNSAFE, 'coloured output holds an escape that is not our own SGR');
}

function assertJsonSafe(result: DiagnoseResult): void {
  const json = renderJson([result]);
  assert.doesNotMatch(json, UNSAFE, 'JSON output holds a raw control character');
  // Escaping is lossless: the parsed JSON is the record itself.
  assert.deepEqual(JSON.parse(json), JSON.parse(JSON.stringify(toJsonRecord(result))));
  const line = renderNdjsonLine(result);
  assert.equal(line.indexOf('\n'), line.length - 1, 'an NDJSON record is one line');
  assert.doesNotMatch(line, UNSAFE);
}

function assertWellFormed(result: DiagnoseResult): void {
  assert.equal(typeof result.isBounce, 'boolean');
  assert.ok(Array.isArray(result.diagnoses));
  assert.ok(result.warnings.every((w) => typeof w === 'string'));
  const internal = result.warnings.find((w) => w.startsWith('Internal error'));
  assert.equal(internal, undefined, 'an extractor threw');
  for (const d of result.diagnoses) {
    assert.ok(d.replyCode === null || (Number.isInteger(d.replyCode) && d.replyCode >= 200 && d.replyCode <= 599));
    assert.ok(d.status === null || /^[245]\.\d{1,3}\.\d{1,3}$/.test(d.status), String(d.status));
  }
}

test('parseSmtpLine: any string gives codes or nulls, never a throw', () => {
  fc.assert(
    fc.property(fc.oneof(hostileText, fc.string({ unit: 'binary', maxLength: 400 })), (text) => {
      const r = parseSmtpLine(text);
      assert.ok(r.replyCode === null || (r.replyCode >= 200 && r.replyCode <= 559));
      assert.ok(r.status === null || /^[245]\.\d{1,3}\.\d{1,3}$/.test(r.status));
      assert.equal(typeof r.text, 'string');
    }),
    { numRuns: 500 },
  );
});

test('diagnose: any string, email-shaped text or byte buffer gives a result, never a throw', async () => {
  const anyInput = fc.oneof(
    hostileText,
    hostileEmail,
    mutatedFixture,
    fc.uint8Array({ maxLength: 2000 }).map((a) => Buffer.from(a)),
  );
  await fc.assert(
    fc.asyncProperty(anyInput, async (input) => {
      const result = await diagnose(input, { input: 'prop' });
      assertWellFormed(result);
    }),
    { numRuns: 300 },
  );
});

test('renderers: whatever a bounce holds, text output has no raw control character and JSON escapes them', async () => {
  await fc.assert(
    fc.asyncProperty(fc.oneof(hostileEmail, hostileText), async (input) => {
      const result = await diagnose(input, { input: 'prop' });
      assertTerminalSafe(result);
      assertJsonSafe(result);
    }),
    { numRuns: 200 },
  );
});

// Every field of a result that carries a stranger's text, overwritten with hostile text.
function poison(result: DiagnoseResult, texts: readonly string[]): DiagnoseResult {
  let i = 0;
  const next = (): string => texts[i++ % texts.length] ?? '';
  const diagnoses = result.diagnoses.map(
    (d): Diagnosis => ({
      ...d,
      recipient: next(),
      diagnostic: next(),
      remoteMta: next(),
      feedbackType: next(),
      warnings: [next(), next()],
    }),
  );
  return { ...result, input: next(), diagnoses, warnings: [next(), next()] };
}

const realResults = Promise.all(fixtures.map((f, i) => diagnose(f, { input: `fixture-${i}` })));

test('renderers: hostile text in every bounce-borne field of real results stays escaped', async () => {
  const results = await realResults;
  fc.assert(
    fc.property(fc.constantFrom(...results), fc.array(hostileText, { minLength: 1, maxLength: 8 }), (result, texts) => {
      const poisoned = poison(result, texts);
      assertTerminalSafe(poisoned);
      assertJsonSafe(poisoned);
    }),
    { numRuns: 300 },
  );
});

test('sanitizers: no unsafe character survives, inline output is one line, JSON escaping round-trips', () => {
  fc.assert(
    fc.property(hostileText, (text) => {
      assert.doesNotMatch(sanitizeForTerminal(text), UNSAFE);
      const inline = sanitizeInline(text);
      assert.doesNotMatch(inline, UNSAFE);
      assert.doesNotMatch(inline, /[\n\t]/);
      const json = escapeJsonText(JSON.stringify(text));
      assert.doesNotMatch(json, UNSAFE);
      assert.equal(JSON.parse(json), text);
    }),
    { numRuns: 1000 },
  );
});

test('sanitizers: examples shown escaped, as a reader would see them', () => {
  const rows: [string, string][] = [
    ['safe\rEVIL', 'safe\\u000dEVIL'],
    ['\u001b[31mred', '\\u001b[31mred'],
    ['a\u202eevil', 'a\\u202eevil'],
    ['bell\u0007', 'bell\\u0007'],
    ['\u009b2J', '\\u009b2J'],
    ['tab\tand\nnewline', 'tab\tand\nnewline'],
  ];
  for (const [input, expected] of rows) assert.equal(sanitizeForTerminal(input), expected);
});
