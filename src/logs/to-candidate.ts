// A log record (or an ESP event) as the Candidate the rest of the pipeline
// explains, plus the fields a log has and a bounce email has not. The reply
// text is parsed by explainCandidate (parseSmtpLine), as for any extractor.
import type { Candidate, Diagnosis, Evidence } from '../types';
import type { LogRecord } from './types';
import { explainCandidate } from '../explain';
import { readingEvidence } from '../explain/evidence';
import { markJsonShared } from '../render/json';
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
// the same reply, and the same reply ("452 4.2.2 Mailbox full", "250 2.0.0 Ok")
// comes back for many recipients; diagnosing is most of the time a log takes.
// A diagnosis is kept under everything it is made from and reused. Of the
// recipient, explainCandidate reads only its domain (the provider step) and
// names it in the first evidence (readingEvidence): the key holds the domain,
// and a diagnosis reused for another address of it gets that address and its
// own first evidence, so a copy is what diagnosing again would give. The
// reporting server is in the key too (the reason step compares its host with
// the recipient's domain; log readers leave it empty today).
const cache = new Map<string, Diagnosis>();

/** What explainCandidate reads of a recipient: nothing, or whether it has an "@" and the domain after the last one. */
function recipientPart(recipient: string | null): string {
  if (recipient === null) return '\u0001';
  const at = recipient.lastIndexOf('@');
  return at === -1 ? '\u0002' : `@${recipient.slice(at + 1).toLowerCase()}`;
}

function cacheKey(c: LogCandidate): string {
  return (
    `${c.format}\u0000${c.action ?? ''}\u0000${c.statusField ?? ''}\u0000${c.command ?? ''}\u0000${c.remoteMta ?? ''}\u0000` +
    `${c.reason ?? ''}\u0000${c.feedbackType ?? ''}\u0000${c.reportingMta ?? ''}\u0000${recipientPart(c.recipient)}\u0000${c.diagnostic}`
  );
}

/** A kept diagnosis for this candidate: its own recipient, and the first evidence naming it. */
function reuse(kept: Diagnosis, candidate: LogCandidate): Diagnosis {
  if (kept.recipient === candidate.recipient) return { ...kept };
  const evidence: Evidence[] = [readingEvidence(candidate)];
  let first = true;
  for (const e of kept.evidence ?? []) {
    if (first) first = false;
    else evidence.push(e);
  }
  return { ...kept, recipient: candidate.recipient, evidence };
}

// Most texts that hold an address or an id are never seen again, and a
// diagnosis kept for nothing lives long enough to be moved to the old
// generation of the heap, then thrown away there (a third of a log's time went
// to the collector). A diagnosis is kept the second time its key is seen: the
// first time leaves only a 31-bit hash of the key in a set of small integers
// (a collision only keeps a diagnosis that will not be asked for again).
const seenOnce = new Set<number>();

/** FNV-1a over the key's UTF-16 units, as a small integer. */
function hashKey(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h & 0x3fffffff;
}

function explainCached(candidate: LogCandidate): Diagnosis {
  const key = cacheKey(candidate);
  const kept = cache.get(key);
  if (kept !== undefined) return reuse(kept, candidate);
  const diagnosis = explainCandidate(candidate);
  const hash = hashKey(key);
  if (!seenOnce.has(hash)) {
    // Guard (MAX_LOG_DIAGNOSIS_CACHE): both tables are emptied when full, so memory stays flat on an endless log.
    if (seenOnce.size >= MAX_LOG_DIAGNOSIS_CACHE * 4) seenOnce.clear();
    seenOnce.add(hash);
    return diagnosis;
  }
  if (cache.size >= MAX_LOG_DIAGNOSIS_CACHE) cache.clear();
  cache.set(key, diagnosis);
  // Its copies share its objects: --ndjson writes their text once.
  markJsonShared(diagnosis);
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
