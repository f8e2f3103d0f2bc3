// A log record (or an ESP event) as the Candidate the rest of the pipeline
// explains, plus the fields a log has and a bounce email has not. The reply
// text is parsed by explainCandidate (parseSmtpLine), as for any extractor.
import type { Candidate, Diagnosis } from '../types';
import type { LogRecord } from './types';
import { explainCandidate } from '../explain';
import { commandOf } from '../smtp/commands';
import { foldSpaces } from '../text/fold-spaces';
import { MAX_DIAGNOSTIC_CHARS, MAX_LOG_DIAGNOSIS_CACHE } from '../limits';

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

// A log repeats itself: a deferred message is logged again at each retry with
// the same reply, and diagnosing is most of the time a log takes. A diagnosis
// is kept under everything it is made from (the recipient and the whole text
// included, so a copy is what diagnosing again would give) and reused.
const cache = new Map<string, Diagnosis>();

function cacheKey(c: LogCandidate): string {
  return [c.format, c.action ?? '', c.statusField ?? '', c.command ?? '', c.remoteMta ?? '', c.reason ?? '', c.feedbackType ?? '', c.recipient ?? '', c.diagnostic].join('\u0000');
}

function explainCached(candidate: LogCandidate): Diagnosis {
  const key = cacheKey(candidate);
  const kept = cache.get(key);
  if (kept !== undefined) return { ...kept };
  const diagnosis = explainCandidate(candidate);
  // Guard (MAX_LOG_DIAGNOSIS_CACHE): the table is emptied when full, so memory stays flat on an endless log.
  if (cache.size >= MAX_LOG_DIAGNOSIS_CACHE) cache.clear();
  cache.set(key, diagnosis);
  return { ...diagnosis };
}

/** A record diagnosed: the usual Diagnosis with the log's fields added. */
export function diagnoseLogRecord(record: LogRecord): Diagnosis {
  const candidate = logRecordToCandidate(record);
  const diagnosis: Diagnosis = explainCached(candidate);
  diagnosis.timestamp = candidate.timestamp;
  diagnosis.queueId = candidate.queueId;
  diagnosis.originalRecipient = candidate.originalRecipient;
  if (candidate.espType !== undefined) diagnosis.espType = candidate.espType;
  return diagnosis;
}
