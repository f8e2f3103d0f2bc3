import { escapeJsonText } from './sanitize';
import type { Diagnosis, DiagnoseResult } from '../types';

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
  // A log line's or an ESP event's own fields (docs/logs.md).
  if (d.timestamp !== undefined) out.timestamp = d.timestamp;
  if (d.queueId !== undefined) out.queueId = d.queueId;
  if (d.originalRecipient !== undefined) out.originalRecipient = d.originalRecipient;
  if (d.espType !== undefined) out.espType = d.espType;
  // Issue 6 (advice): always present in JSON, null / [] when there is nothing.
  out.provider = d.provider ?? null;
  out.blocklist = d.blocklist ?? null;
  out.evidence = d.evidence ?? [];
  return out;
}

/** `--json`: one object for one input, an array for several. */
export function renderJson(results: readonly DiagnoseResult[]): string {
  const records = results.map(toJsonRecord);
  return escapeJsonText(JSON.stringify(records.length === 1 ? records[0] : records, null, 2)) + '\n';
}

/** `--ndjson`: one compact line per input message. */
export function renderNdjsonLine(result: DiagnoseResult): string {
  return escapeJsonText(JSON.stringify(toJsonRecord(result))) + '\n';
}
