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

/** `--ndjson`: one compact line per input message. */
export function renderNdjsonLine(result: DiagnoseResult): string {
  return escapeJsonText(JSON.stringify(toJsonRecord(result))) + '\n';
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
