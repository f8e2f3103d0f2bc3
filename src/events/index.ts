// ESP event readers in order; the first whose `matches` holds reads the event.
// Wrappers are opened first: an SNS envelope (SES notifications delivered by
// SNS carry the notification as a JSON string in "Message"), Mailgun's webhook
// body ({"signature": …, "event-data": {…}}), and API pages ({"items": […]},
// {"results": […]}).
import type { EventReader, JsonObject } from './types';
import type { LogRecord } from '../logs/types';
import { amazonsesEvent } from './amazonses';
import { sendgridEvent } from './sendgrid';
import { mailgunEvent } from './mailgun';
import { postmarkEvent } from './postmark';
import { sparkpostEvent } from './sparkpost';
import { MAX_EVENT_WRAP_DEPTH } from '../limits';
import { arr, isObject, obj, parseEventInput, str } from './json';

export const EVENT_READERS: readonly EventReader[] = [amazonsesEvent, sendgridEvent, mailgunEvent, postmarkEvent, sparkpostEvent];


/** The events a JSON value holds once its wrappers are opened. */
function unwrap(value: unknown, depth = 0): JsonObject[] {
  if (depth > MAX_EVENT_WRAP_DEPTH) return [];
  if (Array.isArray(value)) return value.flatMap((v) => unwrap(v, depth + 1));
  if (!isObject(value)) return [];
  const message = str(value.Message);
  if (value.Type === 'Notification' && message !== null) {
    try {
      return unwrap(JSON.parse(message) as unknown, depth + 1);
    } catch {
      return [];
    }
  }
  const data = obj(value['event-data']);
  if (data !== null) return [data];
  if (Array.isArray(value.items)) return unwrap(value.items, depth + 1);
  if (Array.isArray(value.results) && obj(arr(value.results)[0])?.type !== undefined) return unwrap(value.results, depth + 1);
  return [value];
}

/** The reader of one event, or null when none knows it. */
export function eventReaderFor(event: JsonObject): EventReader | null {
  return EVENT_READERS.find((r) => r.matches(event)) ?? null;
}

/** The records of one parsed JSON value (an event, a wrapper, an array of them). */
export function readEspValue(value: unknown): { records: LogRecord[]; unknown: number } {
  const records: LogRecord[] = [];
  let unknown = 0;
  for (const event of unwrap(value)) {
    const reader = eventReaderFor(event);
    if (reader === null) {
      unknown++;
      continue;
    }
    for (const r of reader.read(event)) records.push(r);
  }
  return { records, unknown };
}

/**
 * Reads ESP events from a text: NDJSON, a JSON array or one object. Events no
 * reader knows and NDJSON lines that are not JSON are counted.
 */
export function readEspEvents(text: string): { records: LogRecord[]; unknown: number; badLines: number } {
  const { values, badLines } = parseEventInput(text);
  const records: LogRecord[] = [];
  let unknown = 0;
  for (const value of values) {
    const found = readEspValue(value);
    for (const r of found.records) records.push(r);
    unknown += found.unknown;
  }
  return { records, unknown, badLines };
}

// Field names that only the ESPs' event JSON writes.
const MARKERS = [
  'notificationType',
  '"eventType"',
  '"bounceType"',
  '"sg_message_id"',
  '"sg_event_id"',
  '"event-data"',
  '"delivery-status"',
  '"TypeCode"',
  '"RecordType"',
  '"msys"',
  '"bounce_class"',
  '"rcpt_to"',
];

/** Cheap: whether a text starts like JSON and names a field of an ESP's events in its first 8 KB. */
export function looksLikeEspEvents(text: string): boolean {
  let i = 0;
  while (i < text.length && (text.charCodeAt(i) <= 0x20 || text.charCodeAt(i) === 0xfeff)) i++;
  const first = text.charAt(i);
  if (first !== '{' && first !== '[') return false;
  const head = text.slice(i, i + 8192);
  return MARKERS.some((m) => head.includes(m));
}

export type { EventReader, JsonObject } from './types';
