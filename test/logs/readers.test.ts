import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readLogText, diagnoseLogRecord, detectLogFormat, createLogReaders, LOG_FORMATS } from '../../src/logs';
import type { LogRecord } from '../../src/logs';

// Hand-written logs (test/logs/fixtures), one per format, written from the
// servers' sources (see the comment at the top of each reader). Each row names
// the record by its first line number and lists what must be read from it.
const FIXTURES = join(__dirname, 'fixtures');
const REFERENCE = new Date('2026-12-05T00:00:00Z');

interface Expected {
  line: number;
  format: string;
  recipient: string | null;
  action: string | null;
  timestamp?: string | null;
  queueId?: string | null;
  relay?: string | null;
  status?: string | null;
  originalRecipient?: string | null;
  command?: string | null;
  replyCode?: number | null;
  /** The diagnosis's status (field or text). */
  dStatus?: string | null;
  reason?: string;
  hardBounce?: boolean;
}

const CASES: Record<string, { records: Expected[]; other: number; skipped: number }> = {
  'postfix.log': {
    other: 4,
    skipped: 0,
    records: [
      { line: 3, format: 'postfix-log', recipient: 'alice@example.com', originalRecipient: 'team@example.org', action: 'failed', timestamp: '2026-12-04T10:00:02', queueId: '4Xq7Lm0AbCz', relay: 'mx.example.com', status: '5.1.1', command: 'RCPT', replyCode: 550, reason: 'userunknown', hardBounce: true },
      { line: 4, format: 'postfix-log', recipient: 'bob@example.net', action: 'delayed', relay: 'mx.example.net', status: '4.2.2', replyCode: 452, reason: 'mailboxfull', hardBounce: false },
      { line: 5, format: 'postfix-log', recipient: 'carol@example.com', action: 'delayed', relay: null, status: '4.4.1', replyCode: null, hardBounce: false },
      { line: 6, format: 'postfix-log', recipient: 'dave@example.org', action: 'delivered', relay: 'mx.example.org', status: '2.0.0', replyCode: 250, reason: 'delivered', hardBounce: false },
      { line: 7, format: 'postfix-log', recipient: 'erin@example.com', action: 'failed', relay: 'mail.example.com', status: '5.2.2', command: 'DATA', replyCode: 552, reason: 'mailboxfull', hardBounce: false },
      { line: 8, format: 'postfix-log', recipient: 'frank@example.net', action: 'failed', queueId: null, relay: null, command: 'RCPT', replyCode: 554, dStatus: '5.7.1', reason: 'norelaying' },
      { line: 9, format: 'postfix-log', recipient: 'grace@example.com', action: 'failed', command: 'RCPT', replyCode: 550, dStatus: '5.7.1' },
      { line: 10, format: 'postfix-log', recipient: null, action: 'failed', queueId: '3Ab4Cd5EfGh', reason: 'expired' },
      { line: 12, format: 'postfix-log', recipient: 'heidi@example.com', action: 'failed', timestamp: '2026-12-04T10:00:11.123456+01:00', queueId: '7Zz1Yy2XxWw', status: '5.7.26', command: 'DATA', replyCode: 550 },
    ],
  },
  'exim.log': {
    other: 2,
    skipped: 0,
    records: [
      { line: 2, format: 'exim-log', recipient: 'alice@example.com', action: 'failed', timestamp: '2026-12-04T10:00:02', queueId: '1tXyZa-000AbC-12', relay: 'mx.example.com', command: 'RCPT', replyCode: 550, dStatus: '5.1.1', reason: 'userunknown', hardBounce: true },
      { line: 3, format: 'exim-log', recipient: 'bob@example.net', action: 'delayed', relay: 'mx.example.net', command: 'RCPT', replyCode: 452, dStatus: '4.2.2', reason: 'mailboxfull', hardBounce: false },
      { line: 4, format: 'exim-log', recipient: 'carol@example.org', action: 'delivered', timestamp: '2026-12-04T10:00:04+01:00', relay: 'mx.example.org', replyCode: 250, reason: 'delivered' },
      { line: 5, format: 'exim-log', recipient: 'dave@example.org', action: 'delivered', replyCode: 250 },
      { line: 6, format: 'exim-log', recipient: 'erin@example.com', action: 'failed', queueId: '2uYzAb-000BcD-34', relay: null, replyCode: null, reason: 'mailboxfull' },
      { line: 8, format: 'exim-log', recipient: 'frank@example.com', action: 'failed', queueId: null, command: 'RCPT', reason: 'userunknown' },
      { line: 9, format: 'exim-log', recipient: 'grace@example.com', action: 'delayed', command: 'RCPT', hardBounce: false },
      { line: 10, format: 'exim-log', recipient: 'heidi@nowhere.example', action: 'failed', queueId: '3vZaBc-000CdE-56' },
    ],
  },
  'sendmail.log': {
    other: 2,
    skipped: 0,
    records: [
      { line: 2, format: 'sendmail-log', recipient: 'alice@example.com', action: 'failed', timestamp: '2026-12-04T10:00:02', queueId: '4B4A01aB003101', relay: 'mx.example.com', status: '5.1.1', replyCode: 550, reason: 'userunknown', hardBounce: true },
      { line: 3, format: 'sendmail-log', recipient: 'bob@example.net', action: 'delayed', relay: 'mx.example.net', status: '4.2.2', replyCode: 452, reason: 'mailboxfull', hardBounce: false },
      { line: 4, format: 'sendmail-log', recipient: 'carol@example.org', action: 'delivered', status: '2.0.0', reason: 'delivered' },
      { line: 5, format: 'sendmail-log', recipient: 'dave@example.com', action: 'failed', queueId: '4B4A01aB003103', relay: null, command: 'RCPT', replyCode: 550, dStatus: '5.7.1', reason: 'norelaying' },
    ],
  },
  'opensmtpd.log': {
    other: 1,
    skipped: 0,
    records: [
      { line: 2, format: 'opensmtpd-log', recipient: 'alice@example.com', action: 'failed', timestamp: '2026-12-04T10:00:02', queueId: '0f1e2d3c4b5a6978', relay: 'mx.example.com', replyCode: 550, dStatus: '5.1.1', reason: 'userunknown', hardBounce: true },
      { line: 3, format: 'opensmtpd-log', recipient: 'bob@example.net', action: 'delayed', relay: 'mx.example.net', replyCode: 452, reason: 'mailboxfull' },
      { line: 4, format: 'opensmtpd-log', recipient: 'carol@example.org', action: 'delivered', replyCode: 250 },
      { line: 5, format: 'opensmtpd-log', recipient: 'dave@example.com', originalRecipient: 'postmaster@example.com', action: 'delivered', relay: null },
      { line: 6, format: 'opensmtpd-log', recipient: 'erin@example.com', action: 'failed', queueId: null, command: 'RCPT', replyCode: 550 },
      { line: 7, format: 'opensmtpd-log', recipient: 'frank@example.com', action: 'failed' },
    ],
  },
  'exchange-trace.csv': {
    other: 2,
    skipped: 0,
    records: [
      { line: 2, format: 'exchange-csv', recipient: 'alice@example.com', action: 'failed', timestamp: '2026-12-04T10:00:01', queueId: '<1234@example.org>', relay: '[192.0.2.10]', replyCode: null },
      { line: 3, format: 'exchange-csv', recipient: 'bob@example.net', action: 'delivered', timestamp: '2026-12-04T13:05:02', reason: 'delivered' },
    ],
  },
  'exchange-tracking.log': {
    // The #Fields header and the RECEIVE row; the four other "#" lines are no one's.
    other: 2,
    skipped: 4,
    records: [
      { line: 7, format: 'exchange-csv', recipient: 'alice@example.com', action: 'failed', timestamp: '2026-12-04T10:00:02.345Z', queueId: '<1234@example.org>', replyCode: 550, dStatus: '5.1.10', reason: 'userunknown', hardBounce: true },
      { line: 8, format: 'exchange-csv', recipient: 'bob@example.net', action: 'delayed', replyCode: 451, dStatus: '4.4.0', hardBounce: false },
    ],
  },
  'generic.log': {
    other: 0,
    skipped: 1,
    records: [
      { line: 1, format: 'log-line', recipient: 'alice@example.com', action: null, timestamp: '2026-12-04T10:00:01', replyCode: 550, dStatus: '5.1.1', reason: 'userunknown', hardBounce: true },
      { line: 2, format: 'log-line', recipient: 'bob@example.net', action: null, timestamp: '2026-12-04T10:00:02Z', replyCode: 452, dStatus: '4.2.2', reason: 'mailboxfull' },
      { line: 4, format: 'log-line', recipient: null, action: null, timestamp: '2026-12-04T10:00:03.125Z', replyCode: 421, dStatus: '4.7.0' },
    ],
  },
  // The example of issue 13: three lines, three records with their own codes.
  'three-lines.txt': {
    other: 0,
    skipped: 0,
    records: [
      { line: 1, format: 'log-line', recipient: null, action: null, timestamp: null, replyCode: 550, dStatus: '5.1.1', reason: 'userunknown', hardBounce: true },
      { line: 2, format: 'log-line', recipient: null, action: null, replyCode: 452, dStatus: '4.2.2', reason: 'mailboxfull', hardBounce: false },
      { line: 3, format: 'log-line', recipient: null, action: null, replyCode: 421, dStatus: '4.7.0', hardBounce: false },
    ],
  },
};

