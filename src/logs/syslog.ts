// The syslog prefix that Postfix, Sendmail and OpenSMTPD lines carry, in its
// two common shapes:
//   classic (RFC 3164): "Dec  4 10:00:01 mail postfix/smtp[1234]: message"
//   RFC 3339 (rsyslog's high-precision template, journald exports):
//     "2026-12-04T10:00:01.123456+00:00 mail postfix/smtp[1234]: message"
import type { LogReadOptions } from './types';

export interface SyslogLine {
  /** ISO 8601 (see LogReadOptions.referenceDate for classic stamps, which have no year). */
  timestamp: string;
  host: string;
  /** The program tag without its pid: "postfix/smtp", "sm-mta", "smtpd". */
  program: string;
  /** What the program wrote (continuation lines included). */
  message: string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// Each part is a run of one character class followed by a separator that
// class cannot hold, so no two quantifiers compete for a character.
const CLASSIC =
  /^(?:<\d{1,3}>)?([A-Z][a-z]{2}) {1,2}(\d{1,2}) (\d{2}:\d{2}:\d{2})(\.\d{1,6})? ([^\s:]+) ([^\s:[\]]+)(?:\[\d{1,10}\])?: ?/;
const RFC3339 =
  /^(?:<\d{1,3}>1? ?)?(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2}(?:\.\d{1,9})?)(Z|[+-]\d{2}:?\d{2})? ([^\s:]+) ([^\s:[\]]+)(?:\[\d{1,10}\])?: ?/;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** "+0100" → "+01:00"; "Z" and "+01:00" as they are. */
export function normaliseOffset(offset: string): string {
  if (offset === 'Z' || offset.includes(':')) return offset;
  return `${offset.slice(0, 3)}:${offset.slice(3)}`;
}

/** A month name, day and time of a classic stamp as ISO 8601; see LogReadOptions.referenceDate. */
export function classicTimestamp(month: number, day: number, time: string, options: LogReadOptions): string {
  const md = `${pad2(month + 1)}-${pad2(day)}T${time}`;
  const ref = options.referenceDate;
  if (ref === undefined || Number.isNaN(ref.getTime())) return `--${md}`;
  let year = ref.getUTCFullYear();
  // More than a day after the reference: the line is from last year.
  const stamp = Date.UTC(year, month, day);
  if (stamp - ref.getTime() > 86_400_000) year--;
  return `${year}-${md}`;
}

/**
 * A line's syslog prefix, read. The timestamp is put together only when a
 * reader asks for it: most lines of a log (connections, cleanup, qmgr) give
 * no record and never need it.
 */
class ParsedSyslog implements SyslogLine {
  /** The options of the last parseSyslog call for this line: the readers use its answer at once. */
  options: LogReadOptions;

  constructor(
    private readonly match: RegExpExecArray,
    private readonly classic: boolean,
    readonly host: string,
    readonly program: string,
    readonly message: string,
    options: LogReadOptions,
  ) {
    this.options = options;
  }

  get timestamp(): string {
    const m = this.match;
    if (this.classic) {
      return classicTimestamp(MONTHS.indexOf(m[1] ?? ''), Number(m[2]), `${m[3] ?? ''}${m[4] ?? ''}`, this.options);
    }
    return `${m[1] ?? ''}T${m[2] ?? ''}${m[3] === undefined ? '' : normaliseOffset(m[3])}`;
  }
}

// The readers ask about the same line in turn (recognises, then read): the
// last answer is kept for the same text (the options only change its timestamp).
let lastText: string | undefined;
let lastResult: ParsedSyslog | null = null;

/** Reads the syslog prefix of a line; null when the line has none. */
export function parseSyslog(text: string, options: LogReadOptions): SyslogLine | null {
  if (text !== lastText) {
    lastResult = readSyslog(text, options);
    lastText = text;
  } else if (lastResult !== null) {
    lastResult.options = options;
  }
  return lastResult;
}

function readSyslog(text: string, options: LogReadOptions): ParsedSyslog | null {
  const c = CLASSIC.exec(text);
  if (c !== null) {
    if (!MONTHS.includes(c[1] ?? '')) return null;
    return new ParsedSyslog(c, true, c[5] ?? '', c[6] ?? '', text.slice(c[0].length), options);
  }
  const r = RFC3339.exec(text);
  if (r === null) return null;
  return new ParsedSyslog(r, false, r[4] ?? '', r[5] ?? '', text.slice(r[0].length), options);
}
