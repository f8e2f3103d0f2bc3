import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  STATUS_CLASSES,
  STATUS_DETAILS,
  STATUS_SUBJECTS,
  isReplyCodeAssociated,
  lookupStatus,
  statusClassOf,
} from '../../src/smtp/status-codes';
import {
  REPLY_CATEGORIES,
  REPLY_CLASSES,
  REPLY_CODES,
  lookupReplyCode,
  replyClassOf,
} from '../../src/smtp/reply-codes';
import { SHARED } from '../helpers/paths';

// IANA's registry as a CSV, in the shared workspace beside the repository (absent in other clones).
function findRegistryCsv(): string | null {
  const file = path.join(SHARED, 'reference', 'smtp-enhanced-status-codes.csv');
  return existsSync(file) ? file : null;
}

// The registry CSV quotes titles that contain commas; nothing else needs handling.
function parseCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line.charAt(i);
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else field += ch;
  }
  fields.push(field);
  return fields;
}

interface RegistryRow {
  code: string;
  title: string;
  rfc: string;
}

function readRegistry(file: string): RegistryRow[] {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/).filter((line) => line.trim() !== '');
  return lines.slice(1).map((line) => {
    const [code = '', title = '', rfc = ''] = parseCsvLine(line);
    return { code, title, rfc };
  });
}

// Our rows write "RFC 3463"; the CSV writes "RFC3463".
function compactRfc(rfc: string): string {
  return rfc.replace(/RFC /g, 'RFC');
}

test('every IANA registry row has an entry with the same title and RFC', (t) => {
  const file = findRegistryCsv();
  if (file === null) {
    t.skip("../shared/reference/smtp-enhanced-status-codes.csv not found");
    return;
  }
  const rows = readRegistry(file);
  assert.equal(rows.length, 92, 'the registry copy should hold 92 rows');

  const detailKeys: string[] = [];
  for (const { code, title, rfc } of rows) {
    let entry: { title: string; rfc: string } | undefined;
    const classMatch = /^([245])\.XXX\.YYY$/.exec(code);
    const subjectMatch = /^X\.(\d+)\.YYY$/.exec(code);
    const detailMatch = /^X\.(\d+\.\d+)$/.exec(code);
    if (classMatch?.[1] !== undefined) {
      entry = (STATUS_CLASSES as Record<string, { title: string; rfc: string }>)[classMatch[1]];
    } else if (subjectMatch?.[1] !== undefined) {
      entry = (STATUS_SUBJECTS as Record<string, { title: string; rfc: string }>)[subjectMatch[1]];
    } else if (detailMatch?.[1] !== undefined) {
      detailKeys.push(detailMatch[1]);
      entry = (STATUS_DETAILS as Record<string, { title: string; rfc: string }>)[detailMatch[1]];
    } else {
      assert.fail(`unexpected registry code ${code}`);
    }
    assert.ok(entry, `${code} has no entry`);
    assert.equal(entry.title, title, `${code} title`);
    assert.equal(compactRfc(entry.rfc), rfc, `${code} rfc`);
  }
  // And nothing invented: our detail table is exactly the registry's codes.
  assert.deepEqual(Object.keys(STATUS_DETAILS).sort(), detailKeys.sort());
  assert.equal(detailKeys.length, 81);
});

test('IANA associated reply codes: ranges expanded, open entries left empty', () => {
  const cases: Array<[string, readonly number[]]> = [
    ['5.0', [220, 250, 251, 252, 253, 451, 452, 454, 458, 459, 501, 502, 503, 554]],
    ['5.4', [451, 501, 502, 503, 504, 550, 555]],
    ['1.10', [556]],
    ['3.2', [453, 521]],
    ['0.0', []], // "Any"
    ['7.17', []], // "5XX"
    ['6.10', []],
  ];
  for (const [key, expected] of cases) {
    const row = (STATUS_DETAILS as Record<string, { replyCodes: readonly number[] }>)[key];
    assert.deepEqual(row?.replyCodes, expected, key);
  }
});

test('every associated reply code has its own reply-code row', () => {
  for (const [key, row] of Object.entries(STATUS_DETAILS)) {
    for (const reply of row.replyCodes) {
      assert.ok(lookupReplyCode(reply)?.known, `X.${key} names ${reply}, which has no row`);
    }
  }
});

