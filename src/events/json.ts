// Loose readers for JSON values of unknown shape, and the event input forms:
// one JSON object, a JSON array, or NDJSON (one object per line).
import type { JsonObject } from './types';

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function str(value: unknown): string | null {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
}

export function obj(value: unknown): JsonObject | null {
  return isObject(value) ? value : null;
}

export function arr(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}

/** A Unix time in seconds (a number or a numeric string, maybe with a fraction) or an ISO 8601 string, as ISO 8601; null for anything else. */
export function timeOf(value: unknown): string | null {
  const s = str(value);
  if (s === null || s === '') return null;
  if (/^\d{9,11}(?:\.\d{1,9})?$/.test(s)) {
    const ms = Math.round(Number(s) * 1000);
    const d = new Date(ms);
    return Number.isNaN(d.getTime()) ? null : d.toISOString();
  }
  return /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}|$)/.test(s) ? s : null;
}

/** "smtp; 550 5.1.1 …" → "550 5.1.1 …": the DSN Diagnostic-Code type that ESPs copy into their events. */
export function withoutDiagnosticType(text: string): string {
  const m = /^\s*(?:smtp|x-[\w-]{1,40})\s?;\s?/i.exec(text);
  return m === null ? text.trim() : text.slice(m[0].length).trim();
}

export { blankRecord } from '../logs/types';

/**
 * The values of an event input: a JSON array's items, one object, or the
 * objects of NDJSON lines (a line that is not JSON is counted, not fatal).
 */
export function parseEventInput(text: string): { values: unknown[]; badLines: number } {
  const trimmed = text.trim();
  if (trimmed === '') return { values: [], badLines: 0 };
  try {
    const whole: unknown = JSON.parse(trimmed);
    return { values: Array.isArray(whole) ? whole : [whole], badLines: 0 };
  } catch {
    // Not one JSON value: NDJSON.
  }
  const values: unknown[] = [];
  let badLines = 0;
  for (const line of trimmed.split('\n')) {
    const l = line.trim();
    if (l === '') continue;
    try {
      values.push(JSON.parse(l) as unknown);
    } catch {
      badLines++;
    }
  }
  return { values, badLines };
}
