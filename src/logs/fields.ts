// Reading "name=value" fields of log lines without regexes: Postfix, Sendmail
// and OpenSMTPD write them as `to=<a@example.com>`, `relay=host[ip]:25`,
// `stat="550 …"`, separated by ", " or " ".
import { cleanAddress } from '../text/addresses';

function isSeparator(code: number): boolean {
  // start, space, tab, comma, semicolon
  return Number.isNaN(code) || code === 0x20 || code === 0x09 || code === 0x2c || code === 0x3b;
}

/** Index just after `name=` where it stands as a field (at the start or after a separator); -1 when absent. */
export function fieldStart(text: string, name: string, from = 0): number {
  const key = `${name}=`;
  let i = text.indexOf(key, from);
  while (i !== -1) {
    if (i === 0 || isSeparator(text.charCodeAt(i - 1))) return i + key.length;
    i = text.indexOf(key, i + 1);
  }
  return -1;
}

/** The end of a field value that starts at `start`: `<…>` and `"…"` to their closing mark, else to a comma or a space. */
function valueEnd(text: string, start: number): { from: number; to: number; next: number } {
  const open = text.charAt(start);
  if (open === '<' || open === '"') {
    const close = text.indexOf(open === '<' ? '>' : '"', start + 1);
    const to = close === -1 ? text.length : close;
    return { from: start + 1, to, next: close === -1 ? to : close + 1 };
  }
  let end = start;
  while (end < text.length) {
    const c = text.charCodeAt(end);
    if (c === 0x2c || c === 0x20 || c === 0x09 || c === 0x0a) break;
    end++;
  }
  return { from: start, to: end, next: end };
}

/** The value of a field (without its <> or ""), or null when absent. */
export function fieldValue(text: string, name: string, from = 0): string | null {
  const start = fieldStart(text, name, from);
  if (start === -1) return null;
  const { from: a, to: b } = valueEnd(text, start);
  return text.slice(a, b);
}

/**
 * The value of a field that runs to the end of the line or to the next
 * `, name=` (Sendmail's `stat=User unknown`, `relay=host. [ip]`).
 */
export function fieldToNext(text: string, name: string, stops: readonly string[]): string | null {
  const start = fieldStart(text, name);
  if (start === -1) return null;
  let end = text.length;
  for (const stop of stops) {
    const at = text.indexOf(`, ${stop}=`, start);
    if (at !== -1 && at < end) end = at;
  }
  return text.slice(start, end).trim();
}

/** An address field value as a clean address; null for "<>", "-" or garbage. */
export function addressValue(value: string | null): string | null {
  if (value === null || value === '' || value === '-') return null;
  return cleanAddress(value) ?? null;
}

/**
 * A relay as a host name: "mx.example.com[192.0.2.1]:25" (Postfix),
 * "mx.example.com. [192.0.2.1]" (Sendmail), "192.0.2.1 (mx.example.com)"
 * (OpenSMTPD), "mx.example.com [192.0.2.1]:25" (Exim). The name when there is
 * one, else the bracketed address; null for "none".
 */
export function relayHost(value: string | null): string | null {
  if (value === null) return null;
  let v = value.trim();
  if (v === '' || v === 'none' || v === '-') return null;
  const paren = v.indexOf(' (');
  if (paren !== -1 && v.endsWith(')')) {
    const name = v.slice(paren + 2, -1).trim();
    return name === '' ? `[${v.slice(0, paren)}]` : stripDot(name);
  }
  const bracket = v.indexOf('[');
  if (bracket > 0) {
    const name = v.slice(0, bracket).trim();
    if (name !== '' && name !== 'unknown') return stripDot(name);
    v = v.slice(bracket);
  }
  if (v.startsWith('[')) {
    const close = v.indexOf(']');
    return close === -1 ? v : v.slice(0, close + 1);
  }
  return stripDot(v);
}

function stripDot(host: string): string {
  return host.endsWith('.') ? host.slice(0, -1) : host;
}

/** The text between the first "(" at or after `from` and the last ")" of the line; null when there is none. */
export function parenthesised(text: string, from: number): string | null {
  const open = text.indexOf('(', from);
  if (open === -1) return null;
  const close = text.lastIndexOf(')');
  return close > open ? text.slice(open + 1, close) : text.slice(open + 1);
}
