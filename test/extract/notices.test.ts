import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnose } from '../../src/pipeline/diagnose';
import { findAddresses } from '../../src/text/addresses';
import { isListAddress, listedRecipients, noticeRecipients, noticeText } from '../../src/extract/shared/recipients';

// Plain-text notices of our own (reserved domains, documentation IPs), modelled on
// the wording the servers write (see src/extract/shared/recipients.ts,
// delay-warning.ts and ../challenge-response.ts for the sources): several
// recipients in one notice, list and sender addresses, "smtp=" prefixes, delay
// warnings without a DSN, and a stray NUL byte in a long text bounce.
const DIR = join(__dirname, 'fixtures', 'notices');

interface Row {
  recipient: string | null;
  action: string | null;
  hardBounce: boolean;
  reason?: string;
}

async function rows(file: string): Promise<Row[]> {
  const result = await diagnose(readFileSync(join(DIR, file)), { input: file });
  assert.equal(result.isBounce, true, `${file} is a bounce`);
  return result.diagnoses.map((d) => ({ recipient: d.recipient, action: d.action, hardBounce: d.hardBounce, reason: d.reason }));
}

describe('notices: every recipient a plain-text notice lists', () => {
  test('a list of addresses, then one reason for all of them', async () => {
    const got = await rows('list-then-reason.eml');
    assert.deepEqual(
      got.map((r) => r.recipient),
      ['alice@example.com', 'bob@example.net', 'carol@example.org'],
    );
    assert.ok(got.every((r) => r.reason === 'userunknown' && r.hardBounce));
  });

  test('one line per recipient, each with its own reply', async () => {
    const got = await rows('line-per-recipient.eml');
    assert.deepEqual(got, [
      { recipient: 'alice@example.com', action: 'failed', hardBounce: true, reason: 'userunknown' },
      { recipient: 'bob@example.net', action: 'failed', hardBounce: false, reason: 'mailboxfull' },
      { recipient: 'carol@example.org', action: 'delayed', hardBounce: false, reason: 'speeding' },
    ]);
  });

  test('"smtp=" before an address is not part of it, in any case', async () => {
    const got = await rows('smtp-prefix.eml');
    assert.deepEqual(
      got.map((r) => r.recipient),
      ['dave@example.com', 'erin@example.net'],
    );
    assert.deepEqual(findAddresses('smtp=dave@example.com to=erin@example.net'), ['dave@example.com', 'erin@example.net']);
    // "=" inside a local part stays (SRS, VERP).
    assert.deepEqual(findAddresses('SRS0=ab12=XY=example.org=frank@example.net'), ['SRS0=ab12=XY=example.org=frank@example.net']);
  });
});

describe('notices: a list, its sender or the mail system is never the recipient', () => {
  test('the poster and the list of a returned list posting are passed over', async () => {
    assert.deepEqual(
      (await rows('list-posting-no-code.eml')).map((r) => r.recipient),
      ['grace@example.com'],
    );
  });

  test('a notice that names only the list\'s own addresses gives no recipient rather than a wrong one', async () => {
    assert.deepEqual(
      (await rows('list-posting-only-list.eml')).map((r) => r.recipient),
      [null],
    );
  });

  test('with no recipient in the notice, a VERP return path (the bounce\'s To) names the member', async () => {
    const mail = readFileSync(join(DIR, 'list-posting-only-list.eml'), 'utf8');
    for (const to of ['team-bounces+olga=example.com@lists.example.org', 'team-return-17-olga=example.com@lists.example.org']) {
      const result = await diagnose(Buffer.from(mail.replace('To: team-bounces+x@lists.example.org', `To: ${to}`)), { input: to });
      assert.deepEqual(
        result.diagnoses.map((d) => d.recipient),
        ['olga@example.com'],
        to,
      );
    }
  });

  test('list addresses by their local part', () => {
    for (const a of ['team-bounces@lists.example.org', 'team-bounces+alice=example.com@lists.example.org', 'owner-team@example.org', 'team-request@example.org', 'team-return-42-alice=example.com@example.org']) {
      assert.equal(isListAddress(a), true, a);
    }
    for (const a of ['alice@example.com', 'bounces.team@example.org', 'request@example.org', 'owner@example.org']) {
      assert.equal(isListAddress(a), false, a);
    }
  });

  test('the returned message is not read for recipients', () => {
    const text = 'Delivery failed.\n\n----- Original message -----\nFrom: poster@example.com\n';
    assert.equal(noticeText(text), 'Delivery failed.\n\n');
    assert.deepEqual(noticeRecipients(text, new Set()), []);
  });

  test('a list block: a heading line, bullets, duplicates and system addresses', () => {
    const block = 'The following recipients failed:\n - alice@example.com\n - <bob@example.net>\n - ALICE@example.com\n - postmaster@example.net';
    assert.deepEqual(listedRecipients(block, new Set()), ['alice@example.com', 'bob@example.net']);
    assert.deepEqual(listedRecipients('alice@example.com\nsee the log for details', new Set()), []);
  });
});

