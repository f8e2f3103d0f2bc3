import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { diagnose } from '../../src/pipeline/diagnose';
import { diagnoseText } from '../../src/pipeline/text';
import { explainReason, normalizeReasonText } from '../../src/reasons/classify';
import { VOCABULARY, findVocabulary } from '../../src/reasons/vocabulary';
import { parseSmtpLine } from '../../src/smtp/parse-smtp-line';
import { REASON_IDS, type ReasonId } from '../../src/types';

// Raw error lines of our own (reserved domains, documentation IPs), each built on the
// wording of the server or provider that writes it (the source is named per row), for
// every kind of miss of issue 11. [line, reason, hardBounce].
const LINES: readonly [string, ReasonId, boolean][] = [
  // No rule matched, so the reason fell back to onhold.
  // exim: src/route.c (no router took the address)
  ['550 Unrouteable address', 'hostunknown', true],
  // exim: src/routers/dnslookup.c
  ['550 all relevant MX records point to non-existent hosts', 'hostunknown', true],
  // postfix: src/dns/dns_lookup.c, written by the smtp client into the bounce
  ['554 5.4.4 Host or domain name not found. Name service error for name=nx.example type=MX: Host not found', 'hostunknown', true],
  // exim: src/retry.c
  ['451 4.4.1 retry timeout exceeded', 'expired', false],
  // exim: src/transports/smtp.c
  ['550 5.4.7 all hosts for example.net have been failing for a long time (and retry time not reached)', 'expired', false],
  // sendmail: sendmail/envelope.c
  ['554 5.4.7 Cannot send message for 5 days', 'expired', false],
  // SPF/DMARC words (RFC 7372 names the checks)
  ['550 5.7.1 Message rejected: SPF check failed for example.org', 'authfailure', false],
  ['550 5.7.1 Unauthenticated mail: DMARC policy of example.org says reject', 'authfailure', false],
  // "blacklisted" (ANCHORS.md §3: blocklist texts)
  ['554 5.7.1 Your IP 192.0.2.7 is blacklisted', 'blocked', false],
  // invalid domains (postfix: src/smtpd/smtpd_check.c "Domain not found")
  ['550 5.1.2 <a@nx.example>: Recipient address rejected: Domain not found', 'hostunknown', true],
  ['553 invalid domain name in recipient address', 'hostunknown', true],
  // a challenge-response system (Postmark's ChallengeVerification bounce type)
  ['550 Your message is held: confirmation required, please verify your address by replying', 'filtered', false],

  // A bare 550/554 read as userunknown although the text names a policy, a network or a filter.
  // exim: src/smtp_in.c (an ACL deny with no message of its own)
  ['550 Administrative prohibition', 'policyviolation', false],
  // RFC 5321 §4.2.3: 550 "rejected for policy reasons"
  ['550 Message refused by local policy', 'policyviolation', false],
  // exim: src/transports/smtp.c
  ['554 Remote host closed connection in response to end of data', 'networkerror', false],
  // exim: src/acl.c "Rejected after DATA: <acl message>"
  ['550 Rejected after DATA: content filter says no', 'filtered', false],

  // Any X.7.x without a known phrase read as securityerror.
  // postfix: src/global/mail_params.h (default_rbl_reply)
  ['554 5.7.1 Service unavailable; Client host [192.0.2.9] blocked using bl.example.net', 'blocked', false],
  ['550 5.7.1 Rejected: 198.51.100.4 listed at dnsbl.example.org', 'blocked', false],
  ['550 5.7.1 Message looks like SPAM to us', 'spamdetected', false],
  // exim: src/acl.c (ratelimit condition)
  ['450 4.7.1 Sender rate limit exceeded, try later', 'speeding', false],
  // exim: src/configure.default; sendmail: cf/m4/proto.m4
  ['550 5.7.1 relay not permitted', 'norelaying', false],
  ['550 5.7.1 Relaying denied. Proper authentication required.', 'norelaying', false],
  // postgrey: greylist_text
  ['450 4.7.1 <a@example.com>: Recipient address rejected: Greylisted, see http://postgrey.example.net/help/example.com.html', 'speeding', false],
  ['550 5.7.1 Virus found in attachment', 'virusdetected', false],

  // The status subject overrode plain words.
  ['550 5.4.1 Message rejected', 'onhold', false],

  // A transient answer is never a hard bounce.
  // postgrey via postfix smtpd (check_policy_service → 450)
  ['450 4.2.0 <a@example.com>: Recipient address rejected: Greylisted, see http://postgrey.example.net/help/example.com.html', 'speeding', false],
  // postfix: src/smtpd/smtpd_check.c (unverified recipient, probe still pending)
  ['450 4.1.1 <a@example.com>: Recipient address rejected: unverified address: host mx.example.com[192.0.2.3] said: 450 try later', 'userunknown', false],
  ['451 4.1.1 User unknown in local recipient table, try again', 'userunknown', false],

  // Servers' own texts.
  // dovecot: src/plugins/quota/quota.c
  ['552 5.2.2 <a@example.com> Quota exceeded (mailbox for user is full)', 'mailboxfull', false],
  // dovecot: src/lmtp/lmtp-local.c
  ["550 5.1.1 <a@example.com> User doesn't exist: a@example.com", 'userunknown', true],
  // opensmtpd: usr.sbin/smtpd/mta.c
  ['550 5.1.2 Domain does not exist', 'hostunknown', true],
  // postfix: src/postscreen/postscreen.c
  ['421 4.3.2 All server ports are busy', 'toomanyconn', false],
  // postfix: src/smtpd/smtpd_check.c
  ['450 4.7.1 Client host rejected: cannot find your hostname, [192.0.2.44]', 'requireptr', false],
  // sendmail: cf/m4/proto.m4 (FEATURE(ratecontrol))
  ['421 4.3.2 Connection rate limit exceeded.', 'toomanyconn', false],
  // Microsoft (ANCHORS.md §3)
  ['550 5.7.606 Access denied, banned sending IP [203.0.113.5]', 'blocked', false],
];

