import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSmtpLine } from '../../src/smtp/parse-smtp-line';

// [input, replyCode, status]: real-looking lines from many servers, and the
// numbers that must never be read as codes (IPs, dates, versions, ids, hosts).
const CASES: readonly [string, number | null, string | null][] = [
  ['554 5.1.0 Sender Denied', 554, '5.1.0'],
  ['PERM_FAILURE: SMTP Error (state 8 ): 554 5.1.0 Sender Denied', 554, '5.1.0'],
  ['550 5.1.1 <jane@example.com>... User unknown', 550, '5.1.1'],
  ['smtp; 550 5.1.1 <jane@example.com>... User unknown', 550, '5.1.1'],
  ['SMTP; 550 5.1.1 User unknown', 550, '5.1.1'],
  ['smtp;550 5.2.2 Mailbox full', 550, '5.2.2'],
  ['host mx.example.net[192.0.2.25] said: 550 5.1.1 <a@example.net>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command)', 550, '5.1.1'],
  ['host mx.example.org[198.51.100.3] said: 452 4.2.2 Over quota (in reply to RCPT TO command)', 452, '4.2.2'],
  ['<<< 550 5.1.1 <bob@example.org>... User Unknown', 550, '5.1.1'],
  ['<<< 554 5.7.1 Message rejected as spam', 554, '5.7.1'],
  ['#550 5.1.1 RESOLVER.ADR.RecipNotFound; not found ##', 550, '5.1.1'],
  ["Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'", 550, '5.1.10'],
  ['550 5.7.606 Access denied, banned sending IP [203.0.113.9]', 550, '5.7.606'],
  ['421 4.7.0 [TSS04] Messages from 192.0.2.1 temporarily deferred due to unexpected volume or user complaints', 421, '4.7.0'],
  ['553 5.7.1 [BL21] Connections will not be accepted from 192.0.2.44, because the ip is in Spamhaus\'s list', 553, '5.7.1'],
  ['554 Message not allowed - [PH01] Email not accepted for policy reasons', 554, null],
  ['550 Requested action not taken: mailbox unavailable', 550, null],
  ['5.1.1 user unknown', null, '5.1.1'],
  ['Status: 5.2.2', null, '5.2.2'],
  ['ERROR_CODE :550, ERROR_CODE :5.1.1 <user@example.com>', 550, '5.1.1'],
  ['SMTP error from remote mail server after RCPT TO:<x@example.com>:\n    550 5.1.1 <x@example.com>: Recipient address rejected', 550, '5.1.1'],
  ['550-5.1.1 The email account that you tried to reach does not exist.\n550-5.1.1 Please try double-checking the address.\n550 5.1.1 https://support.example.com/x - gsmtp', 550, '5.1.1'],
  ['550-5.7.26 Unauthenticated email from example.com is not accepted due to\n550-5.7.26 domain\'s DMARC policy.\n550 5.7.26 https://support.example.com - gsmtp', 550, '5.7.26'],
  ['421-4.7.28 Our system has detected an unusual rate of unsolicited mail\n421 4.7.28 originating from your IP address. - gsmtp', 421, '4.7.28'],
  ['220 mx.example.net ESMTP Postfix 3.5.1\n250 mx.example.net\n250 2.1.0 Ok\n250 2.1.5 Ok\n354 End data with <CR><LF>.<CR><LF>\n451 4.3.0 Error: queue file write error', 451, '4.3.0'],
  ['220 mx.example.net ESMTP\n250-mx.example.net\n250-PIPELINING\n250 8BITMIME\n550 5.7.1 Relaying denied', 550, '5.7.1'],
  ['250 2.0.0 Ok: queued as 4Q9xYz1kT2z9sWb', 250, '2.0.0'],
  ['550 4.2.2 mailbox full', 550, '4.2.2'],
  ['Connected to 192.5.1.1 port 25', null, null],
  ['Server version 5.1.1 running', null, null],
  ['Postfix 3.5.1 says hello', null, null],
  ['Exim 4.9.2 ready', null, null],
  ['Status code 5.1.2.3 is not a code', null, null],
  ['message id <550.5.1.1@example.com> lost', null, null],
  ['mx550.example.com refused the connection', null, null],
  ['user550@example.com bounced', null, null],
  ['Date: Tue, 03 Nov 2026 09:14:01 +0000', null, null],
  ['retry in 450 seconds', null, null],
  ['at 12:550 nothing', null, null],
  ['timeout after 300 seconds', null, null],
  ['1.250.3 is a version', null, null],
  ['(reason: 550 5.1.1 unknown user)', 550, '5.1.1'],
  ['Remote host said: 550 Invalid recipient <x@example.com> (#5.1.1)', 550, '5.1.1'],
  ['Sorry, no mailbox here by that name. (#5.1.1)', null, '5.1.1'],
  ['said: 554 delivery error: dd This user doesn\'t have an example.com account', 554, null],
  ['Reporting-MTA said: 552 Message size exceeds fixed maximum message size', 552, null],
  ['X-Postfix; connect to mx.example.net[192.0.2.1]:25: Connection timed out', null, null],
  ['smtp; 5.4.7 - Delivery expired (message too old)', null, '5.4.7'],
  ['550 5.7.23 SPF validation failed', 550, '5.7.23'],
  ['550 5.7.1 Service unavailable, Client host [192.0.2.33] blocked using zen.spamhaus.org', 550, '5.7.1'],
  ['451 4.7.1 Greylisting in action, please come back later', 451, '4.7.1'],
  ['552 5.3.4 Message size exceeds fixed limit', 552, '5.3.4'],
  ['556 5.1.10 Recipient address has null MX', 556, '5.1.10'],
  ['521 5.3.2 mx.example.net does not accept mail', 521, '5.3.2'],
  ['530 5.7.0 Must issue a STARTTLS command first', 530, '5.7.0'],
  ['535 5.7.8 Username and Password not accepted', 535, '5.7.8'],
  ['SMTP error 550: mailbox unavailable', 550, null],
  ['error code 421 Too many connections', 421, null],
  ['4.4.1 No answer from host', null, '4.4.1'],
  ['smtp; 550 #5.1.0 Address rejected.', 550, '5.1.0'],
  ['550 [5.1.1] No such user', 550, '5.1.1'],
  ['"550 5.1.1 no such user"', 550, '5.1.1'],
  ['503 5.5.1 Error: need MAIL command', 503, '5.5.1'],
  ['  550 5.1.1 indented reply', 550, '5.1.1'],
  ['550 5.1.1 ends with a code 5.1.1.', 550, '5.1.1'],
  ['v5.1.1 of the software', null, null],
  ['550 5.1.1\r\n', 550, '5.1.1'],
  ['', null, null],
];

