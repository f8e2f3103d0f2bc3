import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explainCandidate } from '../../src/explain';
import { diagnoseText } from '../../src/pipeline/text';
import { toJsonRecord } from '../../src/render/json';
import { ACTOR_TEXT, REASON_ACTORS, actorFor } from '../../src/explain/actors';
import { ACTOR_IDS, REASON_IDS, type Candidate } from '../../src/types';
import { candidate as bare } from '../helpers/candidate';

function candidate(diagnostic: string, extra: Partial<Candidate> = {}): Candidate {
  return bare(diagnostic, { recipient: 'someone@example.com', ...extra });
}

test('every reason has an actor, and every actor has words', () => {
  for (const id of REASON_IDS) assert.ok(ACTOR_IDS.includes(REASON_ACTORS[id]), id);
  for (const a of ACTOR_IDS) assert.ok(ACTOR_TEXT[a].length > 10, a);
});

// [reply text, extra candidate fields, actor, a word the advice must contain]
const ACTORS: [string, Partial<Candidate>, string, RegExp][] = [
  ['550 5.1.1 <someone@example.com>: Recipient address rejected: User unknown in virtual mailbox table', {}, 'recipient-address', /remove it/i],
  ['550 5.7.26 Unauthenticated email from example.com is not accepted due to domain\'s DMARC policy', {}, 'sender-setup', /SPF|DKIM|DMARC/],
  ['552 5.3.4 Message size exceeds fixed limit', {}, 'sender-content', /smaller/i],
  ['452 4.2.2 The email account that you tried to reach is over quota', {}, 'recipient-mailbox', /day or two|another way/i],
  ['451 4.3.0 Temporary local problem, please try again later', {}, 'nobody', /Nothing to do yet/],
  ['554 5.7.1 Service unavailable; Client host [192.0.2.44] blocked using zen.spamhaus.org', {}, 'sender-setup', /check\.spamhaus\.org/],
  ['554 5.4.7 delivery time expired', { action: 'failed' }, 'network', /resend later|domain/i],
  ['550 5.7.1 Message rejected as spam by Content Filtering', {}, 'sender-content', /wording|links/i],
  ['550 5.2.1 The email account that you tried to reach is disabled', {}, 'recipient-mailbox', /another way/i],
];

for (const [text, extra, actor, advice] of ACTORS) {
  test(`actor ${actor}: ${text.slice(0, 50)}`, () => {
    const d = explainCandidate(candidate(text, extra));
    assert.equal(d.explanation.actor, actor);
    assert.equal(d.explanation.actorText, ACTOR_TEXT[d.explanation.actor ?? 'unknown']);
    assert.match(d.explanation.steps?.join(' ') ?? '', advice);
    assert.equal(d.explanation.advice, d.explanation.steps?.[0]);
    assert.ok(d.evidence?.some((e) => e.about === 'actor'));
  });
}

test('a temporary fault on the receiving side needs nobody; the same fault when final needs its server', () => {
  assert.equal(actorFor('systemerror', 'transient').actor, 'nobody');
  assert.equal(actorFor('systemerror', 'permanent').actor, 'recipient-server');
  assert.equal(actorFor('authfailure', 'transient').actor, 'sender-setup');
});

// [candidate, classifier step, reason, a piece of the note]
const REASON_EVIDENCE: [Candidate, string, string, string][] = [
  [candidate('452 4.2.2 Mailbox full'), 'phrase', 'mailboxfull', 'the words "mailbox full" name mailboxfull'],
  [candidate('550 5.1.1 go away'), 'status', 'userunknown', 'status 5.1.1 points at userunknown'],
  [candidate('552 nope'), 'reply', 'mailboxfull', 'reply code 552 points at mailboxfull'],
  [candidate('550 nope', { command: 'MAIL' }), 'command', 'rejected', 'the error answered MAIL'],
  [candidate('250 2.0.0 Ok: queued', { action: 'delivered' }), 'action', 'delivered', "the report's Action (delivered)"],
  [candidate('550 nope'), 'default', 'onhold', 'no rule matched firmly'],
];

