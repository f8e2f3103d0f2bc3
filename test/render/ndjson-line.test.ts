import { test } from 'node:test';
import assert from 'node:assert/strict';
import { markJsonShared, renderNdjsonLine, toJsonRecord } from '../../src/render/json';
import { escapeJsonText } from '../../src/render/sanitize';
import { diagnoseLogRecord, readLogText } from '../../src/logs';
import type { DiagnoseResult, Diagnosis } from '../../src/types';

/** What --ndjson wrote before it had templates: the record built whole, then serialised. */
function plainLine(result: DiagnoseResult): string {
  return escapeJsonText(JSON.stringify(toJsonRecord(result))) + '\n';
}

function resultOf(d: Diagnosis, input: string): DiagnoseResult {
  return { input, isBounce: true, diagnoses: [d], warnings: [] };
}

test('ndjson: log records whose diagnoses are reused are written as the plain serialisation writes them', () => {
  const lines: string[] = [];
  for (let i = 0; i < 6; i++) {
    const stamp = `Dec  4 10:00:0${i}`;
    lines.push(
      `${stamp} mx1 postfix/smtp[2203]: 4A${i}B2C3D4E: to=<user${i}@example.net>, orig_to=<alias${i}@example.net>, relay=mx.example.net[192.0.2.20]:25, delay=2, delays=0/0/1/1, dsn=4.2.2, status=deferred (host mx.example.net[192.0.2.20] said: 452 4.2.2 Mailbox full \u2028 (in reply to RCPT TO command))`,
      `${stamp} mx1 postfix/smtp[2205]: 4A${i}B2C3D4E: to=<user${i}@example.org>, relay=mx.example.org[203.0.113.5]:25, delay=1, delays=0/0/0/1, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 9F1E2D3C4B)`,
    );
  }
  const { records } = readLogText(lines.join('\n'));
  assert.equal(records.length, 12);
  let n = 0;
  for (const record of records) {
    const result = resultOf(diagnoseLogRecord(record), `-:${++n}`);
    assert.equal(renderNdjsonLine(result), plainLine(result));
  }
});

function keptDiagnosis(reply: string): Diagnosis {
  const [record] = readLogText(
    `Dec  4 10:00:01 mx1 postfix/smtp[2203]: 4A1B2C3D4E: to=<a@example.net>, relay=mx.example.net[192.0.2.20]:25, delay=2, delays=0/0/1/1, dsn=4.2.2, status=deferred (host said: ${reply})`,
  ).records;
  assert.ok(record !== undefined);
  const kept = diagnoseLogRecord(record);
  markJsonShared(kept);
  return kept;
}

test('ndjson: a copy that differs in a shared field is written the plain way', () => {
  const kept = keptDiagnosis('452 4.2.2 Mailbox full');
  const copies: Diagnosis[] = [
    // The first two copies make the template.
    { ...kept },
    { ...kept },
    { ...kept, recipient: 'b@example.net', queueId: null, timestamp: null },
    { ...kept, remoteMta: 'other.example.net' },
    { ...kept, warnings: ['changed'] },
    { ...kept, espType: 'Permanent' },
    { ...kept, evidence: [] },
    { ...kept, evidence: [...(kept.evidence ?? []), ...(kept.evidence ?? [])] },
  ];
  for (const d of copies) {
    const result = resultOf(d, '-:1');
    assert.equal(renderNdjsonLine(result), plainLine(result));
  }
});

test('ndjson: a text holding the marks of the template is written the plain way', () => {
  const kept = keptDiagnosis('452 4.2.2 \u0000whybounce-field:recipient Mailbox full');
  for (let i = 0; i < 3; i++) {
    const result = resultOf({ ...kept, recipient: `b${i}@example.net` }, '-:1');
    assert.equal(renderNdjsonLine(result), plainLine(result));
  }
});
