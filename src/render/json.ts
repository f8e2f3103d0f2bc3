import { escapeJsonText } from './sanitize';
import type { Diagnosis, DiagnoseResult, OriginalMessage } from '../types';

/** The DESIGN.md JSON object for one input, with the fields in contract order. */
export function toJsonRecord(result: DiagnoseResult): Record<string, unknown> {
  return {
    input: result.input,
    isBounce: result.isBounce,
    diagnoses: result.diagnoses.map(toJsonDiagnosis),
    warnings: result.warnings,
  };
}

// Optional fields are assigned in place rather than spread in: the same keys
// in the same order, without a temporary object per field (a batch writes
// thousands of these).
function toJsonDiagnosis(d: Diagnosis): Record<string, unknown> {
  const out: Record<string, unknown> = {
    recipient: d.recipient,
    action: d.action,
    replyCode: d.replyCode,
    status: d.status,
    class: d.class,
    reason: d.reason,
    hardBounce: d.hardBounce,
    command: d.command,
    remoteMta: d.remoteMta,
    diagnostic: d.diagnostic,
    explanation: d.explanation,
    warnings: d.warnings,
    format: d.format,
  };
  if (d.feedbackType !== undefined) out.feedbackType = d.feedbackType;
  if (d.message !== undefined) out.message = d.message;
  // A log line's or an ESP event's own fields (docs/logs.md); its time is `timestamp` below.
  if (d.queueId !== undefined) out.queueId = d.queueId;
  if (d.originalRecipient !== undefined) out.originalRecipient = d.originalRecipient;
  if (d.espType !== undefined) out.espType = d.espType;
  // Issue 6 (advice): always present in JSON, null / [] when there is nothing.
  out.provider = d.provider ?? null;
  out.blocklist = d.blocklist ?? null;
  out.evidence = d.evidence ?? [];
  // Issue 14: always present, null (or `original` with null fields) when unknown;
  // `headers` only when --header names fields.
  out.original = d.original ?? NO_ORIGINAL;
  if (d.headers !== undefined) out.headers = d.headers;
  out.timestamp = d.timestamp ?? null;
  out.reportingMta = d.reportingMta ?? null;
  out.sender = d.sender ?? null;
  out.messageId = d.messageId ?? null;
  out.verp = d.verp ?? null;
  return out;
}

const NO_ORIGINAL: OriginalMessage = {
  messageId: null,
  subject: null,
  from: null,
  to: null,
  date: null,
  listId: null,
  returnPath: null,
};

/** `--json`: one object for one input, an array for several. */
export function renderJson(results: readonly DiagnoseResult[]): string {
  const records = results.map(toJsonRecord);
  return escapeJsonText(JSON.stringify(records.length === 1 ? records[0] : records, null, 2)) + '\n';
}

/**
 * `--ndjson`: one compact line per input message; the text that
 * `escapeJsonText(JSON.stringify(toJsonRecord(result)))` gives, written
 * without building the record. A mail log makes thousands of lines a second
 * whose diagnoses share their objects (the log's diagnosis cache reuses them):
 * each object member (explanation, an evidence item, provider, original …) is
 * serialised once and its text kept by identity (they are not changed once a
 * diagnosis is made). Escaping character by character, each piece escaped
 * alone gives the text of the whole escaped at once.
 */
export function renderNdjsonLine(result: DiagnoseResult): string {
  let out = member('{', '"input"', value(result.input));
  out = member(out, '"isBounce"', value(result.isBounce));
  let list = '[';
  for (const d of result.diagnoses) list += (list.length === 1 ? '' : ',') + diagnosisJson(d);
  out = member(out, '"diagnoses"', `${list}]`);
  out = member(out, '"warnings"', value(result.warnings));
  return `${out}}\n`;
}

/** The serialised text of objects met before, by identity (see renderNdjsonLine). */
const fragments = new WeakMap<object, string>();

/** A value's escaped JSON text; undefined where JSON.stringify leaves the member out. */
function value(v: unknown): string | undefined {
  if (v === null) return 'null';
  switch (typeof v) {
    case 'string':
      return escapeJsonText(JSON.stringify(v));
    case 'number':
    case 'boolean':
      return JSON.stringify(v);
    case 'undefined':
      return undefined;
    case 'object': {
      if (Array.isArray(v)) return arrayJson(v);
      let text = fragments.get(v);
      if (text === undefined) {
        text = escapeJsonText(JSON.stringify(v));
        fragments.set(v, text);
      }
      return text;
    }
    default: {
      const text = JSON.stringify(v) as string | undefined;
      return text === undefined ? undefined : escapeJsonText(text);
    }
  }
}

