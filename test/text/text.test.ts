import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitLines } from '../../src/text/lines';
import { foldSpaces, oneLine } from '../../src/text/fold-spaces';
import { cleanAddress, findAddresses, isSystemAddress } from '../../src/text/addresses';

test('splitLines keeps at most `max` lines, in order, and keeps a CR on its line', () => {
  const rows: [string, number, string[]][] = [
    ['a\nb\nc', 10, ['a', 'b', 'c']],
    ['a\nb\nc', 2, ['a', 'b']],
    ['a\r\nb', 5, ['a\r', 'b']],
    ['', 3, ['']],
  ];
  for (const [text, max, want] of rows) assert.deepEqual(splitLines(text, max), want, JSON.stringify(text));
});

test('splitLines on a huge text returns only the capped lines', () => {
  const text = 'x\n'.repeat(100_000);
  assert.equal(splitLines(text, 3000).length, 3000);
});

test('foldSpaces and oneLine: each run of white space is one space', () => {
  const rows: [string, string, string][] = [
    ['550  5.1.1\n\tUser unknown', '550 5.1.1 User unknown', '550 5.1.1 User unknown'],
    ['  lead and trail \n', ' lead and trail ', 'lead and trail'],
    ['no change', 'no change', 'no change'],
  ];
  for (const [input, folded, one] of rows) {
    assert.equal(foldSpaces(input), folded);
    assert.equal(foldSpaces(input), input.replace(/\s+/g, ' '));
    assert.equal(oneLine(input), one);
  }
});

test('findAddresses reads addresses in order, without surrounding dots or brackets', () => {
  const rows: [string, string[]][] = [
    ['<kijitora@example.net>: User unknown', ['kijitora@example.net']],
    ['to neko@example.org. and inu@example.com', ['neko@example.org', 'inu@example.com']],
    ['no address here', []],
  ];
  for (const [text, want] of rows) assert.deepEqual(findAddresses(text), want, text);
  assert.equal(cleanAddress('rfc822; "Neko" <neko@example.org>'), 'neko@example.org');
  assert.equal(cleanAddress('nothing'), null);
});

test('isSystemAddress: MAILER-DAEMON and postmaster are the mail system, people are not', () => {
  assert.equal(isSystemAddress('MAILER-DAEMON@example.net'), true);
  assert.equal(isSystemAddress('postmaster@example.org'), true);
  assert.equal(isSystemAddress('kijitora@example.net'), false);
});
