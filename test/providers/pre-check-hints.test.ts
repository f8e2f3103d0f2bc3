import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { BLOCKLISTS } from '../../src/blocklists';
import { PROVIDERS } from '../../src/providers';
import { FIXTURES } from '../helpers/paths';

// findBlocklist and detectProvider skip a pattern when the text holds none of
// its hints: a text the pattern matches must always hold one. Checked on one
// example of each alternative of every pattern and on every line of the fixtures.
const EXAMPLES = [
  'blocked using zen.spamhaus.org', 'listed at cbl.abuseat.org', 'Blocked - see [BL21]', 'rejected (BL000010)',
  'spamhaus dbl', 'SBL 12345 spamhaus sbl', 'blocked by SpamCop', 'barracudacentral.org/rbl', 'Barracuda Reputation',
  'b.barracuda', 'dnsbl.sorbs.net', 'SORBS', 'UCEPROTECT Level 2', 'dnsbl-1.uceprotect.net', 'spamrats', 'RATS-Dyna',
  'RATS-NoPtr', 'Invaluement', 'ivmSIP/24', 'ivmURI', 'MailSpike', 'Banned Sending IP', 'sender.office.com', '(S3150)',
  'part of their network is on our block list', '5.7.606 Access denied', '5.7.649', '[TSS09]', '[TSS11]',
  'Messages from 192.0.2.1 will be permanently deferred', 'support.apple.com/en-us/HT204137', 'support.apple.com/102322',
  'postmaster.comcast.net', 'postmaster.gmx.net', 'postmaster.web.de', 'x.1 - gsmtp', '- gcdp', 'support.google.com/mail/',
  'support.google.com/a/', 'postmaster.mail.ru', 'RESOLVER.ADR.RecipNotFound', 'ROUTING.RecipLoop', 'STOREDRV.Submission.',
  'prod.outlook.com', 'mail.163.com/help', 'DT:SPM 163', 'OFR004_104', 'OFR_999', 'postmaster.t-online.de',
  'tosa@rx.t-online.de', 'service.mail.qq.com', 'senders.yahooinc.com', 'postmaster.yahooinc.com', 'postmaster.aol.com',
  '[TSS04]', '[PH01]', '[BL21]', '[IPTS04]',
];

/** Every line of every fixture file, the lab's real bounces (test/fixtures/lab/<server>/) included. */
function fixtureLines(): string[] {
  const files = (readdirSync(FIXTURES, { recursive: true }) as string[]).filter((f) => /\.(?:eml|json)$/.test(f));
  return files.flatMap((f) => readFileSync(join(FIXTURES, f), 'latin1').split('\n'));
}

test('every text a blocklist pattern or a provider marker matches holds one of its hints', () => {
  const texts = [...EXAMPLES, ...fixtureLines()];
  let matched = 0;
  for (const text of texts) {
    const lower = text.toLowerCase();
    for (const list of BLOCKLISTS) {
      if (!list.pattern.test(text)) continue;
      matched++;
      assert.ok(list.hints.some((h) => lower.includes(h)), `${list.id}: ${text}`);
    }
    for (const p of PROVIDERS) {
      if (p.marker?.test(text) !== true) continue;
      matched++;
      assert.ok(p.markerHints?.some((h) => text.includes(h)), `${p.id}: ${text}`);
    }
  }
  assert.ok(matched >= EXAMPLES.length);
  for (const list of BLOCKLISTS) for (const h of list.hints) assert.equal(h, h.toLowerCase());
  for (const p of PROVIDERS) assert.equal(p.marker === undefined, p.markerHints === undefined, p.id);
});