describe('notices: delay warnings are delayed and soft, with their recipient', () => {
  for (const [file, recipient] of [
    ['sendmail-delay-no-dsn.eml', 'grace@example.com'],
    ['postfix-delayed-mail.eml', 'heidi@example.com'],
    ['opensmtpd-delayed.eml', 'ivan@example.com'],
    ['exim-delay.eml', 'frank@example.com'],
  ] as const) {
    test(file, async () => {
      const got = await rows(file);
      assert.equal(got.length, 1);
      const [first] = got;
      assert.ok(first);
      assert.equal(first.recipient, recipient);
      assert.equal(first.action, 'delayed');
      assert.equal(first.hardBounce, false);
    });
  }

  test('a failure notice that only mentions retrying is not a delay warning', async () => {
    const mail = [
      'From: Mail Delivery System <MAILER-DAEMON@mx.example.net>',
      'To: sender@example.org',
      'Subject: Undelivered Mail Returned to Sender',
      'Message-ID: <d1@mx.example.net>',
      '',
      'I\'m sorry to have to inform you that your message could not',
      'be delivered to one or more recipients.',
      '',
      '<judy@example.com>: host mx.example.com[192.0.2.25] said: 550 5.1.1 <judy@example.com>: Recipient address rejected: User unknown (in reply to RCPT TO command)',
      '',
    ].join('\n');
    const result = await diagnose(Buffer.from(mail), { input: 'inline' });
    const [first] = result.diagnoses;
    assert.ok(first);
    assert.equal(first.action, 'failed');
    assert.equal(first.hardBounce, true);
  });
});

describe('notices: a stray NUL byte', () => {
  test('one NUL in a long text bounce leaves it a text bounce, diagnosed', async () => {
    const head = [
      'From: Mail Delivery System <MAILER-DAEMON@mx.example.net>',
      'To: sender@example.org',
      'Subject: Mail delivery failed: returning message to sender',
      'Message-ID: <z1@mx.example.net>',
      '',
      'This message was created automatically by mail delivery software.',
      '',
      'A message that you sent could not be delivered to one or more of its',
      'recipients. This is a permanent error. The following address(es) failed:',
      '',
      '  erin@example.com',
      '    host mx.example.com [192.0.2.25]',
      '    SMTP error from remote mail server after RCPT TO:<erin@example.com>:',
      '    550 5.1.1 <erin@example.com>: Recipient address rejected: User unknown',
      '',
      '------ This is a copy of the message, including all the headers. ------',
      '',
      'From: sender@example.org',
      'To: erin@example.com',
      'Subject: report',
      '',
    ].join('\n');
    const body = 'A line of the returned message, long enough to matter.\n'.repeat(100);
    const cut = 2000;
    const mail = `${head}${body.slice(0, cut)}\u0000${body.slice(cut)}`;
    const result = await diagnose(Buffer.from(mail, 'utf8'), { input: 'nul' });
    assert.equal(result.isBounce, true);
    const [first] = result.diagnoses;
    assert.ok(first);
    assert.equal(first.recipient, 'erin@example.com');
    assert.equal(first.reason, 'userunknown');
  });
});

describe('challenge-response mails', () => {
  test('a subscription confirmation is not a challenge (and not a bounce)', async () => {
    const mail = [
      'From: team-request@lists.example.org',
      'To: sender@example.org',
      'Subject: Your confirmation is needed to join the team mailing list',
      'Message-ID: <s1@lists.example.org>',
      '',
      'We have received a request to subscribe sender@example.org to the team list.',
      'To confirm that you want to be added, reply to this message.',
      '',
    ].join('\n');
    const result = await diagnose(Buffer.from(mail), { input: 'inline' });
    assert.equal(result.isBounce, false);
  });
});
