import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explainCode, listCodes } from '../../src/reference/lookup';
import { isReferenceCommand, runReference } from '../../src/reference/command';
import { STATUS_DETAILS } from '../../src/smtp/status-codes';
import { REPLY_CODES } from '../../src/smtp/reply-codes';
import { runCli, type CliRun } from '../helpers/cli';

function run(args: string[], env: Record<string, string> = {}): CliRun {
  return runCli(args, { env });
}

// [query, kind, what the entry must say]
const ENTRIES: [string, string, (e: NonNullable<ReturnType<typeof explainCode>>) => void][] = [
  ['5.7.26', 'status', (e) => {
    assert.ok(e.kind === 'status');
    assert.equal(e.title, 'Multiple authentication checks failed');
    assert.equal(e.rfc, 'RFC 7372');
    assert.deepEqual(e.replyCodes, [550]);
    assert.equal(e.reason, 'authfailure');
    assert.equal(e.actor, 'sender-setup');
    assert.ok(e.providers.some((p) => p.id === 'google'));
  }],
  ['5.7.606', 'status', (e) => {
    assert.ok(e.kind === 'status');
    assert.equal(e.registered, false);
    assert.equal(e.providers[0]?.id, 'microsoft');
    assert.equal(e.providers[0].docs, 'https://sender.office.com');
  }],
  ['5.7.30', 'status', (e) => {
    assert.ok(e.kind === 'status');
    assert.equal(e.title, 'REQUIRETLS support required');
    assert.equal(e.providers.find((p) => p.id === 'google')?.differs, true);
  }],
  ['550', 'reply', (e) => {
    assert.ok(e.kind === 'reply');
    assert.equal(e.rfc, 'RFC 5321');
    assert.ok(e.statusCodes.includes('5.1.1'));
    assert.ok(e.statusCodes.includes('5.7.26'));
  }],
  ['421', 'reply', (e) => {
    assert.ok(e.kind === 'reply');
    assert.equal(e.actor, 'nobody');
  }],
  ['TSS04', 'tag', (e) => {
    assert.ok(e.kind === 'tag');
    assert.equal(e.providers[0]?.id, 'yahoo');
  }],
  ['[PH01]', 'tag', (e) => {
    assert.ok(e.kind === 'tag' && e.providers[0]?.id === 'yahoo');
  }],
  ['S3150', 'tag', (e) => {
    assert.ok(e.kind === 'tag' && e.providers[0]?.id === 'microsoft');
  }],
];

for (const [query, kind, check] of ENTRIES) {
  test(`explainCode(${query})`, () => {
    const e = explainCode(query);
    assert.ok(e !== null);
    assert.equal(e.kind, kind);
    check(e);
  });
}

test('explainCode: not a code', () => {
  for (const q of ['', 'hello', '6.1.1', '5.1', '1234', '150', 'x'.repeat(500)]) assert.equal(explainCode(q), null, q);
});

test('listCodes: every registry code and every reply code, once', () => {
  const rows = listCodes() ?? [];
  const status = rows.filter((r) => r.kind === 'status' && !r.code.endsWith('.YYY'));
  assert.equal(status.length, Object.keys(STATUS_DETAILS).length);
  assert.equal(rows.filter((r) => r.kind === 'reply').length, Object.keys(REPLY_CODES).length);
  assert.ok(rows.some((r) => r.code === 'X.7.26' && r.title === 'Multiple authentication checks failed'));
});

test('listCodes filters by class and subject, and lists one provider', () => {
  const five7 = listCodes({ class: '5', subject: '7' }) ?? [];
  assert.ok(five7.length > 30);
  assert.ok(five7.every((r) => r.code.startsWith('5.7.')));
  const four = listCodes({ class: '4' }) ?? [];
  assert.ok(four.filter((r) => r.kind === 'reply').every((r) => r.code.startsWith('4')));
  const ms = listCodes({ provider: 'microsoft' }) ?? [];
  assert.ok(ms.some((r) => r.code === '5.7.606–5.7.649'));
  assert.equal(listCodes({ provider: 'nope' }), null);
});

