import type { DiagnoseResult } from '../types';
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

// Characters that make a spreadsheet read a cell as a formula (CSV injection).
const FORMULA_START = /^[=+\-@\t]/;

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

/** A field written by strangers (server text, addresses): a leading quote keeps spreadsheets from running it. */
function untrustedField(value: string | null): string {
  if (value === null || !FORMULA_START.test(value)) return csvField(value);
  return csvField(`'${value}`);
}

function row(fields: readonly string[]): string {
  return fields.join(',') + '\r\n';
}

/** The header row. Lines end in CRLF, as RFC 4180 says. */
export function renderCsvHeader(): string {
  return row(CSV_COLUMNS.map(csvField));
}

/** One row per diagnosis of a result (none for a message that is not a bounce). */
export function renderCsvRows(result: DiagnoseResult): string {
  return result.diagnoses
    .map((d) =>
      row([
        csvField(result.input),
        untrustedField(d.recipient),
        csvField(d.replyCode),
        csvField(d.status),
        csvField(d.class),
        csvField(d.reason),
        csvField(d.hardBounce),
        csvField(d.format),
        untrustedField(d.remoteMta),
        untrustedField(d.diagnostic),
      ]),
    )
    .join('');
}
