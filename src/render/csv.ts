import type { DiagnoseResult, Diagnosis } from '../types';
import { sanitizeForTerminal } from './sanitize';

/** The `--csv` columns, in order. */
export const CSV_COLUMNS = [
  'input',
  'recipient',
  'replyCode',
  'status',
  'class',
  'reason',
  'hardBounce',
  'format',
  'remoteMta',
  'diagnostic',
] as const;

/**
 * Issue 14's columns, after the ones above so that their positions stay: the
 * original's identity, the bounce's, and the VERP decoding. `--header` names
 * come last, one column each, named `header:NAME`.
 */
export const CSV_IDENTITY_COLUMNS: readonly [string, (d: Diagnosis) => string | null][] = [
  ['originalMessageId', (d) => d.original?.messageId ?? null],
  ['originalSubject', (d) => d.original?.subject ?? null],
  ['originalFrom', (d) => d.original?.from ?? null],
  ['originalTo', (d) => d.original?.to ?? null],
  ['originalDate', (d) => d.original?.date ?? null],
  ['originalListId', (d) => d.original?.listId ?? null],
  ['originalReturnPath', (d) => d.original?.returnPath ?? null],
  ['timestamp', (d) => d.timestamp ?? null],
  ['reportingMta', (d) => d.reportingMta ?? null],
  ['sender', (d) => d.sender ?? null],
  ['messageId', (d) => d.messageId ?? null],
  ['verpRecipient', (d) => d.verp?.recipient ?? null],
  ['verpSender', (d) => d.verp?.sender ?? null],
];

// Characters that make a spreadsheet read a cell as a formula (CSV injection):
// the usual list (OWASP's), = + - @ tab and CR. Every column is guarded, the
// input too: a file named "=HYPERLINK(…).eml" is as much a stranger's text as a
// server's reply.
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field, RFC 4180: quoted when it holds a comma, a quote, CR or LF, with
 * quotes doubled. Controls and bidi overrides become visible escapes, as in the
 * terminal output (newlines and tabs stay).
 */
export function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  if (typeof value !== 'string') return String(value);
  const text = sanitizeForTerminal(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A cell of a row: one that a spreadsheet would run as a formula gets a leading
 * quote. Standard input's own names, "-", "-#N" (its Nth message or event) and
 * "-:N" (its Nth line), are no formula and stay as they are.
 */
function guardedField(value: string | number | boolean | null): string {
  if (typeof value !== 'string' || !FORMULA_START.test(value) || /^-(?:[#:]\d+)?$/.test(value)) return csvField(value);
  return csvField(`'${value}`);
}

function row(fields: readonly string[]): string {
  return fields.join(',') + '\r\n';
}

/** The header row, with a `header:NAME` column per `--header` name. Lines end in CRLF, as RFC 4180 says. */
export function renderCsvHeader(headerNames: readonly string[] = []): string {
  return row(
    [...CSV_COLUMNS, ...CSV_IDENTITY_COLUMNS.map(([name]) => name), ...headerNames.map((n) => `header:${n}`)].map(guardedField),
  );
}

/** One row per diagnosis of a result (none for a message that is not a bounce). */
export function renderCsvRows(result: DiagnoseResult, headerNames: readonly string[] = []): string {
  return result.diagnoses
    .map((d) =>
      row([
        guardedField(result.input),
        guardedField(d.recipient),
        guardedField(d.replyCode),
        guardedField(d.status),
        guardedField(d.class),
        guardedField(d.reason),
        guardedField(d.hardBounce),
        guardedField(d.format),
        guardedField(d.remoteMta),
        guardedField(d.diagnostic),
        ...CSV_IDENTITY_COLUMNS.map(([, value]) => guardedField(value(d))),
        ...headerNames.map((name) => guardedField(d.headers?.[name] ?? null)),
      ]),
    )
    .join('');
}
