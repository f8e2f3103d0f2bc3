import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnose } from '../../src/pipeline/diagnose';
import { diagnoseText } from '../../src/pipeline/text';
import { sisimaiToken, toSisimaiRecord, type SisimaiRecord } from '../../src/render/sisimai';
import type { Diagnosis } from '../../src/types';

function first(diagnoses: readonly Diagnosis[]): Diagnosis {
  const d = diagnoses[0];
  assert.ok(d !== undefined);
  return d;
}

// `--sisimai`, field by field, against what Sisimai documents each field to
// hold (notes/ANCHORS.md §1c; docs/sisimai.md says where ours differs).
const FIXTURE = join(__dirname, '..', 'pipeline', 'fixtures', 'rfc822-verp-arrival.eml');

// [field, expected value, Sisimai's documented meaning: why this value]
const FIELDS: [keyof SisimaiRecord, unknown, string][] = [
  ['timestamp', Date.UTC(2026, 10, 10, 7, 30, 9) / 1000, 'the bounce date as epoch seconds (Arrival-Date 08:30:09 +0100)'],
  ['timezoneoffset', '+0100', 'the zone of that date'],
  ['origin', 'bounce.eml', 'the input it was read from'],
  ['addresser', 'bounces+jane=example.com@news.example.org', 'the original sender, the address the bounce went back to'],
  ['senderdomain', 'news.example.org', "the addresser's domain"],
  ['recipient', 'jane@example.com', 'the failed address'],
  ['destination', 'example.com', "the recipient's domain"],
  ['alias', '', 'the address the recipient was expanded from: none'],
  ['action', 'failed', 'the RFC 3464 Action'],
  ['replycode', '550', 'the SMTP reply code, as a string'],
  ['deliverystatus', '5.1.1', 'the enhanced status code'],
  ['smtpcommand', 'RCPT', 'the SMTP command answered (Sisimai 4 name)'],
  ['command', 'RCPT', 'the same (Sisimai 5 name)'],
  ['reason', 'userunknown', 'the reason id'],
  ['diagnosticcode', '550 5.1.1 <jane@example.com>: Recipient address rejected: User unknown in virtual mailbox table', 'the error text'],
  ['diagnostictype', 'SMTP', 'the type of that text'],
  ['feedbacktype', '', 'the ARF Feedback-Type: not a complaint'],
  ['feedbackid', '', 'the ARF feedback id: not a complaint'],
  ['hardbounce', true, 'userunknown is a hard bounce'],
  ['subject', 'Nouveautés de novembre ✓', "the original's Subject, decoded"],
  ['messageid', 'n-2026-45.jane.7f3a@news.example.org', "the original's Message-ID, without angle brackets"],
  ['listid', 'weekly.news.example.org', "the original's List-Id"],
  ['decodedby', 'postfix', 'the module that read the bounce (ours: the extractor id)'],
  ['smtpagent', 'postfix', 'the same (Sisimai 4 name)'],
  ['lhost', 'mx1.news.example.org', 'the host that wrote the report (Reporting-MTA)'],
  ['rhost', 'mx.example.com', 'the remote host that refused (Remote-MTA)'],
  ['catch', null, "what a caller's hook returned: there are no hooks"],
];

test('every field of the record is checked here, and no other', async () => {
  const result = await diagnose(readFileSync(FIXTURE), { input: 'bounce.eml' });
  const record = toSisimaiRecord(first(result.diagnoses), result.input);
  assert.deepEqual(Object.keys(record).sort(), [...FIELDS.map(([name]) => name), 'token'].sort());
});

for (const [name, value, meaning] of FIELDS) {
  test(`sisimai ${name}: ${meaning}`, async () => {
    const result = await diagnose(readFileSync(FIXTURE), { input: 'bounce.eml' });
    assert.deepEqual(toSisimaiRecord(first(result.diagnoses), result.input)[name], value);
  });
}

test('sisimai token: SHA-1 of STX addresser RS recipient RS epoch ETX, lower case, so a bounce keeps its name across runs', async () => {
  const result = await diagnose(readFileSync(FIXTURE), { input: 'bounce.eml' });
  const record = toSisimaiRecord(first(result.diagnoses), result.input);
  const framed = `\x02bounces+jane=example.com@news.example.org\x1ejane@example.com\x1e${record.timestamp}\x03`;
  assert.equal(record.token, createHash('sha1').update(framed).digest('hex'));
  assert.equal(sisimaiToken('A@Example.ORG', 'B@example.net', 1), sisimaiToken('a@example.org', 'b@example.net', 1));
  assert.notEqual(sisimaiToken('a@example.org', 'b@example.net', 1), sisimaiToken('a@example.org', 'b@example.net', 2));
});

test('sisimai: a message of an mbox names its message as origin; a raw string has empty strings, a null timestamp', () => {
  const d = first(diagnoseText('550 5.1.1 unknown').diagnoses);
  const record = toSisimaiRecord({ ...d, message: 'box.mbox#3' }, 'box.mbox');
  assert.equal(record.origin, 'box.mbox#3');
  const bare = toSisimaiRecord(d, 'argv');
  assert.equal(bare.timestamp, null);
  assert.equal(bare.timezoneoffset, '');
  assert.equal(bare.addresser, '');
  assert.equal(bare.recipient, '');
  assert.equal(bare.replycode, '550');
});

test('sisimai diagnostictype: the Diagnostic-Code type when the report gives one other than smtp', async () => {
  const raw = readFileSync(FIXTURE, 'latin1').replace(
    'Diagnostic-Code: smtp; 550 5.1.1 <jane@example.com>: Recipient address rejected:\n    User unknown in virtual mailbox table',
    'Diagnostic-Code: X-Unix; mailbox unavailable',
  );
  const result = await diagnose(raw, { input: 'x.eml' });
  assert.equal(toSisimaiRecord(first(result.diagnoses), 'x.eml').diagnostictype, 'X-UNIX');
});
