import type { LogRecord } from '../logs/types';

/** A JSON object of an event, read loosely: every field is checked before use. */
export type JsonObject = Readonly<Record<string, unknown>>;

/**
 * An ESP event reader. `matches` is cheap (a field or two that only this ESP
 * writes); `read` returns one record per recipient reported as failed,
 * delayed, delivered or complained about, [] for other events (opens, clicks).
 * Each record keeps the ESP's own bounce type in `logStatus`.
 */
export interface EventReader {
  readonly id: string;
  matches(event: JsonObject): boolean;
  read(event: JsonObject): LogRecord[];
}
