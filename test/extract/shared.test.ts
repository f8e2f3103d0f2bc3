import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SmtpReply } from '../../src/types';
import { parseSmtpLine, replyOf } from '../../src/smtp/parse-smtp-line';
import { classOfAction, statusFromWording } from '../../src/extract/shared/stated-status';
import { candidateOf, MTA_LIST, NOTICE, uniqueByRecipient } from '../../src/extract/shared/candidates';
import { readDeliveryStatus } from '../../src/extract/shared/dsn';
import { isRecipient, recipientIn } from '../../src/extract/shared/recipients';

const EXTRACT = join(__dirname, '..', '..', 'src', 'extract');

test('no module of extract/shared imports a format file (shared code is below the formats)', () => {
  const formats = new Set(readdirSync(EXTRACT).filter((f) => f.endsWith('.ts')).map((f) => f.replace(/\.ts$/, '')));
  const shared = readdirSync(join(EXTRACT, 'shared')).filter((f) => f.endsWith('.ts'));
  assert.ok(shared.length > 5);
  for (const file of shared) {
    const source = readFileSync(join(EXTRACT, 'shared', file), 'utf8');
    for (const m of source.matchAll(/from '\.\.\/([\w-]+)'/g)) {
      assert.ok(!formats.has(m[1] ?? ''), `shared/${file} imports the format file ${m[1] ?? ''}`);
    }
  }
});

function reply(text: string): SmtpReply {
  return parseSmtpLine(text);
}

test('statusFromWording: one rule for notices, MTA lists and DSN Actions', () => {
  const rows: [string, '2' | '4' | '5' | null, 'any-reply' | 'error-reply', string | null][] = [
    ['User unknown', '5', 'any-reply', '5.0.0'],
    ['mailbox full, will retry', '4', 'error-reply', '4.0.0'],
    ['550 5.1.1 User unknown', '5', 'any-reply', null], // its own code: nothing stated
    ['421 Try again later', '5', 'any-reply', '4.0.0'], // a reply code beats the wording
    ['421 Try again later', '5', 'error-reply', '4.0.0'],
    ['250 OK', '5', 'any-reply', '2.0.0'],
    ['250 OK', '5', 'error-reply', '5.0.0'], // a list of failures keeps its class over a 2xx
    ['no code', null, 'any-reply', null],
  ];
  for (const [text, cls, override, want] of rows) {
    assert.equal(statusFromWording(reply(text), cls, override), want, `${text} / ${String(cls)} / ${override}`);
  }
  assert.deepEqual(
    (['failed', 'delayed', 'delivered', 'relayed', null] as const).map(classOfAction),
    ['5', '4', '2', '2', null],
  );
});

test('candidateOf: the two styles differ only where their names say', () => {
  const found = { recipient: 'kijitora@example.org', diagnostic: 'host mx.example.org[192.0.2.1] said:\n  mailbox unavailable' };
  const list = candidateOf('x', found, MTA_LIST);
  const notice = candidateOf('x', found, NOTICE);
  assert.equal(list.diagnostic, found.diagnostic);
  assert.equal(notice.diagnostic, 'host mx.example.org[192.0.2.1] said: mailbox unavailable');
  assert.equal(list.remoteMta, 'mx.example.org');
  assert.equal(notice.remoteMta, null);
  assert.equal(list.action, null);
  assert.equal(notice.action, 'failed');
  for (const c of [list, notice]) {
    assert.equal(c.statusField, null, 'wording never makes a Status field');
    assert.equal(c.statedStatus, '5.0.0');
  }
  assert.equal(candidateOf('x', { ...found, cls: '4' }, NOTICE).action, 'delayed');
});

test('a candidate carries its parsed reply, and a copy with another diagnostic is parsed again', () => {
  const c = candidateOf('x', { recipient: null, diagnostic: '550 5.1.1 User unknown' }, NOTICE);
  assert.equal(replyOf(c), c.parsed?.reply);
  const changed = { ...c, diagnostic: '452 4.2.2 Mailbox full' };
  assert.equal(replyOf(changed).status, '4.2.2');
});

test('DSN reading keeps a real Status field apart from the status an Action states', () => {
  const [field, action] = readDeliveryStatus(
    'Reporting-MTA: dns; mx.example.net\n\nFinal-Recipient: rfc822; a@example.org\nAction: failed\nStatus: 5.1.1\n\n' +
      'Final-Recipient: rfc822; b@example.org\nAction: failed\nDiagnostic-Code: smtp; mailbox unavailable\n',
  );
  assert.ok(field !== undefined && action !== undefined);
  assert.equal(field.statusField, '5.1.1');
  assert.equal(field.statedStatus, null);
  assert.equal(action.statusField, null);
  assert.equal(action.statedStatus, '5.0.0');
});

test('recipient filters: the bounce\'s own addresses and the mail system are never the recipient', () => {
  const excluded = new Set(['sender@example.com']);
  assert.equal(isRecipient('Sender@example.com', excluded), false);
  assert.equal(isRecipient('postmaster@example.org', excluded), false);
  assert.equal(isRecipient('kijitora@example.org', excluded), true);
  assert.equal(recipientIn('from sender@example.com to MAILER-DAEMON@example.net for kijitora@example.org', excluded), 'kijitora@example.org');
});

test('uniqueByRecipient keeps the first entry per address, whatever its case', () => {
  const a = candidateOf('x', { recipient: 'A@example.org', diagnostic: 'first' }, NOTICE);
  const b = candidateOf('x', { recipient: 'a@example.org', diagnostic: 'second' }, NOTICE);
  assert.deepEqual(uniqueByRecipient([a, b]).map((c) => c.diagnostic), ['first']);
});
