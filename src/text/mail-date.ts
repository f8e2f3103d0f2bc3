// Dates as mail writes them (RFC 5322 §3.3, with the obsolete forms of §4.3
// that servers still send, and the asctime form of an mbox "From " line),
// turned into ISO 8601 with the writer's own offset kept: a bounce dated
// "+0900" stays "+09:00", so a reader sees the sender's local time.

/** A date read from a header: ISO 8601 with its offset, epoch seconds, the offset as "+0900". */
export interface MailDate {
  iso: string;
  epoch: number;
  offset: string;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

// RFC 5322 §4.3's obsolete zone names, in minutes east of UTC. Military
// one-letter zones are left out: RFC 5322 says their sign was often wrong.
const ZONES: Record<string, number> = {
  ut: 0, utc: 0, gmt: 0, z: 0,
  est: -300, edt: -240, cst: -360, cdt: -300, mst: -420, mdt: -360, pst: -480, pdt: -420,
};

// [day-of-week ","] day month year hour ":" minute [":" second] zone; the
// parts are matched one by one, each bounded, so the match is linear.
const RFC5322 =
  /^(?:[a-z]{2,9},?\s*)?(\d{1,2})[\s-]+([a-z]{3})[a-z]{0,6}\.?[\s-]+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d{1,6})?\s*([+-]\d{4}|[a-z]{1,5})?/i;

// An mbox "From " line's date (asctime): "Tue Nov  3 09:14:02 2026", perhaps with a zone after.
const ASCTIME = /([a-z]{3})\s+(\d{1,2})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s+(\d{4})(?:\s+([+-]\d{4}|[a-z]{1,5}))?\s*$/i;

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);

// Days of each month (February of a leap year checked apart).
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeap = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** Minutes east of UTC for a zone ("+0900", "EST", "GMT"); null for one we cannot read. */
function zoneMinutes(zone: string | undefined): number | null {
  if (zone === undefined) return 0;
  const sign = zone.charCodeAt(0);
  if (sign === 0x2b || sign === 0x2d) {
    const hours = Number(zone.slice(1, 3));
    const minutes = Number(zone.slice(3, 5));
    if (hours > 23 || minutes > 59) return null;
    return (sign === 0x2d ? -1 : 1) * (hours * 60 + minutes);
  }
  return ZONES[zone.toLowerCase()] ?? null;
}

function build(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  zone: number,
): MailDate | null {
  if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 60 || year < 1000) return null;
  // 31 February and the like would roll over in Date.UTC: refuse them instead.
  if (day > (month === 2 && isLeap(year) ? 29 : (DAYS[month - 1] ?? 31))) return null;
  const sec = Math.min(second, 59);
  const local = Date.UTC(year, month - 1, day, hour, minute, sec);
  const sign = zone < 0 ? '-' : '+';
  const hh = pad2(Math.floor(Math.abs(zone) / 60));
  const mm = pad2(Math.abs(zone) % 60);
  const iso = `${year}-${pad2(month)}-${pad2(day)}T${pad2(hour)}:${pad2(minute)}:${pad2(sec)}${sign}${hh}:${mm}`;
  return { iso, epoch: Math.floor(local / 1000) - zone * 60, offset: `${sign}${hh}${mm}` };
}

/** Two-digit years as RFC 5322 §4.3 reads them: 00–49 are 2000–2049, 50–99 are 1950–1999. */
function fullYear(text: string): number {
  const n = Number(text);
  if (text.length === 2) return n < 50 ? 2000 + n : 1900 + n;
  if (text.length === 3) return 1900 + n;
  return n;
}

/**
 * A header's date ("Tue, 3 Nov 2026 09:14:02 +0100 (CET)", "3 Nov 26 09:14 EST")
 * as ISO 8601 with its offset; null when it is not a date we can read. A date
 * with no zone, or an unknown zone name, is read as UTC ("-0000" in RFC 5322
 * means the same: the zone is not known).
 */
export function parseMailDate(value: string): MailDate | null {
  return canonicalDate(value) ?? anyDate(value);
}

const digit = (c: number): number => (c >= 0x30 && c <= 0x39 ? c - 0x30 : -1);

/** Two digits at `i` as a number; -1 when they are not digits. */
function twoDigits(text: string, i: number): number {
  const a = digit(text.charCodeAt(i));
  const b = digit(text.charCodeAt(i + 1));
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

/**
 * The form nearly every server writes, "Tue, 10 Nov 2026 08:30:12 +0100",
 * read character by character (a batch reads two dates a message); null for
 * any other form, which the regex below reads.
 */
function canonicalDate(value: string): MailDate | null {
  let i = value.length > 5 && value.charCodeAt(3) === 0x2c && value.charCodeAt(4) === 0x20 ? 5 : 0;
  if (value.charCodeAt(i) === 0x20) i++; // "Tue,  3 Nov": a day written with a space
  let day = digit(value.charCodeAt(i));
  if (day < 0) return null;
  i++;
  if (digit(value.charCodeAt(i)) >= 0) day = day * 10 + digit(value.charCodeAt(i++));
  if (value.charCodeAt(i) !== 0x20 || value.charCodeAt(i + 4) !== 0x20) return null;
  const month = MONTHS[value.slice(i + 1, i + 4).toLowerCase()];
  i += 5;
  const year = twoDigits(value, i) * 100 + twoDigits(value, i + 2);
  if (month === undefined || year < 1000 || value.charCodeAt(i + 4) !== 0x20) return null;
  i += 5;
  const hour = twoDigits(value, i);
  const minute = twoDigits(value, i + 3);
  const second = twoDigits(value, i + 6);
  if (value.charCodeAt(i + 2) !== 0x3a || value.charCodeAt(i + 5) !== 0x3a || hour < 0 || minute < 0 || second < 0) return null;
  i += 8;
  const sign = value.charCodeAt(i + 1);
  if (value.charCodeAt(i) !== 0x20 || (sign !== 0x2b && sign !== 0x2d)) return null;
  const hh = twoDigits(value, i + 2);
  const mm = twoDigits(value, i + 4);
  const after = value.charCodeAt(i + 6);
  if (hh < 0 || hh > 23 || mm < 0 || mm > 59 || (!Number.isNaN(after) && after !== 0x20)) return null; // NaN: the value ends there
  return build(year, month, day, hour, minute, second, (sign === 0x2d ? -1 : 1) * (hh * 60 + mm));
}

function anyDate(value: string): MailDate | null {
  const m = RFC5322.exec(value.length > 200 ? value.trim().slice(0, 200) : value.trim());
  if (m === null) return null;
  const [, day, mon, year, hour, minute, second, zone] = m;
  const month = MONTHS[(mon ?? '').toLowerCase()];
  const offset = zoneMinutes(zone);
  if (month === undefined || offset === null) return null;
  return build(fullYear(year ?? ''), month, Number(day), Number(hour), Number(minute), Number(second ?? 0), offset);
}

/**
 * The date of an mbox "From " line ("From MAILER-DAEMON Tue Nov  3 09:14:02 2026").
 * The line seldom has a zone: without one the time is read as UTC.
 */
export function parseFromLineDate(line: string): MailDate | null {
  const m = ASCTIME.exec(line.slice(0, 300));
  if (m === null) return null;
  const [, mon, day, hour, minute, second, year, zone] = m;
  const month = MONTHS[(mon ?? '').toLowerCase()];
  const offset = zoneMinutes(zone);
  if (month === undefined || offset === null) return null;
  return build(Number(year), month, Number(day), Number(hour), Number(minute), Number(second ?? 0), offset);
}