for (const [input, replyCode, status] of CASES) {
  test(`parseSmtpLine(${JSON.stringify(input.slice(0, 70))})`, () => {
    const r = parseSmtpLine(input);
    assert.equal(r.replyCode, replyCode);
    assert.equal(r.status, status);
  });
}

test('a multi-line reply is one reply with its text joined and prefixes removed', () => {
  const r = parseSmtpLine('550-5.1.1 The account does not exist.\n550-5.1.1 Check the address.\n550 5.1.1 Final line - gsmtp');
  assert.equal(r.text, 'The account does not exist. Check the address. Final line - gsmtp');
});

test('class disagreement between reply code and status code is kept, with a warning', () => {
  const r = parseSmtpLine('550 4.2.2 mailbox full');
  assert.equal(r.replyCode, 550);
  assert.equal(r.status, '4.2.2');
  assert.equal(r.warnings.length, 1);
  assert.match(r.warnings[0] ?? '', /550.*4\.2\.2/);
});

test('agreeing classes give no warning', () => {
  assert.deepEqual(parseSmtpLine('452 4.2.2 over quota').warnings, []);
});

test('status codes stay strings: 5.1.10 is not 5.1.1', () => {
  assert.equal(parseSmtpLine('550 5.1.10 not found').status, '5.1.10');
});

test('a 10 MB line of digits and dots is cut and does not hang', () => {
  const line = '5.1.1.'.repeat(2_000_000);
  const r = parseSmtpLine(line);
  assert.equal(r.replyCode, null);
});
