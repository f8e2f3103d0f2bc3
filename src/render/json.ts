import { escapeJsonText } from './sanitize';
import type { DiagnoseResult } from '../types';

/** The DESIGN.md JSON object for one input, with the fields in contract order. */
export function toJsonRecord(result: DiagnoseResult): Record<string, unknown> {
  return {
    input: result.input,
    isBounce: result.isBounce,
    diagnoses: result.diagnoses.map((d) => ({
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
      ...(d.feedbackType === undefined ? {} : { feedbackType: d.feedbackType }),
      ...(d.message === undefined ? {} : { message: d.message }),
      // Issue 6 (advice): always present in JSON, null / [] when there is nothing.
      provider: d.provider ?? null,
      blocklist: d.blocklist ?? null,
      evidence: d.evidence ?? [],
    })),
    warnings: result.warnings,
  };
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
