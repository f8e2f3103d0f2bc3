import { test } from 'node:test';
import assert from 'node:assert/strict';
import { explainCandidate } from '../../src/explain';
import { BLOCKLISTS, findBlocklist } from '../../src/blocklists';
import type { Candidate } from '../../src/types';
import { candidate as bare } from '../helpers/candidate';

function candidate(diagnostic: string): Candidate {
  return bare(diagnostic, { recipient: 'someone@example.com', action: 'failed', remoteMta: 'mx.example.net', command: 'RCPT' });
}

// [reply text, list id, name, listed, lookup]
const CASES: [string, string, string, string | null, string | null][] = [
  [
    'host mx.example.net[198.51.100.7] said: 554 5.7.1 Service unavailable; Client host [192.0.2.44] blocked using zen.spamhaus.org; https://www.spamhaus.org/query/ip/192.0.2.44',
    'spamhaus', 'Spamhaus ZEN', '192.0.2.44', 'https://check.spamhaus.org/',
  ],
  ['554 5.7.1 Service unavailable; Client host [192.0.2.45] blocked using sbl.spamhaus.org', 'spamhaus', 'Spamhaus SBL', '192.0.2.45', 'https://check.spamhaus.org/'],
  ['550 5.7.1 Rejected: 192.0.2.46 listed at xbl.spamhaus.org', 'spamhaus', 'Spamhaus XBL', '192.0.2.46', 'https://check.spamhaus.org/'],
  ['554 5.7.1 Client host [203.0.113.9] blocked using pbl.spamhaus.org; https://www.spamhaus.org/pbl/', 'spamhaus', 'Spamhaus PBL', '203.0.113.9', 'https://check.spamhaus.org/'],
  ['550 5.7.1 Message rejected: 198.51.100.23 is listed in css.spamhaus.org', 'spamhaus', 'Spamhaus CSS', '198.51.100.23', 'https://check.spamhaus.org/'],
  ['554 5.7.1 Rejected: URL example.org is listed in dbl.spamhaus.org', 'spamhaus', 'Spamhaus DBL', 'example.org', 'https://check.spamhaus.org/'],
  ['554 5.7.1 Message refused, see https://www.spamhaus.org/query/domain/example.net', 'spamhaus', 'Spamhaus DBL', 'example.net', 'https://check.spamhaus.org/'],
  ['553 5.7.1 [BL23] Connections not accepted from IP addresses on Spamhaus XBL; see https://postmaster.yahooinc.com/error-codes', 'spamhaus', 'Spamhaus XBL', null, 'https://check.spamhaus.org/'],
  ['554 5.7.1 Service unavailable; Client host [192.0.2.60] blocked using cbl.abuseat.org', 'spamhaus', 'Spamhaus XBL', '192.0.2.60', 'https://check.spamhaus.org/'],
  [
    '554 5.7.1 Service unavailable; Client host [192.0.2.50] blocked using bl.spamcop.net; Blocked - see https://www.spamcop.net/bl.shtml?192.0.2.50',
    'spamcop', 'SpamCop', '192.0.2.50', 'https://www.spamcop.net/bl.shtml?192.0.2.50',
  ],
  [
    '554 Service unavailable; Client host [192.0.2.51] blocked using b.barracudacentral.org; http://www.barracudanetworks.com/reputation/?pr=1&ip=192.0.2.51',
    'barracuda', 'Barracuda Reputation Block List', '192.0.2.51', 'https://www.barracudacentral.org/lookups',
  ],
  [
    '550 5.7.1 Currently Sending Spam See: http://www.sorbs.net/lookup.shtml?192.0.2.52',
    'sorbs', 'SORBS', '192.0.2.52', null,
  ],
  ['554 5.7.1 Service unavailable; Client host [192.0.2.53] blocked using dnsbl-1.uceprotect.net', 'uceprotect', 'UCEPROTECT Level 1', '192.0.2.53', 'https://www.uceprotect.net/en/rblcheck.php'],
  ['554 5.7.1 Your network 198.51.100.0/24 is listed by UCEPROTECT Level 2 (dnsbl-2.uceprotect.net), IP 198.51.100.54', 'uceprotect', 'UCEPROTECT Level 2', '198.51.100.54', 'https://www.uceprotect.net/en/rblcheck.php'],
  ['554 5.7.1 Client host [192.0.2.55] blocked using noptr.spamrats.com; RATS-NoPtr', 'spamrats', 'SpamRATS RATS-NoPtr', '192.0.2.55', 'https://www.spamrats.com/lookup.php'],
  ['554 5.7.1 Client host [192.0.2.56] blocked using dyna.spamrats.com', 'spamrats', 'SpamRATS RATS-Dyna', '192.0.2.56', 'https://www.spamrats.com/lookup.php'],
  ['550 5.7.1 Rejected: 192.0.2.57 is listed on invaluement ivmSIP', 'invaluement', 'Invaluement ivmSIP', '192.0.2.57', 'https://www.invaluement.com/'],
  ['554 5.7.1 Client host [192.0.2.58] blocked using bl.mailspike.net', 'mailspike', 'Mailspike', '192.0.2.58', 'https://mailspike.org/iplookup.html'],
  [
    '550 5.7.606 Access denied, banned sending IP [192.0.2.59]. To request removal from this list please visit https://sender.office.com/ and follow the directions.',
    'microsoft', 'Microsoft Exchange Online banned IPs', '192.0.2.59', 'https://sender.office.com',
  ],
  [
    "550 5.7.1 Unfortunately, messages from [198.51.100.61] weren't sent. Please contact your Internet service provider since part of their network is on our block list (S3150).",
    'microsoft', 'Microsoft Outlook.com block list', '198.51.100.61', 'https://olcsupport.office.com',
  ],
  [
    '553 5.7.2 [TSS09] All messages from 203.0.113.62 will be permanently deferred; Retrying will NOT succeed. See https://postmaster.yahooinc.com/error-codes',
    'yahoo', "Yahoo's own block", '203.0.113.62', 'https://senders.yahooinc.com/',
  ],
  ['554 5.7.1 Client host [2001:db8::25] blocked using zen.spamhaus.org', 'spamhaus', 'Spamhaus ZEN', '2001:db8::25', 'https://check.spamhaus.org/'],
];

