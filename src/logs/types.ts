// The shapes of the log and event readers (issue 13). A log line or an ESP
// event becomes a LogRecord; logRecordToCandidate (to-candidate.ts) turns it
// into the Candidate the rest of the pipeline explains.
import type { ReasonId, SmtpCommand } from '../types';

/** What a log line says happened to one recipient. */
export type LogAction = 'failed' | 'delayed' | 'delivered';

/** One logical line of a stream: its text (continuation lines joined with "\n") and the number of its first line. */
export interface LogLine {
  text: string;
  /** 1-based number of the first physical line of the record. */
  line: number;
}

/** What a reader reads from one log line or one ESP event. Fields the format does not hold are null. */
export interface LogRecord {
  /** Id of the reader ("postfix-log", "sendgrid-event", …). */
  format: string;
  /** Number of the record's first line in its stream, when read from lines; null for an ESP event. */
  line: number | null;
  /** ISO 8601; with the offset when the log states one (see syslog.ts for stamps without a year). */
  timestamp: string | null;
  /** The MTA's queue id (Postfix, Sendmail), message id (Exim), envelope id (OpenSMTPD) or the ESP's message id. */
  queueId: string | null;
  recipient: string | null;
  /** The address as first given, when the log names it apart (Postfix orig_to=, Exim's parent address). */
  originalRecipient: string | null;
  sender: string | null;
  /** The host the message was handed to or refused by, without port ("mx.example.com", "[192.0.2.1]"). */
  relay: string | null;
  action: LogAction | null;
  /** The enhanced status code the log states in a field of its own (Postfix/Sendmail dsn=). */
  status: string | null;
  /** The error (or success) text: the remote server's reply, continuation lines joined with "\n". */
  text: string;
  /** The SMTP command the reply answered, when the line says. */
  command: SmtpCommand | null;
  /** The log's own word for the outcome (status=bounced, result="PermFail", "**") or the ESP's bounce type, as written. */
  logStatus: string | null;
  /** When the format itself decides the reason (an ESP complaint is "feedback", Postfix's expiry is "expired"). */
  reason?: ReasonId;
  /** ARF-style feedback type of an ESP complaint ("abuse"). */
  feedbackType?: string;
}

/**
 * A log format reader. `recognises` is cheap and says whether a line is written
 * by this server (an error or not); `read` returns null for a recognised line
 * that reports no delivery, deferral or failure (Postfix "connect from …").
 */
export interface LogReader {
  readonly id: string;
  recognises(text: string): boolean;
  read(entry: LogLine, options: LogReadOptions): LogRecord | null;
  /**
   * For a recognised line that gave no record: the queue id it says is done
   * with (Postfix's qmgr "QUEUEID: removed"), else null. --summary then drops
   * that queue id's recipients from its table (final-states.ts).
   */
  finishedQueue?(text: string): string | null;
}

/** Options of the log readers. */
export interface LogReadOptions {
  /**
   * Syslog stamps ("Dec  4 10:00:01") carry no year. With a reference date
   * (the CLI can pass the file's mtime or the current time) the year is the
   * reference's, or the year before when the stamp would lie more than a day
   * after it (December lines read in January). Without one, the stamp is kept
   * without a year as ISO 8601's "--MM-DDThh:mm:ss".
   */
  referenceDate?: Date;
}

/** A record with every field empty but those given, for a reader to fill. */
export function blankRecord(
  format: string,
  line: number | null = null,
  timestamp: string | null = null,
  queueId: string | null = null,
): LogRecord {
  return {
    format,
    line,
    timestamp,
    queueId,
    recipient: null,
    originalRecipient: null,
    sender: null,
    relay: null,
    action: null,
    status: null,
    text: '',
    command: null,
    logStatus: null,
  };
}