function check(file: string, rec: LogRecord, want: Expected): void {
  const where = `${file}:${want.line}`;
  const d = diagnoseLogRecord(rec);
  assert.equal(rec.line, want.line, where);
  assert.equal(rec.format, want.format, `${where} format`);
  assert.equal(d.format, want.format, `${where} diagnosis format`);
  assert.equal(rec.recipient, want.recipient, `${where} recipient`);
  assert.equal(d.recipient, want.recipient, `${where} diagnosis recipient`);
  assert.equal(rec.action, want.action, `${where} action`);
  const optional: [keyof Expected, unknown][] = [
    ['timestamp', rec.timestamp],
    ['queueId', rec.queueId],
    ['relay', rec.relay],
    ['status', rec.status],
    ['originalRecipient', rec.originalRecipient],
    ['command', d.command],
    ['replyCode', d.replyCode],
    ['dStatus', d.status],
    ['reason', d.reason],
    ['hardBounce', d.hardBounce],
  ];
  for (const [name, actual] of optional) {
    if (want[name] !== undefined) assert.equal(actual, want[name], `${where} ${name}`);
  }
  // The log's fields ride along with the diagnosis.
  assert.equal(d.timestamp, rec.timestamp, `${where} diagnosis timestamp`);
  assert.equal(d.queueId, rec.queueId, `${where} diagnosis queueId`);
  if (rec.action !== null) assert.equal(d.action, rec.action, `${where} diagnosis action`);
}

