// A log record (or an ESP event) as the Candidate the rest of the pipeline
// explains, plus the fields a log has and a bounce email has not. The reply
// text is parsed by explainCandidate (parseSmtpLine), as for any extractor.
import type { Candidate, Diagnosis } from '../types';
import type { LogRecord } from './types';
import { explainCandidate } from '../explain';
import { commandOf } from '../smtp/commands';
import { foldSpaces } from '../text/fold-spaces';
import { MAX_DIAGNOSTIC_CHARS } from '../limits';

/**
 * The fields a log record adds to the JSON contract (proposed; all optional,
 * null when the log does not have them).
 */
export interface LogFields {
  /** When the log line was written or the ESP saw the event, ISO 8601. */
  timestamp: string | null;
  /** The MTA's queue id / message id / envelope id, or the ESP's message id. */
  queueId: string | null;
  /** The address as first given (Postfix orig_to=, Exim's parent), when it differs. */
  originalRecipient: string | null;
  /** The ESP's own bounce type next to ours ("Permanent/General", "blocked", "HardBounce", "10"); events only. */
  espType?: string | null;
}

export type LogCandidate = Candidate & LogFields;

/** True for the ESP event formats ("…-event"), whose logStatus is the ESP's own bounce type. */
function isEvent(format: string): boolean {
  return format.endsWith('-event');
}

/** Turns a record into a Candidate (with the log's own fields beside it). Pure. */
export function logRecordToCandidate(record: LogRecord): LogCandidate {
  let diagnostic = foldSpaces(record.text).trim();
  // Guard (MAX_DIAGNOSTIC_CHARS): one huge log line does not become a huge JSON field.
  if (diagnostic.length > MAX_DIAGNOSTIC_CHARS) diagnostic = `${diagnostic.slice(0, MAX_DIAGNOSTIC_CHARS)}…`;
  const candidate: LogCandidate = {
    recipient: record.recipient,
    action: record.action,
    statusField: record.status,
    diagnostic,
    remoteMta: record.relay,
    command: record.command ?? commandOf(diagnostic),
    format: record.format,
    lastAttemptDate: record.timestamp,
    timestamp: record.timestamp,
    queueId: record.queueId,
    originalRecipient: record.originalRecipient,
  };
  if (record.reason !== undefined) candidate.reason = record.reason;
  if (record.feedbackType !== undefined) candidate.feedbackType = record.feedbackType;
  if (isEvent(record.format)) candidate.espType = record.logStatus;
  return candidate;
}

/** A record diagnosed: the usual Diagnosis with the log's fields added. */
export function diagnoseLogRecord(record: LogRecord): Diagnosis {
  const candidate = logRecordToCandidate(record);
  const diagnosis: Diagnosis = {
    ...explainCandidate(candidate),
    timestamp: candidate.timestamp,
    queueId: candidate.queueId,
    originalRecipient: candidate.originalRecipient,
  };
  if (candidate.espType !== undefined) diagnosis.espType = candidate.espType;
  return diagnosis;
}
