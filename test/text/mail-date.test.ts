import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFromLineDate, parseMailDate } from '../../src/text/mail-date';

// [header value, ISO 8601 with the writer's offset, epoch seconds] (null: not a date)
const DATES: [string, string | null, number | null][] = [
  ['Tue, 10 Nov 2026 08:30:12 +0100 (CET)', '2026-11-10T08:30:12+01:00', Date.UTC(2026, 10, 10, 7, 30, 12) / 1000],
  ['Wed, 11 Nov 2026 17:05:44 +0900', '2026-11-11T17:05:44+09:00', Date.UTC(2026, 10, 11, 8, 5, 44) / 1000],
  ['Fri, 13 Nov 2026 06:00:00 -0500', '2026-11-13T06:00:00-05:00', Date.UTC(2026, 10, 13, 11, 0, 0) / 1000],
  ['12 Nov 2026 10:15:03 -0000', '2026-11-12T10:15:03+00:00', Date.UTC(2026, 10, 12, 10, 15, 3) / 1000],
  ['Tue,  3 Nov 2026 09:14:02 +0000 (UTC)', '2026-11-03T09:14:02+00:00', Date.UTC(2026, 10, 3, 9, 14, 2) / 1000],
  ['3 Nov 26 09:14 EST', '2026-11-03T09:14:00-05:00', Date.UTC(2026, 10, 3, 14, 14, 0) / 1000],
  ['Mon, 2 Mar 98 23:59:59 GMT', '1998-03-02T23:59:59+00:00', Date.UTC(1998, 2, 2, 23, 59, 59) / 1000],
  ['Thursday, 12 November 2026 10:15:03 +0530', '2026-11-12T10:15:03+05:30', Date.UTC(2026, 10, 12, 4, 45, 3) / 1000],
  ['Sat, 29 Feb 2025 10:00:00 +0000', null, null], // no 29 February in 2025
  ['Tue, 10 Nov 2026 25:00:00 +0100', null, null],
  ['Tue, 10 Nov 2026 08:30:12 +2400', null, null],
  ['Tue, 10 Foo 2026 08:30:12 +0100', null, null],
  ['yesterday', null, null],
  ['', null, null],
];

for (const [value, iso, epoch] of DATES) {
  test(`parseMailDate(${JSON.stringify(value)})`, () => {
    const date = parseMailDate(value);
    assert.equal(date?.iso ?? null, iso);
    assert.equal(date?.epoch ?? null, epoch);
  });
}

test('the offset is kept as Sisimai writes it ("+0900")', () => {
  assert.equal(parseMailDate('Wed, 11 Nov 2026 17:05:44 +0900')?.offset, '+0900');
  assert.equal(parseMailDate('Fri, 13 Nov 2026 06:00:00 -0500')?.offset, '-0500');
});

// [mbox "From " line, ISO 8601] (asctime dates have no zone: read as UTC)
const FROM_LINES: [string, string | null][] = [
  ['From MAILER-DAEMON Tue Nov  3 09:14:02 2026', '2026-11-03T09:14:02+00:00'],
  ['From MAILER-DAEMON@example.org Sat Nov 14 22:01:09 2026 +0100', '2026-11-14T22:01:09+01:00'],
  ['From bounces+jane=example.com@example.org  Sun Nov 15 01:00:00 2026', '2026-11-15T01:00:00+00:00'],
  ['From someone', null],
];

for (const [line, iso] of FROM_LINES) {
  test(`parseFromLineDate(${JSON.stringify(line)})`, () => {
    assert.equal(parseFromLineDate(line)?.iso ?? null, iso);
  });
}

test('any date in the usual form comes back with its own epoch and offset (seeded sample)', () => {
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  let seed = 14;
  const random = (n: number): number => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed % n;
  };
  const two = (n: number): string => String(n).padStart(2, '0');
  for (let n = 0; n < 2000; n++) {
    const epoch = 946684800 + random(1_000_000_000);
    const offset = (random(2) === 0 ? -1 : 1) * (random(14) * 60 + random(4) * 15);
    const local = new Date((epoch + offset * 60) * 1000);
    const zone = `${offset < 0 ? '-' : '+'}${two(Math.floor(Math.abs(offset) / 60))}${two(Math.abs(offset) % 60)}`;
    const day = random(2) === 0 ? String(local.getUTCDate()) : two(local.getUTCDate());
    const text = `${random(2) === 0 ? `${days[local.getUTCDay()] ?? ''}, ` : ''}${day} ${months[local.getUTCMonth()] ?? ''} ${local.getUTCFullYear()} ${two(local.getUTCHours())}:${two(local.getUTCMinutes())}:${two(local.getUTCSeconds())} ${zone}${random(2) === 0 ? ' (XYZ)' : ''}`;
    const date = parseMailDate(text);
    assert.equal(date?.epoch, epoch, text);
    assert.equal(date.offset, zone, text);
  }
});