for (const [file, want] of Object.entries(CASES)) {
  test(`log fixture ${file}: one record per error line, with its fields`, () => {
    const got = readLogText(readFileSync(join(FIXTURES, file), 'utf8'), { referenceDate: REFERENCE });
    assert.deepEqual(
      got.records.map((r) => r.line),
      want.records.map((r) => r.line),
      'record line numbers',
    );
    got.records.forEach((rec, i) => {
      const expected = want.records[i];
      if (expected !== undefined) check(file, rec, expected);
    });
    assert.equal(got.other, want.other, 'lines known to a reader but reporting nothing');
    assert.equal(got.skipped, want.skipped, 'lines skipped');
  });
}

test('each server format is detected on its own fixture', () => {
  const cases: [string, string][] = [
    ['postfix.log', 'postfix-log'],
    ['exim.log', 'exim-log'],
    ['sendmail.log', 'sendmail-log'],
    ['opensmtpd.log', 'opensmtpd-log'],
    ['exchange-trace.csv', 'exchange-csv'],
    ['exchange-tracking.log', 'exchange-csv'],
    ['generic.log', 'log-line'],
    ['three-lines.txt', 'log-line'],
  ];
  for (const [file, format] of cases) {
    assert.equal(detectLogFormat(readFileSync(join(FIXTURES, file), 'utf8')), format, file);
  }
  assert.equal(detectLogFormat('hello\nworld\n'), null);
});

