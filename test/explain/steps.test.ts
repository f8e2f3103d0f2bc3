import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseStatus } from '../../src/explain/status';
import { actionFor, chooseClass } from '../../src/explain/class';
import { overrideByProvider } from '../../src/explain/provider-override';
import { describeCodes } from '../../src/explain/describe';
import { quote, lineWith } from '../../src/explain/evidence';
import { explainCandidate } from '../../src/explain';
import { detectProvider } from '../../src/providers';
import { MAX_EVIDENCE_QUOTE } from '../../src/limits';
import { candidate } from '../helpers/candidate';

// [Status field, code in the reply, status kept, evidence source, a warning is given]
const STATUS: [string | null, string | null, string | null, string, boolean][] = [
  [null, null, null, 'server reply', false],
  [null, '5.1.1', '5.1.1', 'server reply', false],
  ['5.1.1', null, '5.1.1', 'Status field', false],
  ['5.1.1', '5.1.1', '5.1.1', 'Status field', false],
  ['5.0.0', '5.1.1', '5.1.1', 'server reply', false],
  ['5.2.2', '5.1.1', '5.2.2', 'Status field', false],
  ['4.0.0', '5.1.1', '5.1.1', 'server reply', true],
  ['5.1.1', '4.2.2', '5.1.1', 'Status field', true],
];

test('status step: a status the format states is weighed like a field but never cited as a Status field', () => {
  const s = chooseStatus({ statusField: null, statedStatus: '5.0.0', format: 'exim' }, null, '550 text', 'server reply');
  assert.equal(s.status, '5.0.0');
  const [first] = s.evidence;
  assert.ok(first);
  assert.equal(first.source, 'exim format');
  assert.doesNotMatch(first.note, /from the Status field/);
});

for (const [field, fromText, kept, source, warns] of STATUS) {
  test(`status step: field ${field}, reply ${fromText} → ${kept}`, () => {
    const s = chooseStatus({ statusField: field, format: 'rfc3464' }, fromText, `550 ${fromText ?? ''} text`, 'server reply');
    assert.equal(s.status, kept);
    assert.equal(s.evidence.length, 1);
    assert.equal(s.evidence[0]?.about, 'status');
    assert.equal(s.evidence[0].source, source);
    assert.equal(s.warning !== null, warns, String(s.warning));
  });
}

test('class step: the status code decides, else the reply code; the action follows the class', () => {
  assert.equal(chooseClass('4.2.2', 550).cls, 'transient');
  assert.equal(chooseClass(null, 550).cls, 'permanent');
  assert.match(chooseClass(null, 550).evidence[0]?.note ?? '', /reply code 550/);
  assert.equal(chooseClass(null, null).cls, null);
  assert.equal(actionFor('permanent'), 'failed');
  assert.equal(actionFor('transient'), 'delayed');
  assert.equal(actionFor('success'), 'delivered');
  assert.equal(actionFor(null), null);
});

test('provider override step: nothing to override when the format decided the reason', () => {
  const provider = detectProvider({ remoteMta: null, recipient: null, text: '550 5.7.27 sorry - gsmtp', status: '5.7.27' });
  assert.equal(provider?.code?.reason, 'authfailure');
  const kept = overrideByProvider('vacation', null, provider, '5.7.27');
  assert.equal(kept.reason, 'vacation');
  assert.deepEqual(kept.evidence, []);
  const replaced = overrideByProvider('onhold', { reason: 'onhold', rule: 'default', matched: null }, provider, '5.7.27');
  assert.equal(replaced.reason, 'authfailure');
  assert.equal(replaced.evidence[0]?.source, 'provider');
});

