// Every type that crosses a stage of the pipeline lives here, so that each
// stage (reader → extractors → SMTP parser → lookup → renderer) only agrees on
// these shapes and never on another stage's internals.

/** The reason vocabulary of DESIGN.md (the ids Sisimai made common). Keep the exact strings. */
export const REASON_IDS = [
  'authfailure',
  'badreputation',
  'blocked',
  'contenterror',
  'delivered',
  'exceedlimit',
  'expired',
  'failedstarttls',
  'feedback',
  'filtered',
  'hasmoved',
  'hostunknown',
  'mailboxfull',
  'mailererror',
  'mesgtoobig',
  'networkerror',
  'norelaying',
  'notaccept',
  'notcompliantrfc',
  'onhold',
  'policyviolation',
  'rejected',
  'requireptr',
  'securityerror',
  'spamdetected',
  'speeding',
  'suppressed',
  'suspend',
  'syntaxerror',
  'systemerror',
  'systemfull',
  'toomanyconn',
  'undefined',
  'userunknown',
  'vacation',
  'virusdetected',
] as const;
export type ReasonId = (typeof REASON_IDS)[number];

/** RFC 3464 Action field values. */
export type Action = 'failed' | 'delayed' | 'delivered' | 'relayed' | 'expanded';

/** The class of a result, from the enhanced status code's first digit, else the reply code's. */
export type StatusClass = 'permanent' | 'transient' | 'success';

/** SMTP commands a reply can answer. */
export type SmtpCommand =
  | 'CONN'
  | 'HELO'
  | 'EHLO'
  | 'STARTTLS'
  | 'AUTH'
  | 'MAIL'
  | 'RCPT'
  | 'DATA'
  | 'BDAT'
  | 'QUIT';

/** What the line parser makes of one SMTP error text. */
export interface SmtpReply {
  /** Basic reply code (RFC 5321), e.g. 550; null when the text holds none. */
  replyCode: number | null;
  /** Enhanced status code (RFC 3463) as a string, e.g. "5.1.1"; null when none. */
  status: string | null;
  /** The reply text with the codes and continuation prefixes taken out, lines joined. */
  text: string;
  /** Problems seen while parsing (e.g. the reply class and the status class disagree). */
  warnings: string[];
}

/**
 * One failed (or delayed, delivered…) recipient as an extractor found it, before
 * any code is looked up. Extractors fill what their format holds and leave the rest null.
 */
export interface Candidate {
  recipient: string | null;
  action: Action | null;
  /** The Status: field of a DSN or a code the format states apart from the text. */
  status: string | null;
  /** The raw error text the remote server (or the reporting MTA) gave. */
  diagnostic: string;
  remoteMta: string | null;
  command: SmtpCommand | null;
  /** Id of the extractor that read this candidate. */
  format: string;
  /** When the format itself decides the reason (ARF feedback, auto-replies, success reports). */
  reason?: ReasonId;
  /** ARF Feedback-Type, for reason "feedback". */
  feedbackType?: string;
  reportingMta?: string | null;
  lastAttemptDate?: string | null;
}

/** A parsed email, reduced to what extractors need. Every string is LF-only. */
export interface BounceEmail {
  /** Header fields by lower-case name; repeated fields keep every value in order. */
  headers: ReadonlyMap<string, readonly string[]>;
  subject: string;
  /** The From header as text ("Mail Delivery System <MAILER-DAEMON@example.com>"). */
  from: string;
  /** The human-readable text (text/plain, or HTML turned into text), without DSN parts. */
  text: string;
  /** Bodies of message/delivery-status or message/global-delivery-status parts. */
  deliveryStatus: string[];
  /** Headers of the returned message (text/rfc822-headers, message/global-headers, message/rfc822). */
  originalHeaders: string | null;
  /** Body of a message/feedback-report part (ARF). */
  feedbackReport: string | null;
  /** Content-Type of the top-level message, lower case, without parameters. */
  contentType: string;
  /** Warnings from reading the email (limits hit, parts skipped). */
  warnings: string[];
}

/** A bounce format reader. `matches` is cheap; `extract` returns [] when it finds nothing. */
export interface Extractor {
  readonly id: string;
  matches(email: BounceEmail): boolean;
  extract(email: BounceEmail): Candidate[];
}

/** Plain-English explanation of one diagnosis. */
export interface Explanation {
  /** What the basic reply code means. Empty when there is no reply code. */
  reply: string;
  /** What the enhanced status code means (class, subject, detail). Empty when there is none. */
  status: string;
  /** What the reason means. */
  reason: string;
  /** One line: what to do next. */
  advice: string;
}

/** One diagnosed recipient: the JSON contract of DESIGN.md. Field names and types are fixed. */
export interface Diagnosis {
  recipient: string | null;
  action: Action | null;
  replyCode: number | null;
  status: string | null;
  class: StatusClass | null;
  reason: ReasonId;
  hardBounce: boolean;
  command: SmtpCommand | null;
  remoteMta: string | null;
  diagnostic: string;
  explanation: Explanation;
  warnings: string[];
  /** Extractor that read it ("argv" for a bare string). */
  format: string;
  feedbackType?: string;
}

/** The result for one input message (an argument, a file, one message of an mbox). */
export interface DiagnoseResult {
  input: string;
  isBounce: boolean;
  diagnoses: Diagnosis[];
  /** Problems with the message as a whole (not a bounce, a limit hit, fell back to text scan). */
  warnings: string[];
}