test('a server reader does not claim the lines of another server', () => {
  const own: Record<string, string> = {
    'postfix.log': 'postfix-log',
    'exim.log': 'exim-log',
    'sendmail.log': 'sendmail-log',
    'opensmtpd.log': 'opensmtpd-log',
  };
  const ids = new Set(Object.values(own));
  const readers = createLogReaders().filter((r) => ids.has(r.id));
  for (const [file, id] of Object.entries(own)) {
    const lines = readFileSync(join(FIXTURES, file), 'utf8').split('\n').filter((l) => l !== '');
    for (const line of lines) {
      for (const reader of readers) {
        assert.equal(reader.recognises(line), reader.id === id, `${reader.id} on ${file}: ${line.slice(0, 60)}`);
      }
    }
  }
  assert.deepEqual(LOG_FORMATS, ['postfix-log', 'exim-log', 'sendmail-log', 'opensmtpd-log', 'exchange-csv', 'log-line']);
});

test('syslog stamps without a year: the reference date decides, else "--MM-DD"', () => {
  const line = 'Dec 31 23:59:59 mx1 postfix/smtp[1]: 4Xq7Lm0AbCz: to=<a@example.com>, relay=none, delay=1, delays=1/0/0/0, dsn=4.4.1, status=deferred (connect to mx.example.com[192.0.2.10]:25: Connection refused)';
  const read = (referenceDate?: Date): string | null =>
    readLogText(line, referenceDate === undefined ? {} : { referenceDate }).records[0]?.timestamp ?? null;
  assert.equal(read(), '--12-31T23:59:59');
  assert.equal(read(new Date('2027-01-01T00:10:00Z')), '2026-12-31T23:59:59');
  assert.equal(read(new Date('2026-12-31T23:59:59Z')), '2026-12-31T23:59:59');
});

test('journald-style zero-padded days and RFC 3339 offsets without a colon', () => {
  const text = [
    'Dec 04 10:00:01 mx1 postfix/smtp[1]: 4Xq7Lm0AbCz: to=<a@example.com>, relay=mx.example.com[192.0.2.10]:25, delay=1, delays=1/0/0/0, dsn=5.1.1, status=bounced (host mx.example.com[192.0.2.10] said: 550 5.1.1 no such user (in reply to RCPT TO command))',
    '2026-12-04T10:00:01+0100 mx1 postfix/smtp[1]: 4Xq7Lm0AbCz: to=<b@example.com>, relay=mx.example.com[192.0.2.10]:25, delay=1, delays=1/0/0/0, dsn=5.1.1, status=bounced (host mx.example.com[192.0.2.10] said: 550 5.1.1 no such user (in reply to RCPT TO command))',
  ].join('\n');
  const got = readLogText(text, { referenceDate: REFERENCE }).records.map((r) => [r.recipient, r.timestamp]);
  assert.deepEqual(got, [
    ['a@example.com', '2026-12-04T10:00:01'],
    ['b@example.com', '2026-12-04T10:00:01+01:00'],
  ]);
});

test('a multi-line reply pasted under a log line stays one record', () => {
  const text = [
    '2026-12-04 10:00:01 delivery to <a@example.com> failed:',
    '    550-5.7.26 Unauthenticated email from example.org is not accepted due to',
    '    550-5.7.26 the domain\'s DMARC policy.',
    '    550 5.7.26 Please contact the administrator of example.org.',
    '452 4.2.2 mailbox full',
  ].join('\n');
  const got = readLogText(text).records.map((r) => {
    const d = diagnoseLogRecord(r);
    return [r.line, r.recipient, d.replyCode, d.status];
  });
  assert.deepEqual(got, [
    [1, 'a@example.com', 550, '5.7.26'],
    [5, null, 452, '4.2.2'],
  ]);
});

