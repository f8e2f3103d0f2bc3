import type { ChalkInstance } from 'chalk';
import type { DiagnoseResult } from '../types';
import { sanitizeInline } from './sanitize';
import { MAX_SUMMARY_KEYS } from '../limits';
import type { FinalStateCounts } from '../logs/final-states';

// Past MAX_SUMMARY_KEYS distinct keys in a table, the rest are counted under OTHER.
const OTHER = '(other)';
const NONE = '(none)';

/** The four tables `--summary` counts diagnoses by. */
export const SUMMARY_TABLES = ['reason', 'class', 'domain', 'format'] as const;
export type SummaryTable = (typeof SUMMARY_TABLES)[number];

/** Counts over a whole batch. */
export interface Summary {
  messages: number;
  bounces: number;
  notBounces: number;
  errors: number;
  diagnoses: number;
  hardBounces: number;
  by: Record<SummaryTable, Map<string, number>>;
  /** Set when a mail log or ESP events were read (issue 13): absent otherwise, and then not shown. */
  log?: {
    /** Log lines that held no error (no SMTP code, or a line reporting no delivery). */
    skippedLines: number;
    /** Recipients (a queue id and an address) by their last state; `lines` counts the records. */
    recipients: FinalStateCounts;
  };
}

export function createSummary(): Summary {
  return {
    messages: 0,
    bounces: 0,
    notBounces: 0,
    errors: 0,
    diagnoses: 0,
    hardBounces: 0,
    by: { reason: new Map(), class: new Map(), domain: new Map(), format: new Map() },
  };
}

function bump(map: Map<string, number>, key: string): void {
  const seen = map.get(key);
  if (seen !== undefined) map.set(key, seen + 1);
  else if (map.size < MAX_SUMMARY_KEYS) map.set(key, 1);
  else map.set(OTHER, (map.get(OTHER) ?? 0) + 1);
}

function domainOf(recipient: string | null): string {
  if (recipient === null) return NONE;
  const at = recipient.lastIndexOf('@');
  return at === -1 ? NONE : recipient.slice(at + 1).toLowerCase();
}

/** Adds one message's result to the counts (mutates `summary`: it is the batch's accumulator). */
export function addToSummary(summary: Summary, result: DiagnoseResult): void {
  summary.messages++;
  if (result.isBounce) summary.bounces++;
  else summary.notBounces++;
  for (const d of result.diagnoses) {
    summary.diagnoses++;
    if (d.hardBounce) summary.hardBounces++;
    bump(summary.by.reason, d.reason);
    bump(summary.by.class, d.class ?? NONE);
    bump(summary.by.domain, domainOf(d.recipient));
    bump(summary.by.format, d.format);
  }
}

/** Counts one input that could not be read. */
export function addErrorToSummary(summary: Summary): void {
  summary.errors++;
}

/** Entries by count, largest first; ties in name order so the output is stable. */
function sorted(map: ReadonlyMap<string, number>): [string, number][] {
  return [...map].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/** `--summary --json`: the same counts as an object (each table from largest to smallest). */
export function summaryRecord(summary: Summary): Record<string, unknown> {
  const by: Record<string, Record<string, number>> = {};
  for (const table of SUMMARY_TABLES) by[table] = Object.fromEntries(sorted(summary.by[table]));
  return {
    messages: summary.messages,
    bounces: summary.bounces,
    notBounces: summary.notBounces,
    errors: summary.errors,
    diagnoses: summary.diagnoses,
    hardBounces: summary.hardBounces,
    by,
    ...(summary.log === undefined ? {} : logRecord(summary.log)),
  };
}

function logRecord(log: NonNullable<Summary['log']>): Record<string, unknown> {
  const { lines, bounced, deferred, delivered, untracked } = log.recipients;
  return { logLines: { records: lines, skipped: log.skippedLines }, recipients: { bounced, deferred, delivered, untracked } };
}

const TITLES: Record<SummaryTable, string> = {
  reason: 'By reason',
  class: 'By class',
  domain: 'By recipient domain',
  format: 'By format',
};

// Rows shown per table in the terminal; the JSON form has them all.
const MAX_ROWS = 15;
const BAR_WIDTH = 30;
const KEY_WIDTH = 28;

function bar(count: number, max: number): string {
  const eighths = Math.round((count / max) * BAR_WIDTH * 8);
  const full = '█'.repeat(Math.floor(eighths / 8));
  const part = eighths % 8 === 0 ? '' : (' ▏▎▍▌▋▊▉'[eighths % 8] ?? '');
  return full + part || (count > 0 ? '▏' : '');
}

function fit(text: string, width: number): string {
  const safe = sanitizeInline(text);
  return safe.length > width ? `${safe.slice(0, width - 1)}…` : safe.padEnd(width);
}

function renderTable(c: ChalkInstance, title: string, map: ReadonlyMap<string, number>, total: number): string[] {
  const rows = sorted(map);
  if (rows.length === 0) return [];
  const max = rows[0]?.[1] ?? 1;
  const countWidth = Math.max(...rows.map(([, n]) => String(n).length));
  const lines = [c.bold(title)];
  for (const [key, n] of rows.slice(0, MAX_ROWS)) {
    const pct = total === 0 ? 0 : Math.round((n / total) * 100);
    lines.push(
      `  ${fit(key, KEY_WIDTH)} ${String(n).padStart(countWidth)} ${c.dim(`${String(pct).padStart(3)}%`)} ${c.cyan(bar(n, max))}`,
    );
  }
  if (rows.length > MAX_ROWS) {
    const rest = rows.slice(MAX_ROWS).reduce((sum, [, n]) => sum + n, 0);
    lines.push(c.dim(`  … ${rows.length - MAX_ROWS} more (${rest} diagnoses); --json shows them all`));
  }
  return lines;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `--summary` for a terminal: totals, then one table with bars per count. */
export function renderSummaryText(summary: Summary, c: ChalkInstance): string {
  const totals = [
    plural(summary.messages, 'message'),
    `${summary.bounces} ${summary.bounces === 1 ? 'bounce' : 'bounces'}`,
    `${summary.notBounces} not a bounce`,
    plural(summary.diagnoses, 'diagnosis').replace(/diagnosiss$/, 'diagnoses'),
    `${summary.hardBounces} hard`,
  ];
  if (summary.errors > 0) totals.push(c.red(plural(summary.errors, 'unreadable input')));
  const blocks = [totals.join(c.dim(' · '))];
  if (summary.log !== undefined) {
    const r = summary.log.recipients;
    const states = [`${r.bounced} bounced`, `${r.deferred} still deferred`, `${r.delivered} delivered`];
    if (r.untracked > 0) states.push(`${r.untracked} not counted (no recipient, or the table of MAX_TRACKED_RECIPIENTS was full)`);
    blocks.push(
      [
        c.bold('Recipients by final state'),
        `  ${states.join(c.dim(' · '))}`,
        c.dim(`  from ${plural(r.lines, 'log record')}; ${plural(summary.log.skippedLines, 'line')} without an error skipped`),
      ].join('\n'),
    );
  }
  for (const table of SUMMARY_TABLES) {
    const lines = renderTable(c, TITLES[table], summary.by[table], summary.diagnoses);
    if (lines.length > 0) blocks.push(lines.join('\n'));
  }
  return blocks.join('\n\n') + '\n';
}
