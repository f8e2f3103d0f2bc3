import type { Candidate, ParsedDiagnostic, SmtpReply } from '../types';

// Guard (MAX_REPLY_TEXT): a longer error text is cut before any regex runs on it.
import { MAX_REPLY_TEXT } from '../limits';
export { MAX_REPLY_TEXT };

// A basic reply code: first digit 2–5, second 0–5 (RFC 5321 §4.2.1), not glued
// to a word, a dotted number, an address or a path, and followed by a space, a
// continuation dash or punctuation ("ERROR_CODE :550,", "error 550: …").
// Linear: fixed-width body, one-character lookarounds.
const REPLY_CODE = /(?<![\w.@/+%$-])([2-5][0-5]\d)(?=[ \t,:;'"`-]|$)/gm;

// An enhanced status code class.subject.detail (RFC 3463 §2): class 2/4/5,
// subject up to three digits, detail up to three digits. The lookbehind keeps
// "192.5.1.1" and "v5.1.1" out; the lookahead keeps "5.1.2.3" and "5.1.1000" out.
const STATUS_CODE = /(?<![\w.])([245])\.(\d{1,3})\.(\d{1,3})(?!\.?\d)/g;

// Words that, standing right before a number, say it is a product version and
// not a status code ("Postfix 3.5.1", "Exim 4.9.2", "version 5.1.1").
const VERSION_WORDS = new Set([
  'version',
  'ver',
  'v',
  'release',
  'postfix',
  'exim',
  'sendmail',
  'qmail',
  'courier',
  'opensmtpd',
  'esmtp',
  'smtpd',
  'build',
  'rev',
  'revision',
]);

// Characters after which servers put a reply code: "said: 550", "smtp; 550",
// "<<< 550", "#550", "'550 …'", "(550 …)", "[550]".
const CODE_LEAD_CHARS = new Set([':', ';', '#', "'", '"', '`', '(', '[', '<', '=', '>', '|', '*']);

// Words after which a reply code may follow ("SMTP error 550", "code 550").
const CODE_LEAD_WORDS = new Set([
  'code',
  'error',
  'status',
  'reply',
  'replied',
  'returned',
  'response',
  'responded',
  'said',
  'smtp',
  'failure',
  'failed',
  'reason',
]);

interface ReplyHit {
  code: number;
  /** Index of the code in the text. */
  index: number;
  /** Index where the rest of the line starts (after the code and its separator). */
  rest: number;
  /** True for "550-…": a continuation line of a multi-line reply. */
  continued: boolean;
  /** Index of the start of the line holding the code. */
  lineStart: number;
}

interface StatusHit {
  code: string;
  index: number;
  end: number;
}

function lineStartOf(text: string, index: number): number {
  return text.lastIndexOf('\n', index - 1) + 1;
}

/** The last word before `index` on the same line, lower-cased, or '' when none. */
function wordBefore(text: string, index: number, lineStart: number): string {
  let end = index;
  while (end > lineStart && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  let start = end;
  while (start > lineStart && /[A-Z]/i.test(text[start - 1] ?? '')) start--;
  return text.slice(start, end).toLowerCase();
}

/** Whether a reply code at `index` stands where servers put one. */
function isCodePosition(text: string, index: number, lineStart: number): boolean {
  let i = index;
  while (i > lineStart && (text[i - 1] === ' ' || text[i - 1] === '\t')) i--;
  if (i === lineStart) return true;
  const lead = text[i - 1] ?? '';
  // "12:550" is a time or a port, not "said: 550"; but "SIZE=10240: 552" ends a key=value parameter.
  if (lead === ':' && /\d/.test(text[i - 2] ?? '') && !afterParameter(text, i - 1, lineStart)) return false;
  if (CODE_LEAD_CHARS.has(lead)) return true;
  if (CODE_LEAD_WORDS.has(wordBefore(text, index, lineStart))) return true;
  // After a log prefix ("10:41:07 mx1 550 5.1.1 …", "[192.0.2.1] 550 5.7.1 …"): a reply code that the
  // status code of its own class follows is a reply, whatever stands before it.
  const own = OWN_STATUS.exec(text.slice(index + 3, index + 16));
  return own !== null && own[1] === text.charAt(index);
}

// A status code right after a reply code, of the same class: " 5.1.1", "-5.1.1".
const OWN_STATUS = /^[ \t-]([245])\.\d{1,3}\.\d{1,3}(?![\d.@])/;

/** Whether the digits ending just before `colon` are the value of a key=value parameter ("SIZE=10240:"). */
function afterParameter(text: string, colon: number, lineStart: number): boolean {
  let i = colon;
  while (i > lineStart && /\d/.test(text[i - 1] ?? '')) i--;
  return text[i - 1] === '=';
}

/** Whether the code at `index` is the start of an address ("550-5.1.1@example.com" is a mailbox, not a reply). */
function insideAddress(text: string, index: number): boolean {
  const token = /^[^\s<>()[\]"',;]{0,256}/.exec(text.slice(index, index + 256))?.[0] ?? '';
  return token.includes('@');
}

function findReplyCodes(text: string): ReplyHit[] {
  const hits: ReplyHit[] = [];
  REPLY_CODE.lastIndex = 0;
  for (let m = REPLY_CODE.exec(text); m !== null; m = REPLY_CODE.exec(text)) {
    const lineStart = lineStartOf(text, m.index);
    if (!isCodePosition(text, m.index, lineStart) || insideAddress(text, m.index)) continue;
    const after = m.index + 3;
    const sep = text[after] ?? '';
    hits.push({
      code: Number(m[1]),
      index: m.index,
      rest: sep === '' || sep === '\n' ? after : after + 1,
      continued: sep === '-',
      lineStart,
    });
  }
  return hits;
}

function findStatusCodes(text: string): StatusHit[] {
  const hits: StatusHit[] = [];
  STATUS_CODE.lastIndex = 0;
  for (let m = STATUS_CODE.exec(text); m !== null; m = STATUS_CODE.exec(text)) {
    const subject = Number(m[2]);
    // RFC 3463 defines subjects 0–7 only; "5.9.1" is more likely a version.
    if (subject > 7) continue;
    const lineStart = lineStartOf(text, m.index);
    if (VERSION_WORDS.has(wordBefore(text, m.index, lineStart))) continue;
    // "(5.1.1/…)"-style version strings and IP-ish tails are already excluded by
    // the lookarounds; a code immediately followed by a letter ("5.1.1a") is not one.
    const next = text[m.index + m[0].length] ?? '';
    if (/[A-Z@]/i.test(next)) continue;
    hits.push({ code: `${m[1]}.${m[2]}.${m[3]}`, index: m.index, end: m.index + m[0].length });
  }
  return hits;
}

function classDigitOfReply(code: number): string {
  return String(code).charAt(0);
}

/** Status code written right after a reply code on the same line ("550 5.1.1", "550-5.1.1", "550 #5.1.1"). */
function statusAfter(text: string, hit: ReplyHit, statuses: readonly StatusHit[]): StatusHit | undefined {
  const lineEnd = text.indexOf('\n', hit.rest);
  const limit = lineEnd === -1 ? text.length : lineEnd;
  return statuses.find((s) => {
    if (s.index < hit.rest || s.index >= limit) return false;
    const between = text.slice(hit.rest, s.index);
    return /^[ \t#([]*$/.test(between);
  });
}

/**
 * Choose the reply that tells why delivery failed. In a transcript (220 … 250 …
 * 354 … 451) the greetings are not the answer: the first 4xx/5xx reply is.
 * A multi-line reply ("550-…" lines then "550 …") is one reply.
 */
function pickReply(hits: readonly ReplyHit[]): { first: ReplyHit; lines: ReplyHit[] } | null {
  if (hits.length === 0) return null;
  const groups: ReplyHit[][] = [];
  let current: ReplyHit[] = [];
  for (const hit of hits) {
    const prev = current[current.length - 1];
    if (prev !== undefined && (!prev.continued || prev.code !== hit.code)) {
      groups.push(current);
      current = [];
    }
    current.push(hit);
  }
  if (current.length > 0) groups.push(current);
  const failure = groups.find((g) => (g[0]?.code ?? 0) >= 400);
  const chosen = failure ?? groups[groups.length - 1] ?? [];
  const first = chosen[0];
  return first === undefined ? null : { first, lines: chosen };
}

// Each run of spaces, tabs and newlines as one space. Only what changes is
// matched (a run of two or more, or one tab or newline): a single space
// between words is left alone instead of replaced by itself (see fold-spaces.ts).
const FOLDABLE = /[ \t\n]{2,}|[\t\n]/g;

function collapseSpaces(text: string): string {
  return text.replace(FOLDABLE, ' ').trim();
}

function replyText(text: string, lines: readonly ReplyHit[], statuses: readonly StatusHit[]): string {
  if (lines.length === 1 && lines[0] !== undefined && lines[0].lineStart !== lines[0].index) {
    // A code in the middle of a line ("host said: 550 5.1.1 …"): the whole text is the reply.
    return collapseSpaces(text);
  }
  let joined = '';
  lines.forEach((hit, i) => {
    const next = lines[i + 1];
    let end = next === undefined ? text.length : next.lineStart;
    if (next === undefined) {
      // The final line of a reply runs to the end of its paragraph.
      const para = text.indexOf('\n\n', hit.rest);
      if (para !== -1) end = para;
    }
    let start = hit.rest;
    const status = statusAfter(text, hit, statuses);
    if (status !== undefined) start = status.end;
    joined += (i === 0 ? '' : ' ') + text.slice(start, end);
  });
  return collapseSpaces(joined);
}

/**
 * Splits one SMTP error text (a log line, a Diagnostic-Code, a whole transcript)
 * into its basic reply code (RFC 5321) and enhanced status code (RFC 3463).
 * Never throws; a text with no code gives nulls.
 */
export function parseSmtpLine(input: string): SmtpReply {
  const text = input.length > MAX_REPLY_TEXT ? input.slice(0, MAX_REPLY_TEXT) : input;
  const normal = text.replace(/\r\n?/g, '\n');
  const warnings: string[] = [];
  const statuses = findStatusCodes(normal);
  let picked = pickReply(findReplyCodes(normal));
  // A greeting, a 250 or a 354 is not the failure that a 4.x.x/5.x.x status elsewhere in the text reports.
  if (picked !== null && picked.first.code < 400 && statuses.some((s) => s.code.startsWith('4') || s.code.startsWith('5'))) picked = null;

  let replyCode: number | null = null;
  let status: string | null;
  let body: string;
  if (picked !== null) {
    replyCode = picked.first.code;
    // The first line with a status of its own (a loop, not map().find(): a
    // batch calls this thousands of times, and the loop makes no array).
    let own: StatusHit | undefined;
    for (const h of picked.lines) {
      own = statusAfter(normal, h, statuses);
      if (own !== undefined) break;
    }
    status = own?.code ?? statuses.find((s) => s.index >= picked.first.index)?.code ?? statuses[0]?.code ?? null;
    body = replyText(normal, picked.lines, statuses);
  } else {
    status = (statuses.find((s) => s.code.startsWith('4') || s.code.startsWith('5')) ?? statuses[0])?.code ?? null;
    body = collapseSpaces(normal);
  }

  if (replyCode !== null && status !== null) {
    const replyClass = classDigitOfReply(replyCode);
    const statusClass = status.charAt(0);
    if ((replyClass === '4' || replyClass === '5' || replyClass === '2') && replyClass !== statusClass) {
      warnings.push(
        `The reply code ${replyCode} and the status code ${status} disagree on the class (${replyClass}xx vs ${statusClass}.x.x).`,
      );
    }
  }
  return { replyCode, status, text: body, warnings };
}

/** Whether a text holds anything that parses as an SMTP reply code or enhanced status code. */
export function hasSmtpCode(input: string): boolean {
  const r = parseSmtpLine(input);
  return r.replyCode !== null || r.status !== null;
}

/** parseSmtpLine(of), with the text it was parsed from. */
export function parseDiagnostic(of: string): ParsedDiagnostic {
  return { of, reply: parseSmtpLine(of) };
}

/**
 * The parsed reply of a candidate's diagnostic: the one its reader kept when it
 * is for this very text (a reader that replaced the diagnostic of a copy left a
 * stale one), else parsed now. Each SMTP text is then parsed once per message.
 */
export function replyOf(c: Pick<Candidate, 'diagnostic' | 'parsed'>): SmtpReply {
  return c.parsed?.of === c.diagnostic ? c.parsed.reply : parseSmtpLine(c.diagnostic);
}
