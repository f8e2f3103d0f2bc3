import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explainCandidate } from '../../src/explain';
import { checkConsistency } from '../../src/explain/consistency';
import { candidate } from '../helpers/candidate';

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