test('describe step: titles for the text view, sentences for the JSON', () => {
  const d = describeCodes(550, '5.1.1', 'userunknown');
  assert.equal(d.titles.reason, 'The recipient address does not exist');
  assert.equal(d.titles.reply?.known, true);
  assert.ok(d.reply.startsWith(`${d.titles.reply.title}. `));
  assert.equal(d.titles.status?.classDigit, '5');
  assert.equal(d.titles.status.subjectDigit, '1');
  assert.notEqual(d.titles.status.detailTitle, null);
  assert.ok(d.status.endsWith(d.titles.status.summary));
  const odd = describeCodes(557, '5.1.99', 'onhold');
  assert.equal(odd.titles.reply?.known, false);
  assert.equal(odd.titles.status?.detailTitle, null);
  const none = describeCodes(null, null, 'undefined');
  assert.equal(none.titles.reply, null);
  assert.equal(none.titles.status, null);
  assert.equal(none.reply, '');
  assert.equal(none.status, '');
});

test('evidence quotes: one line, cut to the cap; a code is quoted with the words around it', () => {
  assert.equal(quote('a\n  b\tc'), 'a b c');
  assert.equal(quote('x'.repeat(1000)).length, MAX_EVIDENCE_QUOTE);
  const around = lineWith(`${'a'.repeat(100)} 550 ${'b'.repeat(200)}`, '550');
  assert.ok(around.startsWith('…') && around.endsWith('…') && around.includes(' 550 '), around);
});

test('the evidence lists the steps in order: input, codes, class, reason, override, verdict, provider, blocklist, actor, warnings', () => {
  const d = explainCandidate(
    candidate('550 5.7.27 sorry, client [192.0.2.44] blocked using zen.spamhaus.org; try again later - gsmtp', { recipient: 'a@example.com' }),
  );
  const order = (d.evidence ?? []).map((e) => e.about);
  assert.deepEqual(order.slice(0, 4), ['input', 'replyCode', 'status', 'class']);
  const at = (about: string) => order.indexOf(about as never);
  assert.ok(at('reason') < at('hardBounce'));
  assert.ok(at('hardBounce') < at('provider'));
  assert.ok(at('provider') < at('blocklist'));
  assert.ok(at('blocklist') < at('actor'));
  assert.ok(order.lastIndexOf('reason') < at('hardBounce'));
  assert.equal(order.at(-1), 'warning');
  assert.ok(d.warnings.length > 0);
});

// Exim's "Unrouteable address" (5.0.0) is written both when a domain has no DNS
// records and when no router knows a local part of the server's own domain.
const UNROUTEABLE: [string, string | null, string][] = [
  ['nobody@example.org', 'mx.example.org', 'userunknown'],
  ['nobody@example.org', 'example.org', 'userunknown'],
  ['nobody@Example.ORG', 'MX1.example.org.', 'userunknown'],
  ['nobody@nx.example.net', 'mx.example.org', 'hostunknown'],
  ['nobody@example.org', 'mx.example.org.example.net', 'hostunknown'],
  ['nobody@sub.example.org', 'mx.example.org', 'hostunknown'],
  ['nobody@example.org', null, 'hostunknown'],
  ['nobody@example.org', '192.0.2.25', 'hostunknown'],
  ['nobody@org', 'mx.org', 'hostunknown'],
];

for (const [recipient, reportingMta, reason] of UNROUTEABLE) {
  test(`reason step: "Unrouteable address" for ${recipient} reported by ${String(reportingMta)} → ${reason}`, () => {
    const c = candidate('This is a permanent error. The following address(es) failed: Unrouteable address', {
      recipient,
      reportingMta,
      statusField: '5.0.0',
      action: 'failed',
      format: 'rfc3464',
    });
    const d = explainCandidate(c);
    assert.equal(d.reason, reason);
    assert.equal(d.hardBounce, true);
    const note = (d.evidence ?? []).find((e) => e.about === 'reason')?.note ?? '';
    assert.equal(note.includes("is the reporting server's own"), reason === 'userunknown');
  });
}

test('reason step: the own-domain reading changes only the Unrouteable words, not another hostunknown phrase', () => {
  const c = candidate('550 5.1.2 Host unknown', { recipient: 'nobody@example.org', reportingMta: 'mx.example.org', format: 'rfc3464' });
  assert.equal(explainCandidate(c).reason, 'hostunknown');
});