describe('vocabulary: raw error lines of each class of miss', () => {
  for (const [line, reason, hard] of LINES) {
    test(`${line.slice(0, 80)} → ${reason}, ${hard ? 'hard' : 'soft'}`, () => {
      const d = diagnoseText(line).diagnoses[0];
      assert.ok(d, 'a diagnosis');
      assert.equal(d.reason, reason);
      assert.equal(d.hardBounce, hard);
    });
  }
});

// Inside a report (a DSN's Diagnostic-Code, no command named), where bare "user
// unknown" after DATA is read as a filter's refusal: a 5.1.x status says the address
// itself was judged, so it stays userunknown.
describe('vocabulary: status subject and words in a report', () => {
  const report = { replyCode: 550, command: null, action: 'failed', standalone: false } as const;
  test('5.1.0 with "unknown user" in a report is userunknown', () => {
    assert.equal(explainReason({ ...report, status: '5.1.0', text: '550 5.1.0 unknown user' }).reason, 'userunknown');
  });
  test('5.0.0 with "unknown user" in a report stays filtered', () => {
    assert.equal(explainReason({ ...report, status: '5.0.0', text: '550 5.0.0 unknown user' }).reason, 'filtered');
  });
  test('5.4.1 with network words stays networkerror', () => {
    assert.equal(explainReason({ ...report, status: '5.4.1', text: '550 5.4.1 rejected: routing failed' }).reason, 'networkerror');
  });
  test('a generic 5.7.1 with no words at all is securityerror, the class only', () => {
    const found = explainReason({ ...report, status: '5.7.1', text: '' });
    assert.equal(found.reason, 'securityerror');
    assert.equal(found.step, 'generic class');
  });
  test('the step that decided is named, and a vocabulary hit names its source', () => {
    const found = explainReason({ ...report, status: '5.7.1', text: '550 5.7.1 Administrative prohibition' });
    assert.equal(found.step, 'server words');
    assert.match(found.source ?? '', /^exim: /);
    assert.equal(explainReason({ ...report, status: '5.2.2', text: '' }).step, 'specific status');
  });
});

describe('vocabulary tables', () => {
  test('every entry has a known reason, a situation and a source naming a server, a provider or a document', () => {
    for (const e of VOCABULARY) {
      assert.ok((REASON_IDS as readonly string[]).includes(e.reason), e.reason);
      assert.ok(e.situation.length > 10, String(e.phrase));
      assert.match(e.source, /^(?:(?:postfix|exim|sendmail|opensmtpd|dovecot|qmail|postgrey|Microsoft|Yahoo|Google|Postmark): |ANCHORS\.md |RFC \d+ )/, e.source);
    }
  });
  test('string phrases are lower case and single-spaced, as the normalised text is', () => {
    for (const e of VOCABULARY) {
      if (typeof e.phrase !== 'string') continue;
      assert.equal(e.phrase, e.phrase.toLowerCase());
      assert.doesNotMatch(e.phrase, /\s{2}/);
    }
  });
  test('every entry finds its own example: a string phrase is found in a text holding it', () => {
    for (const e of VOCABULARY) {
      if (typeof e.phrase !== 'string') continue;
      const hit = findVocabulary(normalizeReasonText(`550 ${e.phrase}`));
      assert.ok(hit, e.phrase);
    }
  });
});

