import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explainCandidate } from '../src/explain';
import { diagnoseText } from '../src/diagnose';
import { toJsonRecord } from '../src/render/json';
import { ACTOR_TEXT, REASON_ACTORS, actorFor, checkConsistency } from '../src/advice';
import { ACTOR_IDS, REASON_IDS, type Candidate } from '../src/types';

function candidate(diagnostic: string, extra: Partial<Candidate> = {}): Candidate {
  return { recipient: 'someone@example.com', action: null, statusField: null, diagnostic, remoteMta: null, command: null, format: 'argv', ...extra };
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

// [reply code, status, text, warning ids expected (exactly)]
const CONSISTENCY: [number | null, string | null, string, string[]][] = [
  [554, '5.7.1', 'Service unavailable', ['pair-not-associated']],
  [421, '4.7.0', 'Try again later', ['pair-not-associated']],
  [550, '5.1.1', 'No such user', []],
  [454, '4.7.0', 'Try again later', []],
  [556, '5.1.10', 'Domain does not accept mail', []],
  [550, '5.1.1', 'Mailbox full', ['full-under-unknown']],
  [550, '5.1.10', 'Mailbox is full', ['pair-not-associated', 'full-under-unknown']],
  [552, '5.2.2', 'User unknown', ['unknown-under-full']],
  [550, '5.7.1', 'Temporarily rejected, try again later', ['temporary-under-permanent']],
  [554, null, 'Service temporarily unavailable', ['temporary-under-permanent']],
  [450, '4.7.1', 'This is a permanent failure', ['pair-not-associated', 'permanent-under-temporary']],
  [451, '4.7.1', 'This is a permanent failure', ['permanent-under-temporary']],
  // "permanently deferred; retrying will NOT succeed" is consistent with a 5xx, whatever "deferred" suggests.
  [550, '5.7.1', 'All messages from 192.0.2.5 will be permanently deferred; Retrying will NOT succeed', []],
  // A class mismatch (450 with 5.1.1) is the line parser's warning, not repeated here.
  [450, '5.1.1', 'mailbox unavailable', []],
  [null, null, 'Mailbox full', []],
];

for (const [replyCode, status, text, ids] of CONSISTENCY) {
  test(`consistency ${replyCode} ${status}: ${text}`, () => {
    assert.deepEqual(checkConsistency({ replyCode, status, text }).map((f) => f.id), ids);
  });
}

test("a provider's own code is not checked against the registry's pairs (Microsoft 550 5.1.10)", () => {
  const d = explainCandidate(candidate('550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup', { remoteMta: 'mx.outlook.com' }));
  assert.deepEqual(d.warnings, []);
  const plain = checkConsistency({ replyCode: 550, status: '5.1.10', text: 'Recipient not found' });
  assert.deepEqual(plain.map((f) => f.id), ['pair-not-associated']);
});

test('the pair warning names the codes the registry pairs with the status, "or" before the last', () => {
  const many = checkConsistency({ replyCode: 554, status: '5.7.1', text: 'x' })[0]?.message ?? '';
  assert.match(many, /it pairs 5\.7\.1 with 451, 454, 502, 503, 533, 550 or 551\)/);
  const one = checkConsistency({ replyCode: 550, status: '5.1.10', text: 'x' })[0]?.message ?? '';
  assert.match(one, /it pairs 5\.1\.10 with 556\)/);
});

test('consistency warnings reach the diagnosis and its evidence', () => {
  const d = explainCandidate(candidate('550 5.1.1 Mailbox full'));
  assert.ok(d.warnings.some((w) => /does not exist.*mailbox full/.test(w)));
  assert.ok(d.evidence?.some((e) => e.about === 'warning' && e.note === 'full-under-unknown'));
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