/** An array (arrays are not kept: they are the ones code fills with push); its object items are. */
function arrayJson(items: readonly unknown[]): string {
  let out = '[';
  for (let i = 0; i < items.length; i++) out += (i === 0 ? '' : ',') + (value(items[i]) ?? 'null');
  return `${out}]`;
}

/** `out` (an object's text so far, "{" at first) with one more member, unless its value is left out. */
function member(out: string, key: string, json: string | undefined): string {
  if (json === undefined) return out;
  return out.length === 1 ? `${out}${key}:${json}` : `${out},${key}:${json}`;
}

/** toJsonDiagnosis's members in its order, serialised. */
function diagnosisJson(d: Diagnosis): string {
  let out = member('{', '"recipient"', value(d.recipient));
  out = member(out, '"action"', value(d.action));
  out = member(out, '"replyCode"', value(d.replyCode));
  out = member(out, '"status"', value(d.status));
  out = member(out, '"class"', value(d.class));
  out = member(out, '"reason"', value(d.reason));
  out = member(out, '"hardBounce"', value(d.hardBounce));
  out = member(out, '"command"', value(d.command));
  out = member(out, '"remoteMta"', value(d.remoteMta));
  out = member(out, '"diagnostic"', value(d.diagnostic));
  out = member(out, '"explanation"', value(d.explanation));
  out = member(out, '"warnings"', value(d.warnings));
  out = member(out, '"format"', value(d.format));
  if (d.feedbackType !== undefined) out = member(out, '"feedbackType"', value(d.feedbackType));
  if (d.message !== undefined) out = member(out, '"message"', value(d.message));
  if (d.queueId !== undefined) out = member(out, '"queueId"', value(d.queueId));
  if (d.originalRecipient !== undefined) out = member(out, '"originalRecipient"', value(d.originalRecipient));
  if (d.espType !== undefined) out = member(out, '"espType"', value(d.espType));
  out = member(out, '"provider"', value(d.provider ?? null));
  out = member(out, '"blocklist"', value(d.blocklist ?? null));
  out = member(out, '"evidence"', value(d.evidence ?? []));
  out = member(out, '"original"', value(d.original ?? NO_ORIGINAL));
  if (d.headers !== undefined) out = member(out, '"headers"', value(d.headers));
  out = member(out, '"timestamp"', value(d.timestamp ?? null));
  out = member(out, '"reportingMta"', value(d.reportingMta ?? null));
  out = member(out, '"sender"', value(d.sender ?? null));
  out = member(out, '"messageId"', value(d.messageId ?? null));
  out = member(out, '"verp"', value(d.verp ?? null));
  return `${out}}`;
}

/**
 * `--json` for one mbox file, built message by message: each diagnosis is
 * rendered when its message is done, and the record is put together from those
 * pieces at the end, the same text renderJson gives for the whole result
 * (issue 15, item 3: linear in the message count, and no object tree of the
 * whole mbox is kept, only its text).
 */
export class JsonRecordBuilder {
  private isBounce = false;
  private readonly diagnoses: string[] = [];
  private readonly warnings: string[] = [];

  constructor(private readonly input: string) {}

  /** Adds one message's diagnoses (each naming the message) and warnings (each prefixed with its name). */
  add(message: DiagnoseResult): void {
    if (message.isBounce) this.isBounce = true;
    if (message.diagnoses.length > 0) {
      this.diagnoses.push(listItems(message.diagnoses.map((d) => toJsonDiagnosis({ ...d, message: message.input }))));
    }
    if (message.warnings.length > 0) this.warnings.push(listItems(message.warnings.map((w) => `${message.input}: ${w}`)));
  }

  /** The record, as renderJson([result]) prints it, without the last newline. */
  render(): string {
    const list = (items: string[]): string => (items.length === 0 ? '[]' : `[\n${items.join(',\n')}\n  ]`);
    return (
      `{\n  "input": ${escapeJsonText(JSON.stringify(this.input))},\n  "isBounce": ${this.isBounce},\n` +
      `  "diagnoses": ${list(this.diagnoses)},\n  "warnings": ${list(this.warnings)}\n}`
    );
  }
}

const LIST_HEAD = '{\n  "a": [\n'.length;
const LIST_TAIL = '\n  ]\n}'.length;

/**
 * The items of a list as they stand inside a record (indented by four spaces,
 * separated by ",\n"): JSON.stringify indents them itself when they are the
 * value of a field, and the field is cut off. (Indenting a list's own text
 * with replaceAll gives a string of pieces about four times its length.)
 */
function listItems(items: readonly unknown[]): string {
  return escapeJsonText(JSON.stringify({ a: items }, null, 2).slice(LIST_HEAD, -LIST_TAIL));
}