for (const [text, id, name, listed, lookup] of CASES) {
  test(`blocklist ${name}: ${text.slice(0, 50)}`, () => {
    const d = explainCandidate(candidate(text));
    assert.ok(d.blocklist, 'a blocklist is named');
    assert.deepEqual(
      { id: d.blocklist.id, name: d.blocklist.name, listed: d.blocklist.listed, lookup: d.blocklist.lookup },
      { id, name, listed, lookup },
    );
    assert.ok(d.evidence?.some((e) => e.about === 'blocklist'));
    if (lookup !== null) assert.ok(d.explanation.steps?.some((s) => s.includes(lookup)), 'a step points at the lookup page');
  });
}

test('SORBS: the note says it is gone, and the recipient side has to act', () => {
  const d = explainCandidate(candidate('550 5.7.1 Blocked - see http://www.sorbs.net/lookup.shtml?192.0.2.52'));
  assert.match(d.blocklist?.note ?? '', /decommissioned in June 2024/);
  assert.equal(d.explanation.actor, 'recipient-server');
});

test('no blocklist: an ordinary refusal, and the remote server IP of "host …[IP] said:" is never taken as listed', () => {
  assert.equal(findBlocklist('host mx.example.net[198.51.100.7] said: 550 5.1.1 <a@example.com>: User unknown'), null);
  const f = findBlocklist('host mx.example.net[198.51.100.7] said: 554 5.7.1 blocked by Spamhaus, see your provider');
  assert.equal(f?.match.listed, null);
});

test('every list has an id, a pattern and either a lookup page or a note saying why not', () => {
  for (const list of BLOCKLISTS) {
    assert.ok(list.lookup !== null || list.note !== undefined, list.id);
    if (list.lookup !== null) assert.match(list.lookup, /^https:\/\//, list.id);
  }
});