test('lookupStatus on registered codes', () => {
  assert.deepEqual(lookupStatus('5.1.1'), {
    code: '5.1.1',
    known: true,
    class: { digit: '5', title: 'Permanent Failure', meaning: STATUS_CLASSES['5'].meaning },
    subject: { digit: '1', title: 'Addressing Status', meaning: STATUS_SUBJECTS['1'].meaning },
    detail: {
      title: 'Bad destination mailbox address',
      meaning: STATUS_DETAILS['1.1'].meaning,
      rfc: 'RFC 3463',
      replyCodes: [451, 550],
    },
    summary: STATUS_DETAILS['1.1'].meaning,
  });
  const cases: Array<[string, string, string]> = [
    ['5.1.10', 'Recipient address has null MX', 'RFC 7505; RFC 7504'],
    ['4.7.30', 'REQUIRETLS support required', 'RFC 8689'],
    ['2.6.4', 'Conversion with loss performed', 'RFC 3463'],
    ['4.6.10', '(deprecated: duplicate of X.6.8)', 'RFC 6531'],
  ];
  for (const [code, title, rfc] of cases) {
    const info = lookupStatus(code);
    assert.equal(info?.known, true, code);
    assert.equal(info.detail?.title, title, code);
    assert.equal(info.detail.rfc, rfc, code);
  }
});

test('lookupStatus fallbacks and invalid inputs', () => {
  // [input, known, subject title, detail title, summary]
  const cases: Array<[string, boolean, string, string | null, string]> = [
    [
      '5.7.999',
      false,
      'Security or Policy Status',
      null,
      "5.7.999: permanent failure, security or policy problem (this exact code is not in the IANA registry; it is the receiving server's own).",
    ],
    [
      '4.9.1',
      false,
      'unknown subject 9',
      null,
      "4.9.1: transient failure (neither subject 9 nor this exact code is in the IANA registry; they are the receiving server's own).",
    ],
    [
      '2.1.99',
      false,
      'Addressing Status',
      null,
      "2.1.99: success, addressing status (this exact code is not in the IANA registry; it is the receiving server's own).",
    ],
    // Strings, not numbers: 5.1.10 must not be read as 5.1.1, nor 5.1.01 as 5.1.1.
    ['5.1.10', true, 'Addressing Status', 'Recipient address has null MX', STATUS_DETAILS['1.10'].meaning],
    ['5.1.1', true, 'Addressing Status', 'Bad destination mailbox address', STATUS_DETAILS['1.1'].meaning],
    [
      '5.1.01',
      false,
      'Addressing Status',
      null,
      "5.1.01: permanent failure, addressing problem (this exact code is not in the IANA registry; it is the receiving server's own).",
    ],
  ];
  for (const [code, known, subjectTitle, detailTitle, summary] of cases) {
    const info = lookupStatus(code);
    assert.ok(info, code);
    assert.equal(info.code, code);
    assert.equal(info.known, known, code);
    assert.equal(info.subject.title, subjectTitle, code);
    assert.equal(info.detail?.title ?? null, detailTitle, code);
    assert.equal(info.summary, summary, code);
  }
  assert.equal(lookupStatus('4.9.1')?.class.title, 'Persistent Transient Failure');

  const invalid = [
    ...['6.1.1', '1.1.1', '3.0.0', '5.1', '5.1.1.1', '5.1.', '5..1', '5.1000.1', '5.1.1000'],
    ...[' 5.1.1', '5.1.1 ', '5.1.1\n', 'X.1.1', '5,1,1', ''],
  ];
  for (const code of invalid) {
    assert.equal(lookupStatus(code), null, JSON.stringify(code));
    assert.equal(statusClassOf(code), null, JSON.stringify(code));
  }
});

test('statusClassOf reads the first digit', () => {
  const cases: Array<[string, string]> = [
    ['2.0.0', 'success'],
    ['4.4.7', 'transient'],
    ['5.1.1', 'permanent'],
    ['5.9.999', 'permanent'],
  ];
  for (const [code, expected] of cases) assert.equal(statusClassOf(code), expected, code);
});

test('isReplyCodeAssociated follows the IANA column', () => {
  const cases: Array<[string, number, boolean | null]> = [
    ['5.1.1', 550, true],
    ['5.1.1', 554, false],
    ['5.1.10', 556, true],
    ['5.1.10', 550, false],
    ['2.5.0', 252, true], // from the expanded 250–253 range
    ['5.5.4', 504, true], // from the expanded 501–504 range
    ['4.7.15', 450, true],
    ['4.7.15', 451, true], // IANA allows other 4XX/5XX for X.7.15
    ['4.7.15', 250, false],
    ['5.0.0', 550, null], // "Any"
    ['5.7.17', 550, null], // "5XX"
    ['5.1.2', 550, null], // "Not given"
    ['5.7.999', 550, null], // not registered
    ['6.1.1', 550, null], // not a status code
  ];
  for (const [status, reply, expected] of cases) {
    assert.equal(isReplyCodeAssociated(status, reply), expected, `${status} + ${reply}`);
  }
});

const REQUIRED_REPLY_CODES = [
  // RFC 5321
  211, 214, 220, 221, 250, 251, 252, 354, 421, 450, 451, 452, 455, 500, 501, 502, 503, 504, 550, 551, 552, 553, 554, 555,
  // RFC 7504
  521, 556,
  // RFC 4954
  235, 334, 432, 454, 530, 534, 535, 538,
  // RFC 1985, RFC 2645
  253, 458, 459, 453,
  // only in IANA's associated-code column
  422, 430, 523, 524, 525, 533,
];

