import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explainCandidate } from '../../src/explain';
import { detectProvider, PROVIDERS, providerRowsFor } from '../../src/providers';
import { statusInRow } from '../../src/providers/provider';
import { candidate } from '../helpers/candidate';

// [reply text, Remote-MTA, recipient, provider id, provider code label or null]
const CASES: [string, string | null, string | null, string, string | null][] = [
  ['550-5.7.26 This mail has been blocked because the sender is unauthenticated. 550 5.7.26 Gmail requires all senders to authenticate with either SPF or DKIM. - gsmtp', null, null, 'google', '5.7.26'],
  ['421-4.7.28 Our system has detected an unusual rate of unsolicited mail originating from your IP address [192.0.2.7]. - gsmtp', null, null, 'google', '4.7.28'],
  ['550 5.7.30 DKIM checks did not pass - gsmtp', null, null, 'google', '4.7.30 / 5.7.30'],
  ['421 4.7.29 Your email has been rate limited because this message was not sent over TLS. - gsmtp', null, null, 'google', '4.7.29 / 5.7.29'],
  ['550 5.1.1 The email account that you tried to reach does not exist.', 'gmail-smtp-in.l.google.com', 'someone@gmail.com', 'google', null],
  ["550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup", 'example-com.mail.protection.outlook.com', 'nobody@example.com', 'microsoft', '5.1.10'],
  ['550 5.4.1 Recipient address rejected: Access denied. [BN8NAM12FT012.eop-nam12.prod.protection.outlook.com]', null, 'nobody@example.com', 'microsoft', '5.4.1'],
  ['550 5.7.606 Access denied, banned sending IP [192.0.2.9]. To request removal from this list please visit https://sender.office.com/', null, null, 'microsoft', '5.7.606–5.7.649'],
  ['550 5.7.708 Service unavailable. Access denied, traffic not accepted from this IP.', 'example-net.mail.protection.outlook.com', null, 'microsoft', '5.7.708'],
  ['550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains.', 'mx.outlook.com', null, 'microsoft', '5.7.750'],
  ["550 SC-001 (BAY0-MC1-F12) Unfortunately, messages from 192.0.2.3 weren't sent.", 'mx1.hotmail.com', null, 'microsoft', 'SC-001 to SC-004'],
  ["550 5.7.1 Unfortunately, messages from [192.0.2.3] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150).", null, 'someone@hotmail.com', 'microsoft', 'S3150'],
  ['421 4.7.0 [TSS04] Messages from 192.0.2.5 temporarily deferred due to unexpected volume or user complaints - 4.16.55.1; see https://postmaster.yahooinc.com/error-codes', null, null, 'yahoo', '[TSS04]'],
  ['554 Message not allowed - [PH01] Email not accepted for policy reasons.', 'mta7.am0.yahoodns.net', null, 'yahoo', '[PH01]'],
  ['553 5.7.2 [TSS09] All messages from 192.0.2.5 will be permanently deferred; Retrying will NOT succeed.', null, 'someone@yahoo.com', 'yahoo', '[TSS09] / [TSS11]'],
  ['421 DYN:T1 http://postmaster.aol.com/errors/421dynt1.html', null, 'someone@aol.com', 'yahoo', 'DYN:Tx'],
  ['554 5.7.1 [CS01] Message rejected due to local policy. Please visit https://support.apple.com/en-us/HT204137', null, null, 'apple', '[CS01]'],
  ['550 5.1.1 <someone@icloud.com>: user does not exist', 'mx01.mail.icloud.com', 'someone@icloud.com', 'apple', null],
  ['550 5.1.1 Address does not exist', 'mail.protonmail.ch', null, 'proton', null],
  ['554-Transaction failed 554 Reject due to policy restrictions. For explanation visit https://postmaster.gmx.net/en/case?c=r0301', null, null, 'gmx', null],
  ['550 Requested action not taken: mailbox unavailable', 'mx-ha03.web.de', null, 'gmx', null],
  ['550 Message was not accepted -- invalid mailbox.', 'mxs.mail.ru', null, 'mail-ru', null],
  ['550 5.7.1 No such user!', 'mx.yandex.net', null, 'yandex', null],
  ['550 5.1.1 User does not exist', 'mx.zoho.com', null, 'zoho', null],
  ['550 5.1.1 <someone@fastmail.com>: Recipient address rejected: User unknown', 'in1-smtp.messagingengine.com', null, 'fastmail', null],
  ['554 192.0.2.8 found on one or more block lists. Refer to https://postmaster.comcast.net/smtp-error-codes.php#BL000010', null, null, 'comcast', 'BL000010'],
  ['550 5.7.1 Service refuse. Veuillez essayer plus tard. OFR004_104 [104]', null, null, 'orange', null],
  ['554 IP=192.0.2.1 - A problem occurred. (Ask your postmaster for help or to contact tosa@rx.t-online.de to clarify.)', null, null, 't-online', null],
  ['550 Mailbox not found or access denied', 'mx3.qq.com', null, 'tencent', null],
  ['554 DT:SPM 163 smtp10,DsCowADHsmJkq2Nk, please see http://mail.163.com/help/help_spam_16.htm?ip=192.0.2.4', null, null, 'netease', 'DT:SPM'],
  ['550 5.1.1 Recipient address rejected', 'mx1.naver.com', null, 'naver', null],
  ['550 5.1.1 <user@naver.com>: unknown', null, 'user@naver.com', 'naver', null],
];