// [args, exit code, stdout pattern, stderr pattern]
const COMMANDS: [string[], number, RegExp, RegExp][] = [
  [['explain', '5.7.26'], 0, /^5\.7\.26 {2}Multiple authentication checks failed/, /^$/],
  [['explain', '5.7.26', '550'], 0, /5\.7\.26[\s\S]*\n550 {2}Requested action not taken/, /^$/],
  [['explain', 'nope'], 1, /^$/, /"nope" is not a reply code/],
  [['explain'], 2, /^$/, /explain needs a code/],
  [['explain', '5.7.26', '--frobnicate'], 2, /^$/, /unknown option --frobnicate/],
  [['codes', '--class', '7'], 2, /^$/, /--class takes 2, 4 or 5/],
  [['codes', '--subject=9'], 2, /^$/, /--subject takes a digit/],
  [['codes', '--provider', 'nope'], 2, /^$/, /--provider takes one of google, microsoft/],
  [['codes', '--class', '5', '--subject', '7'], 0, /^5\.7\.YYY +Security or Policy Status/, /^$/],
];

for (const [args, code, out, err] of COMMANDS) {
  test(`runReference ${args.join(' ')}`, () => {
    assert.equal(isReferenceCommand(args), true);
    const r = runReference(args, { colorLevel: 0 });
    assert.equal(r.exitCode, code);
    assert.match(r.stdout, out);
    assert.match(r.stderr, err);
  });
}

test('the built binary: whybounce explain 5.7.26', () => {
  const r = run(['explain', '5.7.26']);
  assert.equal(r.status, 0);
  assert.equal(r.stderr, '');
  assert.match(r.stdout, /^5\.7\.26 {2}Multiple authentication checks failed {2}\(RFC 7372\)$/m);
  assert.match(r.stdout, /Pairs +IANA pairs it with reply code 550/);
  assert.match(r.stdout, /Provider +Google \(Gmail, Google Workspace\) 5\.7\.26/);
  assert.match(r.stdout, /Advice +\S/);
  assert.doesNotMatch(r.stdout, /\u001b\[/);
});

test('the built binary: whybounce explain 550 and 5.7.606', () => {
  const r = run(['explain', '550', '5.7.606']);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /^550 {2}Requested action not taken: mailbox unavailable/m);
  assert.match(r.stdout, /^5\.7\.606 {2}not in the IANA registry/m);
  assert.match(r.stdout, /Microsoft .* 5\.7\.606–5\.7\.649/);
  assert.match(r.stdout, /https:\/\/sender\.office\.com/);
});

test('the built binary: whybounce explain --json 5.7.29', () => {
  const r = run(['explain', '--json', '5.7.29']);
  assert.equal(r.status, 0);
  const e = JSON.parse(r.stdout) as { kind: string; code: string; title: string; providers: { id: string; differs: boolean }[] };
  assert.equal(e.kind, 'status');
  assert.equal(e.code, '5.7.29');
  assert.equal(e.title, 'ARC validation failure');
  assert.equal(e.providers[0]?.id, 'google');
  assert.equal(e.providers[0].differs, true);
});

test('the built binary: whybounce codes --class 5 --subject 1 --json', () => {
  const r = run(['codes', '--class', '5', '--subject', '1', '--json']);
  assert.equal(r.status, 0);
  const rows = JSON.parse(r.stdout) as { code: string; title: string }[];
  assert.ok(rows.some((x) => x.code === '5.1.1' && x.title === 'Bad destination mailbox address'));
  assert.ok(rows.every((x) => x.code.startsWith('5.1.')));
});

test('the built binary: whybounce codes, coloured only when asked', () => {
  const plain = run(['codes']);
  assert.equal(plain.status, 0);
  assert.match(plain.stdout, /^X\.1\.1 +Bad destination mailbox address/m);
  assert.match(plain.stdout, /^550 +Requested action not taken/m);
  const coloured = run(['codes', '--color'], { NO_COLOR: '' });
  assert.match(coloured.stdout, /\u001b\[/);
});

test('the built binary: --why shows the evidence in text mode', () => {
  const r = run(['--why', '550 5.1.1 <someone@example.com>: Recipient address rejected: User unknown']);
  assert.equal(r.status, 0);
  assert.match(r.stdout, /Evidence/);
  assert.match(r.stdout, /reason +\[command-line argument\] "user unknown"/);
  assert.match(r.stdout, /hard\/soft/);
  const plain = run(['550 5.1.1 <someone@example.com>: Recipient address rejected: User unknown']);
  assert.doesNotMatch(plain.stdout, /Evidence/);
  assert.match(plain.stdout, /Who +The address/);
});
