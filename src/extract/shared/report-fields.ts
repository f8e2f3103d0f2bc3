// Machine-readable report bodies (RFC 3464 delivery-status, RFC 5965 feedback
// reports) and header blocks are "Name: value" lines. Real ones break the rules
// in a few known ways, which this reader tolerates:
//  - a field repeated on purpose (ARF's Original-Rcpt-To, one per recipient);
//  - a long Diagnostic-Code wrapped without the leading space that folding needs
//    ("550-mail0.example.net [192.0.2.1]:25 is not permitted to" on its own line);
//  - CRLF or bare CR line ends.

// Guard (src/limits.ts MAX_REPORT_LINES): a report part is a few dozen lines;
// reading at most this many keeps a hostile million-line "delivery-status" part
// from costing anything.
import { MAX_REPORT_LINES } from '../../limits';
import { splitLines } from '../../text/lines';

/** Fields of one group by lower-case name; every value of a repeated field is kept, in order. */
export type ReportGroup = ReadonlyMap<string, readonly string[]>;

// A field name of a report: letters, digits and hyphens, starting with a letter
// (RFC 3464 §2.1 and RFC 5965 §3.1 only define such names). Anchored, one
// bounded character class: linear.
const FIELD_LINE = /^([a-z][a-z0-9-]{0,75})[ \t]*:(.*)$/i;

function reportLines(body: string): string[] {
  return splitLines(body.replace(/\r\n?/g, '\n'), MAX_REPORT_LINES);
}

/**
 * Reads a report body into groups (separated by blank lines). A line that is
 * indented, or that does not start with "Name:", continues the previous field;
 * "http://…" is a continuation too, never a field named "http".
 */
export function readReportGroups(body: string): ReportGroup[] {
  const groups: ReportGroup[] = [];
  eachReportGroup(body, (group) => {
    groups.push(group);
    return false;
  });
  return groups;
}

/** The first group for which `found` holds, read no further than that group; undefined when none does. */
export function findReportGroup(body: string, found: (group: ReportGroup) => boolean): ReportGroup | undefined {
  let hit: ReportGroup | undefined;
  eachReportGroup(body, (group) => {
    if (!found(group)) return false;
    hit = group;
    return true;
  });
  return hit;
}

/** Hands each group to `take` as soon as it is complete; stops when `take` returns true. */
function eachReportGroup(body: string, take: (group: ReportGroup) => boolean): void {
  let group = new Map<string, string[]>();
  let last: { list: string[]; index: number } | null = null;
  // true when `take` asked to stop.
  const close = (): boolean => {
    const done = group.size > 0 && take(group);
    group = new Map();
    last = null;
    return done;
  };
  for (const line of reportLines(body)) {
    if (line.trim() === '') {
      if (close()) return;
      continue;
    }
    const m = /^[ \t]/.test(line) ? null : FIELD_LINE.exec(line);
    const value = m?.[2];
    if (m?.[1] !== undefined && value !== undefined && !value.startsWith('//')) {
      const name = m[1].toLowerCase();
      const list = group.get(name) ?? [];
      list.push(value.trim());
      group.set(name, list);
      last = { list, index: list.length - 1 };
    } else if (last !== null) {
      const { list, index } = last;
      // Appended, never re-trimmed: trimming the whole value at each line made
      // a 5,000-line folded Diagnostic-Code cost a second (quadratic).
      const prev = list[index] ?? '';
      list[index] = prev === '' ? line.trim() : `${prev} ${line.trim()}`;
    }
  }
  close();
}

/** Every value of a field in a header block (folded lines joined), in order. */
export function headerValues(block: string, name: string): string[] {
  const wanted = name.toLowerCase();
  const out: string[] = [];
  let current: string | null = null;
  const flush = (): void => {
    if (current !== null) out.push(current.trim());
    current = null;
  };
  for (const line of reportLines(block)) {
    if (line === '') break; // the end of the header block
    if (/^[ \t]/.test(line)) {
      if (current !== null) current += ` ${line.trim()}`;
      continue;
    }
    flush();
    const colon = line.indexOf(':');
    if (colon > 0 && line.slice(0, colon).trim().toLowerCase() === wanted) current = line.slice(colon + 1);
  }
  flush();
  return out;
}

/** First value of a field in a group, or undefined. */
export function firstOf(group: ReportGroup, name: string): string | undefined {
  return group.get(name)?.[0];
}

// Typed field values ("rfc822; a@b", "smtp; 550 …").
/** Takes the type prefix off a typed field value: "rfc822; a@b" → "a@b", "smtp; 550 …" → "550 …". */
export function stripType(value: string): string {
  const semi = value.indexOf(';');
  if (semi === -1) return value.trim();
  const type = value.slice(0, semi).trim();
  // Address and diagnostic types are single tokens (rfc822, smtp, x-postfix, dns, x-unix…).
  return /^[A-Z][\w.-]*$/i.test(type) ? value.slice(semi + 1).trim() : value.trim();
}
