import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeReturnAddress } from '../../src/text/verp';
import type { VerpDecoding } from '../../src/types';

// [return address, what it holds (null: an ordinary address)]
const CASES: [string, VerpDecoding | null][] = [
  // VERP with "+" (Mailman, most list servers)
  ['bounces+jane=example.com@list.example.org', { scheme: 'verp', sender: 'bounces@list.example.org', recipient: 'jane@example.com' }],
  ['news-bounces+j.doe=mail.example.net@example.org', { scheme: 'verp', sender: 'news-bounces@example.org', recipient: 'j.doe@mail.example.net' }],
  ['bounces+jane+tag=example.com@list.example.org', { scheme: 'verp', sender: 'bounces@list.example.org', recipient: 'jane+tag@example.com' }],
  ['bounces+jane=Example.COM@list.example.org', { scheme: 'verp', sender: 'bounces@list.example.org', recipient: 'jane@example.com' }],
  // VERP with "-" (qmail): after a bounce word, and the numbers ezmlm puts after it
  ['bounce-jane=example.com@list.example.org', { scheme: 'verp', sender: 'bounce@list.example.org', recipient: 'jane@example.com' }],
  ['weekly-bounces-jane-doe=example.com@example.org', { scheme: 'verp', sender: 'weekly-bounces@example.org', recipient: 'jane-doe@example.com' }],
  ['list-return-42-jane=example.com@example.org', { scheme: 'verp', sender: 'list-return-42@example.org', recipient: 'jane@example.com' }],
  ['announce-sam=example.net@example.org', { scheme: 'verp', sender: 'announce@example.org', recipient: 'sam@example.net' }],
  // SRS: the original envelope sender, never a recipient
  ['SRS0=Ab1x=KQ=example.org=alerts@forwarder.example.net', { scheme: 'srs0', sender: 'alerts@example.org', recipient: null }],
  ['srs0+Ab1x=KQ=example.org=alerts@forwarder.example.net', { scheme: 'srs0', sender: 'alerts@example.org', recipient: null }],
  ['SRS1=Zz9q=forwarder.example.net==Ab1x=KQ=example.org=alerts@second.example.com', { scheme: 'srs1', sender: 'alerts@example.org', recipient: null }],
  // SRS over VERP: both the list's address and the member
  ['SRS0=Ab1x=KQ=list.example.org=bounces+jane=example.com@forwarder.example.net', { scheme: 'srs0', sender: 'bounces@list.example.org', recipient: 'jane@example.com' }],
  // a BATV tag in front is looked through
  ['prvs=0123abcd=bounces+jane=example.com@list.example.org', { scheme: 'verp', sender: 'bounces@list.example.org', recipient: 'jane@example.com' }],
  // ordinary addresses
  ['jane@example.com', null],
  ['jane+newsletter@example.com', null],
  ['first-last@example.com', null],
  ['prvs=0123abcd=jane@example.com', null],
  // "=" with no domain after it, an SRS with a missing part, no local part
  ['bounces+jane=localhost@example.org', null],
  ['bounces+jane=@example.org', null],
  ['bounces+=example.com@example.org', null],
  ['SRS0=Ab1x=example.org@forwarder.example.net', null],
  ['SRS0=Ab1x=KQ=not_a_domain=alerts@forwarder.example.net', null],
  ['@example.org', null],
  ['no-at-sign', null],
];

for (const [address, expected] of CASES) {
  test(`decodeReturnAddress(${JSON.stringify(address)})`, () => {
    assert.deepEqual(decodeReturnAddress(address), expected);
  });
}

test('a long run of "=" and "+" is read in linear time and holds nothing', () => {
  assert.equal(decodeReturnAddress(`${'=+-'.repeat(100_000)}@example.org`), null);
  assert.equal(decodeReturnAddress(`SRS0${'='.repeat(100_000)}@example.org`), null);
});