for (const [text, remoteMta, recipient, id, code] of CASES) {
  test(`provider ${id}: ${text.slice(0, 60)}`, () => {
    const d = explainCandidate(candidate(text, { remoteMta, recipient }));
    assert.ok(d.provider, 'a provider is recognised');
    assert.equal(d.provider.id, id);
    assert.equal(d.provider.code, code);
    assert.match(d.provider.docs, /^https:\/\//);
    if (code !== null) assert.notEqual(d.provider.meaning, null);
    assert.ok(d.evidence?.some((e) => e.about === 'provider'), 'the evidence says how the provider was recognised');
  });
}

test('no provider for an unknown server, and JSON keeps provider: null', () => {
  const d = explainCandidate(candidate('550 5.1.1 <a@example.com>: Recipient address rejected: User unknown', { remoteMta: 'mx.example.net', recipient: 'a@example.com' }));
  assert.equal(d.provider, null);
});

test('an address in the text does not make its domain the receiving server', () => {
  const found = detectProvider({ remoteMta: 'mx.example.net', recipient: null, text: '550 5.1.1 <friend@gmail.com>... forwarded copy refused', status: '5.1.1' });
  assert.equal(found, null);
});

test('the Remote-MTA beats a recipient domain (a Workspace domain hosted at Google)', () => {
  const found = detectProvider({ remoteMta: 'dns; aspmx.l.google.com', recipient: 'me@example.org', text: '550 5.1.1 no such user', status: '5.1.1' });
  assert.equal(found?.provider.id, 'google');
  assert.equal(found.via.source, 'Remote-MTA');
});

// [reply, Remote-MTA, reason without the provider, reason with it]
const OVERRIDES: [string, string | null, string, string][] = [
  // Gmail uses 5.7.27 for SPF failures; the registry's X.7.27 is a sender null MX.
  ['550 5.7.27 sorry - gsmtp', null, 'rejected', 'authfailure'],
  // Gmail uses 5.7.29 for mail not sent over TLS; the registry's X.7.29 is ARC.
  ['550 5.7.29 message refused - gsmtp', null, 'authfailure', 'securityerror'],
  // Yahoo uses 5.7.9 for unauthenticated mail; the registry's X.7.9 is about SMTP login.
  ['550 5.7.9 refused', 'mta5.am0.yahoodns.net', 'securityerror', 'authfailure'],
];

for (const [text, remoteMta, before, after] of OVERRIDES) {
  test(`a provider's own meaning replaces the registry's: ${text}`, () => {
    const d = explainCandidate(candidate(text, { remoteMta }));
    assert.equal(d.reason, after);
    const notes = (d.evidence ?? []).filter((e) => e.about === 'reason').map((e) => e.note);
    assert.equal(notes.length, 2);
    assert.match(notes[0] ?? '', new RegExp(`points at ${before}`));
    assert.match(notes[1] ?? '', new RegExp(`as ${after}; that replaces ${before}`));
  });
}

test('a phrase in the text is not overridden by the provider table', () => {
  const d = explainCandidate(candidate('550 5.7.64 Relay access denied', { remoteMta: 'mx.outlook.com' }));
  assert.equal(d.reason, 'norelaying');
  assert.equal((d.evidence ?? []).filter((e) => e.about === 'reason').length, 1);
});

test('ranges: same class and subject, detail inside the bounds', () => {
  assert.equal(statusInRow('5.7.606', ['5.7.606', '5.7.649']), true);
  assert.equal(statusInRow('5.7.649', ['5.7.606', '5.7.649']), true);
  assert.equal(statusInRow('5.7.650', ['5.7.606', '5.7.649']), false);
  assert.equal(statusInRow('4.7.610', ['5.7.606', '5.7.649']), false);
  assert.equal(statusInRow('5.7.61', ['5.7.606', '5.7.649']), false);
});

test('every provider has an https docs page, host names and a unique id', () => {
  const ids = new Set<string>();
  for (const p of PROVIDERS) {
    assert.match(p.docs, /^https:\/\//, p.id);
    assert.ok(p.hosts.length > 0, p.id);
    assert.ok(!ids.has(p.id), p.id);
    ids.add(p.id);
    for (const c of p.codes) assert.ok(c.status !== undefined || c.tag !== undefined, `${p.id} ${c.label}`);
  }
});

test('providers that reuse registered codes are flagged as differing (Gmail X.7.27, X.7.29, X.7.30)', () => {
  for (const code of ['5.7.27', '5.7.29', '5.7.30']) {
    const rows = providerRowsFor(code).filter((r) => r.provider.id === 'google');
    assert.equal(rows.length, 1, code);
    assert.equal(rows[0]?.code.differs, true, code);
  }
});

test('KDDI au: "<address>: User unknown" is a missing mailbox, ": User unknown" its owner\'s filter', () => {
  const named = explainCandidate(candidate('550 <nobody@ezweb.ne.jp>: User unknown', { recipient: 'nobody@ezweb.ne.jp' }));
  assert.equal(named.reason, 'userunknown');
  assert.equal(named.provider?.id, 'kddi');
  const blank = explainCandidate(candidate('550 : User unknown', { recipient: 'nobody@ezweb.ne.jp', command: 'DATA' }));
  assert.equal(blank.reason, 'filtered');
  // The same words in another server's report, with no command, are read as a filter's refusal.
  const other = explainCandidate(candidate('550 <bob@example.net>: User unknown', { recipient: 'bob@example.net', format: 'text' }));
  assert.equal(other.reason, 'filtered');
});

// [Remote-MTA, provider id or null]: a host is a provider's when it is one of its suffixes or lies under one.
const HOSTS: [string, string | null][] = [
  ['gmail-smtp-in.l.google.com', 'google'],
  ['google.com', 'google'],
  ['ALT1.ASPMX.L.GOOGLE.COM.', 'google'],
  ['notgoogle.com', null],
  ['google.com.example.net', null],
  ['mx.outlook.office.com', 'microsoft'],
  ['mta6.am0.yahoodns.net', 'yahoo'],
  ['mx.example.net', null],
];

for (const [host, id] of HOSTS) {
  test(`Remote-MTA ${host} → ${id ?? 'no provider'}`, () => {
    const found = detectProvider({ remoteMta: `dns; ${host}`, recipient: null, text: '550 5.1.1 no such user', status: '5.1.1' });
    assert.equal(found?.provider.id ?? null, id);
  });
}