// [line, format, recipient, action, timestamp, queueId, relay, command, replyCode, status (diagnosis), logStatus]
const VARIANTS: readonly [string, string, string | null, string | null, string, string | null, string | null, string | null, number | null, string | null, string][] = [
  [
    'Dec  4 10:00:01 mx1 postfix-out/smtp[1]: 4Xq7Lm0AbCz: to=<a@example.com>, relay=mx.example.com[192.0.2.10]:25, delay=1, delays=1/0/0/0, dsn=4.2.2, status=SOFTBOUNCE (host mx.example.com[192.0.2.10] said: 552 5.2.2 Mailbox full (in reply to RCPT TO command))',
    'postfix-log', 'a@example.com', 'delayed', '2026-12-04T10:00:01', '4Xq7Lm0AbCz', 'mx.example.com', 'RCPT', 552, '4.2.2', 'SOFTBOUNCE',
  ],
  [
    'Dec  4 10:00:02 mx1 postfix/cleanup[2]: 5Rt8Nn1BcDe: milter-reject: END-OF-MESSAGE from mail.example.org[198.51.100.20]: 5.7.1 Rejected by content filter; from=<s@example.org> to=<b@example.com> proto=ESMTP helo=<mail.example.org>',
    'postfix-log', 'b@example.com', 'failed', '2026-12-04T10:00:02', '5Rt8Nn1BcDe', null, 'DATA', null, '5.7.1', 'milter-reject',
  ],
  [
    'Dec  4 10:00:03 mx1 postfix/cleanup[2]: 6Hj9Kk2LmNp: reject: header Subject: Win big from mail.example.org[198.51.100.20]; from=<s@example.org> to=<c@example.com> proto=ESMTP helo=<mail.example.org>: 5.7.1 Message content rejected',
    'postfix-log', 'c@example.com', 'failed', '2026-12-04T10:00:03', '6Hj9Kk2LmNp', null, 'DATA', null, '5.7.1', 'reject',
  ],
  [
    'Dec  4 10:00:04 mx1 postfix/smtpd[9]: NOQUEUE: reject: RCPT from mail.example.org[198.51.100.20]: 450 4.1.8 <s@nowhere.example>: Sender address rejected: Domain not found; from=<s@nowhere.example> to=<i@example.com> proto=ESMTP helo=<mail.example.org>',
    'postfix-log', 'i@example.com', 'delayed', '2026-12-04T10:00:04', null, null, 'RCPT', 450, '4.1.8', 'reject',
  ],
  [
    'Dec  4 10:00:05 mx1 postfix/local[9]: 7Zz1Yy2XxWw: to=<h@example.com>, relay=local, delay=0.1, delays=0/0/0/0.1, dsn=5.1.1, status=bounced (unknown user: "h")',
    'postfix-log', 'h@example.com', 'failed', '2026-12-04T10:00:05', '7Zz1Yy2XxWw', 'local', null, null, '5.1.1', 'bounced',
  ],
  [
    '2026-12-04 10:00:06.123 [4242] 1tXyZa-000000AbCd-1234 ** d@example.com R=dnslookup T=remote_smtp H=mx.example.com [192.0.2.10]:25: SMTP error from remote mail server after end of data: 554 5.7.1 Spam message rejected',
    'exim-log', 'd@example.com', 'failed', '2026-12-04T10:00:06.123', '1tXyZa-000000AbCd-1234', 'mx.example.com', 'DATA', 554, '5.7.1', '**',
  ],
  [
    'Dec  4 10:00:07 relay exim[77]: 1tXyZa-000AbC-12 == e@example.com R=dnslookup T=remote_smtp defer (111): Connection refused',
    'exim-log', 'e@example.com', 'delayed', '2026-12-04T10:00:07', '1tXyZa-000AbC-12', null, null, null, null, '==',
  ],
  [
    'Dec  4 10:00:08 relay sendmail[3102]: 4B4A01aB003101: to=<f@example.com>,<g@example.com>, delay=00:00:01, xdelay=00:00:01, mailer=esmtp, pri=120432, relay=mx.example.com. [192.0.2.10], dsn=5.0.0, stat=Service unavailable',
    'sendmail-log', 'f@example.com', 'failed', '2026-12-04T10:00:08', '4B4A01aB003101', 'mx.example.com', null, null, '5.0.0', 'Service unavailable',
  ],
];

test('variants: second Postfix instances, soft_bounce, milter and header rejects, Exim 4.97 ids and syslog, Sendmail lists', () => {
  for (const [line, format, recipient, action, timestamp, queueId, relay, command, replyCode, status, logStatus] of VARIANTS) {
    const [rec] = readLogText(line, { referenceDate: REFERENCE }).records;
    assert.ok(rec !== undefined, line);
    const d = diagnoseLogRecord(rec);
    assert.deepEqual(
      [rec.format, rec.recipient, rec.action, rec.timestamp, rec.queueId, rec.relay, d.command, d.replyCode, d.status, rec.logStatus],
      [format, recipient, action, timestamp, queueId, relay, command, replyCode, status, logStatus],
      line,
    );
  }
});