// The line parser misses of issue 11. [line, replyCode, status]
const PARSER: readonly [string, number | null, string | null][] = [
  ['Dec  4 10:41:07 mx1 550 5.1.1 <a@example.com>: User unknown', 550, '5.1.1'],
  ['2026-12-04 10:41:07 1abc-000 ** a@example.com H=mx.example.net [192.0.2.1] 550 5.7.1 rejected', 550, '5.7.1'],
  ['The server answered `550 5.1.1 User unknown` to RCPT', 550, '5.1.1'],
  ['MAIL FROM:<a@example.org> SIZE=10240: 552 5.3.4 Message size exceeds fixed limit', 552, '5.3.4'],
  ['220 mx.example.net ESMTP ready, then: 5.1.1 user unknown', null, '5.1.1'],
  ['Delivery to 550-5.1.1@example.com failed: 5.2.2 mailbox full', null, '5.2.2'],
  ['Delivery to 550-5.1.1@example.com failed', null, null],
  // Not codes: a time, a port.
  ['at 12:550 nothing', null, null],
  ['10:41 550 people came', null, null],
];

describe('vocabulary: line parser', () => {
  for (const [line, replyCode, status] of PARSER) {
    test(line, () => {
      const r = parseSmtpLine(line);
      assert.equal(r.replyCode, replyCode);
      assert.equal(r.status, status);
    });
  }
});

// Whole reports, written by hand on Postfix's DSN layout (src/bounce/ templates and
// src/global/dsn_print.c field order), with the servers' wording in Diagnostic-Code.
function postfixDsn(status: string, diagnostic: string, action = 'failed'): string {
  return [
    'From: MAILER-DAEMON@mx.example.org (Mail Delivery System)',
    'To: sender@example.org',
    'Subject: Undelivered Mail Returned to Sender',
    'MIME-Version: 1.0',
    'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
    '',
    '--b1',
    'Content-Type: text/plain',
    '',
    'This is the mail system at host mx.example.org.',
    '',
    '--b1',
    'Content-Type: message/delivery-status',
    '',
    'Reporting-MTA: dns; mx.example.org',
    '',
    'Final-Recipient: rfc822; rcpt@example.com',
    'Original-Recipient: rfc822;rcpt@example.com',
    `Action: ${action}`,
    `Status: ${status}`,
    'Remote-MTA: dns; mx.example.com',
    `Diagnostic-Code: smtp; ${diagnostic}`,
    '',
    '--b1--',
    '',
  ].join('\n');
}

describe('vocabulary: in a delivery report', () => {
  const cases: [string, string, ReasonId, boolean][] = [
    // postgrey through Postfix smtpd: a deferral, so never hard
    ['4.7.1', '450 4.7.1 <rcpt@example.com>: Recipient address rejected: Greylisted, see http://postgrey.example.net/help/example.com.html', 'speeding', false],
    // Postfix smtpd with reject_rbl_client (default_rbl_reply)
    ['5.7.1', '554 5.7.1 Service unavailable; Client host [192.0.2.8] blocked using bl.example.net', 'blocked', false],
    // a bare 550 with a policy text: not an unknown user
    ['5.0.0', '550 Administrative prohibition', 'policyviolation', false],
    // Dovecot LMTP behind Postfix: the quota plugin's default text
    ['5.2.2', '552 5.2.2 <rcpt@example.com> Quota exceeded (mailbox for user is full)', 'mailboxfull', false],
    // a transient unknown user (Postfix unverified_recipient_defer_code) is soft
    ['4.1.1', '450 4.1.1 <rcpt@example.com>: Recipient address rejected: unverified address: host mx.example.com[192.0.2.3] said: 450 try later', 'userunknown', false],
  ];
  for (const [status, diagnostic, reason, hard] of cases) {
    test(`${diagnostic.slice(0, 70)} → ${reason}`, async () => {
      const d = (await diagnose(postfixDsn(status, diagnostic), { input: 'fixture' })).diagnoses[0];
      assert.ok(d, 'a diagnosis');
      assert.equal(d.recipient, 'rcpt@example.com');
      assert.equal(d.reason, reason);
      assert.equal(d.hardBounce, hard);
    });
  }
});

describe('vocabulary: generic words are words, not parts of names', () => {
  test('"relay" in a host name or a log field is not a relaying refusal', () => {
    const host = findVocabulary(normalizeReasonText('host relay.example.net[192.0.2.1] said: 550 5.7.1 rejected'));
    assert.notEqual(host?.reason, 'norelaying');
    const field = findVocabulary(normalizeReasonText('to=<a@example.com>, relay=mx.example.net[192.0.2.1]:25, status=bounced'));
    assert.notEqual(field?.reason, 'norelaying');
    assert.equal(findVocabulary(normalizeReasonText('550 5.7.1 we do not relay for example.net'))?.reason, 'norelaying');
  });
});

describe('vocabulary: spam and policy only as words', () => {
  test('a host name or a URL holding the word decides nothing', () => {
    assert.equal(findVocabulary(normalizeReasonText('host spamfilter.example.org said: 550 5.7.1 no')), null);
    assert.equal(findVocabulary(normalizeReasonText('550 5.7.1 see https://example.org/policy.html')), null);
    assert.equal(findVocabulary(normalizeReasonText('554 rejected by our anti-spam filter'))?.reason, 'spamdetected');
    assert.equal(findVocabulary(normalizeReasonText('550 5.7.1 rejected by local policy.'))?.reason, 'policyviolation');
  });
});