test('every standard reply code has a known entry with a meaning', () => {
  for (const code of REQUIRED_REPLY_CODES) {
    const info = lookupReplyCode(code);
    assert.ok(info, String(code));
    assert.equal(info.known, true, String(code));
    assert.equal(info.code, code);
    assert.ok(info.title.length > 0, `${code} title`);
    assert.ok(info.meaning.length > 0, `${code} meaning`);
  }
  assert.equal(Object.keys(REPLY_CODES).length, REQUIRED_REPLY_CODES.length);
});

test('reply code nuances are encoded', () => {
  const cases: Array<[number, string | null, RegExp]> = [
    [552, 'RFC 5321; RFC 1870', /too many recipients.*temporary.*452/],
    [452, 'RFC 5321', /too many recipients|more recipients/],
    [554, 'RFC 5321', /connection opened.*no mail service/],
    [521, 'RFC 7504', /server does not accept email/],
    [556, 'RFC 7504', /domain does not accept email/],
    [430, null, /non-standard/],
    [533, null, /non-standard/],
  ];
  for (const [code, rfc, pattern] of cases) {
    const info = lookupReplyCode(code);
    assert.equal(info?.rfc, rfc, String(code));
    assert.match(info.meaning, pattern, String(code));
  }
});

test('lookupReplyCode fallbacks and invalid inputs', () => {
  const cases: Array<[number, { known: boolean; title: string; rfc: string | null } | null]> = [
    [557, { known: false, title: '5xx permanent failure, x5x mail system', rfc: null }],
    [471, { known: false, title: '4xx transient failure, x7x undefined category', rfc: null }],
    [299, { known: false, title: '2xx success, x9x undefined category', rfc: null }],
    [301, { known: false, title: '3xx intermediate, x0x syntax', rfc: null }],
    [441, { known: false, title: '4xx transient failure, x4x unspecified', rfc: null }],
    [550, { known: true, title: 'Requested action not taken: mailbox unavailable', rfc: 'RFC 5321' }],
    [199, null],
    [600, null],
    [55, null],
    [0, null],
    [-550, null],
    [550.5, null],
    [Number.NaN, null],
    [Number.POSITIVE_INFINITY, null],
  ];
  for (const [code, expected] of cases) {
    const info = lookupReplyCode(code);
    if (expected === null) {
      assert.equal(info, null, String(code));
      assert.equal(replyClassOf(code), null, String(code));
      continue;
    }
    assert.ok(info, String(code));
    assert.deepEqual({ known: info.known, title: info.title, rfc: info.rfc }, expected, String(code));
  }
  assert.equal(
    lookupReplyCode(557)?.meaning,
    `557 is not a standard SMTP reply code, so only its digits can be read. ${REPLY_CLASSES['5'].meaning}`,
  );
});

test('replyClassOf reads the first digit; 3xx counts as success', () => {
  const cases: Array<[number, string]> = [
    [250, 'success'],
    [354, 'success'],
    [421, 'transient'],
    [471, 'transient'],
    [550, 'permanent'],
    [599, 'permanent'],
  ];
  for (const [code, expected] of cases) assert.equal(replyClassOf(code), expected, String(code));
});

test('meanings are distinct full sentences', () => {
  const meanings: Array<[string, string]> = [
    ...Object.entries(STATUS_CLASSES).map(([k, row]): [string, string] => [`status class ${k}`, row.meaning]),
    ...Object.entries(STATUS_SUBJECTS).map(([k, row]): [string, string] => [`status subject ${k}`, row.meaning]),
    ...Object.entries(STATUS_DETAILS).map(([k, row]): [string, string] => [`status X.${k}`, row.meaning]),
    ...Object.entries(REPLY_CODES).map(([k, row]): [string, string] => [`reply ${k}`, row.meaning]),
    ...Object.entries(REPLY_CLASSES).map(([k, row]): [string, string] => [`reply class ${k}`, row.meaning]),
    ...Object.entries(REPLY_CATEGORIES).map(([k, row]): [string, string] => [`reply category ${k}`, row.meaning]),
  ];
  const seen = new Map<string, string>();
  for (const [name, meaning] of meanings) {
    assert.match(meaning, /^[A-Z0-9].*\.$/s, `${name} should be a sentence ending with a period`);
    const earlier = seen.get(meaning);
    assert.equal(earlier, undefined, `${name} repeats the meaning of ${earlier}`);
    seen.set(meaning, name);
  }
  assert.equal(seen.size, 3 + 8 + 81 + REQUIRED_REPLY_CODES.length + 4 + 6);
});