for (const [c, step, reason, note] of REASON_EVIDENCE) {
  test(`reason evidence, ${step} rule: ${c.diagnostic}`, () => {
    const d = explainCandidate(c);
    assert.equal(d.reason, reason);
    const e = d.evidence?.find((x) => x.about === 'reason');
    assert.ok(e);
    assert.ok(e.note.startsWith(`${step} rule: `), e.note);
    assert.ok(e.note.includes(note), e.note);
    if (step === 'phrase') assert.equal(e.input, 'mailbox full');
  });
}

test('reason evidence when the format decides (an auto-reply)', () => {
  const d = explainCandidate(candidate('I am out of the office until Monday.', { reason: 'vacation', format: 'rfc3834' }));
  const e = d.evidence?.find((x) => x.about === 'reason');
  assert.equal(e?.source, 'rfc3834 format');
  assert.match(e.note, /format itself says vacation/);
  assert.equal(d.explanation.actor, 'nobody');
});

test('evidence of codes, class and the hard/soft rule', () => {
  const d = explainCandidate(
    candidate('smtp; 550-5.1.1 The email account that you tried to reach does not exist.\n550 5.1.1 Please try double-checking the recipient\'s email address - gsmtp', {
      statusField: '5.1.1',
      format: 'rfc3464',
    }),
  );
  const by = (about: string) => d.evidence?.find((e) => e.about === about);
  assert.equal(by('replyCode')?.source, 'Diagnostic-Code field');
  assert.match(by('replyCode')?.input ?? '', /^smtp; 550-5\.1\.1/);
  assert.equal(by('status')?.source, 'Status field');
  assert.match(by('status')?.note ?? '', /both the Status field and the reply/);
  assert.equal(by('class')?.note, 'permanent: first digit of 5.1.1');
  assert.match(by('hardBounce')?.note ?? '', /address itself is dead: hard bounce/);
  const soft = explainCandidate(candidate('452 4.2.2 Mailbox full'));
  assert.match(soft.evidence?.find((e) => e.about === 'hardBounce')?.note ?? '', /soft bounce/);
  const notaccept = explainCandidate(candidate('421 4.3.2 Domain does not accept mail (null MX)'));
  if (notaccept.reason === 'notaccept') {
    assert.match(notaccept.evidence?.find((e) => e.about === 'hardBounce')?.note ?? '', /not permanent/);
  }
});

test('a Status field less specific than the reply: the evidence says which was kept', () => {
  const d = explainCandidate(candidate('550 5.1.1 no such user', { statusField: '5.0.0', format: 'rfc3464' }));
  assert.equal(d.status, '5.1.1');
  assert.match(d.evidence?.find((e) => e.about === 'status')?.note ?? '', /only 5\.0\.0.*more specific/);
});

test('evidence quotes are cut short', () => {
  const d = explainCandidate(candidate(`550 5.1.1 ${'x'.repeat(5000)}`));
  for (const e of d.evidence ?? []) assert.ok((e.input ?? '').length <= 200);
});

test('JSON keeps every contract field and adds provider, blocklist, evidence and the advice fields', () => {
  const record = toJsonRecord(diagnoseText('550 5.1.1 <someone@example.com>: Recipient address rejected: User unknown'));
  const d = (record.diagnoses as Record<string, unknown>[])[0] ?? {};
  for (const key of ['recipient', 'action', 'replyCode', 'status', 'class', 'reason', 'hardBounce', 'command', 'remoteMta', 'diagnostic', 'explanation', 'warnings']) {
    assert.ok(key in d, key);
  }
  assert.equal(d.provider, null);
  assert.equal(d.blocklist, null);
  assert.ok(Array.isArray(d.evidence) && d.evidence.length > 0);
  const e = d.explanation as Record<string, unknown>;
  for (const key of ['reply', 'status', 'reason', 'advice']) assert.equal(typeof e[key], 'string', key);
  assert.equal(e.actor, 'recipient-address');
  assert.equal(typeof e.actorText, 'string');
  assert.ok(Array.isArray(e.steps));
});
