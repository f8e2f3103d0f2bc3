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
  /**
   * The Status field of the bounce's delivery report for this recipient (RFC 3464
   * Status, or the status a report format carries as a field, like Amazon SES's
   * "status"); null when the bounce has no such field.
   */
  statusField: string | null;
  /**
   * A status the format states without a Status field: from its wording
   * ("permanent error" → 5.0.0), a DSN's Action, or a code read from its own text
   * (see src/extract/shared/stated-status.ts); null when none. Never shown as a Status field.
   */
  statedStatus?: string | null;
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
  /** The DSN's per-message Arrival-Date field, as written. */
  arrivalDate?: string | null;
  /** The recipient was not in the notice: it was decoded from the VERP address the bounce was sent to. */
  recipientFromVerp?: boolean;
  /** The type of a DSN Diagnostic-Code, lower case, when it is not "smtp" ("x-unix": a local delivery program said it). */
  diagnosticType?: string;
  /** The diagnostic as parseSmtpLine read it, kept by the reader so the text is parsed once (see replyOf in smtp/parse-smtp-line.ts). */
  parsed?: ParsedDiagnostic;
}

/** parseSmtpLine's reply for a text, with the text (`of`) it was read from. */
export interface ParsedDiagnostic {
  of: string;
  reply: SmtpReply;
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
  /** The returned original message's header fields, decoded (src/email/original.ts); null when the bounce holds none. */
  original: OriginalHeaders | null;
  /** Content-Type of the top-level message, lower case, without parameters. */
  contentType: string;
  /** Warnings from reading the email (limits hit, parts skipped). */
  warnings: string[];
}

/** The header fields of the original message a bounce returns. */
export interface OriginalHeaders {
  /** "attached": a part of the bounce (message/rfc822, text/rfc822-headers…); "quoted": lines in the notice's text. */
  source: 'attached' | 'quoted';
  /** Fields by lower-case name, each value unfolded, trimmed and its encoded words decoded; repeated fields in order. */
  fields: ReadonlyMap<string, readonly string[]>;
}

/** A bounce format reader. `matches` is cheap; `extract` returns [] when it finds nothing. */
export interface Extractor {
  readonly id: string;
  matches(email: BounceEmail): boolean;
  extract(email: BounceEmail): Candidate[];
}

/**
 * Who has to act on a diagnosis (docs/advice.md):
 * - sender-content: the message itself must change (size, format, content, attachments)
 * - sender-setup: the sending server or domain must change (SPF/DKIM/DMARC, PTR, TLS, IP reputation, rate)
 * - recipient-address: the address is wrong or dead; correct it or take it off the list
 * - recipient-mailbox: the person's mailbox needs them (full, disabled); reach them another way
 * - recipient-server: the receiving server or its administrators have a fault or a policy to change
 * - network: DNS or connections between the servers; usually clears with time
 * - nobody: nothing failed for good (delivered, an auto-reply, or it will be retried by itself)
 * - unknown: the bounce does not say enough to tell
 */
export const ACTOR_IDS = [
  'sender-content',
  'sender-setup',
  'recipient-address',
  'recipient-mailbox',
  'recipient-server',
  'network',
  'nobody',
  'unknown',
] as const;
export type ActorId = (typeof ACTOR_IDS)[number];

/** The receiving provider recognised behind a diagnosis. */
export interface ProviderMatch {
  /** Stable id, e.g. "google", "microsoft". */
  id: string;
  /** Display name, e.g. "Google (Gmail, Google Workspace)". */
  name: string;
  /** The provider's page on its error codes or on sending to it. */
  docs: string;
  /** What this provider means by this code or tag, in our words; null when it adds nothing to the registry. */
  meaning: string | null;
  /** The provider's code or tag that matched ("5.7.26", "TSS04"); null when only the provider was recognised. */
  code: string | null;
}

/** A DNS blocklist (or a provider's own block list) named in the bounce. */
export interface BlocklistMatch {
  /** Stable id, e.g. "spamhaus", "spamcop". */
  id: string;
  /** Display name, with the sub-list when known ("Spamhaus PBL"). */
  name: string;
  /** The listed IP address or domain, read from the text; null when the text does not say. */
  listed: string | null;
  /** Lookup or delisting page; null for a list that no longer exists. */
  lookup: string | null;
  /** A fact about the list worth knowing (e.g. it was shut down); null when none. */
  note: string | null;
}

/** What a verdict of a diagnosis was based on (shown by `--why`, always in JSON). */
export interface Evidence {
  /** The verdict it supports. */
  about: 'input' | 'replyCode' | 'status' | 'class' | 'reason' | 'hardBounce' | 'provider' | 'blocklist' | 'actor' | 'warning';
  /** Where it was read: "Status field", "server reply", "Remote-MTA", "rule", … */
  source: string;
  /** The exact input read (a line, a field value), cut short; null when the evidence is a rule. */
  input: string | null;
  /** What was concluded from it, in words. */
  note: string;
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
  /** Who has to act (id); see ActorId. */
  actor?: ActorId;
  /** Who has to act, in words. */
  actorText?: string;
  /** Every concrete next step, most important first (advice is the first of them, or a summary). */
  steps?: string[];
}

/**
 * What the code tables and the reason registry say of a diagnosis, as the text
 * view shows it: explain looks it up, so that render looks nothing up. Not part
 * of the JSON output (its `explanation` says the same in sentences).
 */
export interface DiagnosisTitles {
  /** The reason's short label ("The recipient address does not exist"). */
  reason: string;
  /** The reply code's title and meaning; `known` is false for a code read only from its digits. Null without a reply code. */
  reply: { title: string; known: boolean; meaning: string } | null;
  /** The status code's class, subject and detail titles (detail null when not in the registry), and its summary. Null without a status code. */
  status: {
    classDigit: string;
    classTitle: string;
    subjectDigit: string;
    subjectTitle: string;
    detailTitle: string | null;
    summary: string;
  } | null;
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
  /**
   * With --json, the messages of one mbox are reported as one object for the
   * file; this names the message (`path#N`) each diagnosis came from.
   */
  message?: string;
  /** The receiving provider, when recognised (JSON: always present, null when unknown). */
  provider?: ProviderMatch | null;
  /** The blocklist named in the bounce (JSON: always present, null when none). */
  blocklist?: BlocklistMatch | null;
  /** What each verdict was based on (JSON: always present). */
  evidence?: Evidence[];
  /** The titles the text view shows (not in the JSON output). */
  titles?: DiagnosisTitles;
  // Issue 14: what ties the bounce to what was sent. Set for emails; in JSON
  // always present (null, or `original` with null fields, for a raw string).
  /** The returned original's identity. */
  original?: OriginalMessage;
  /** `--header` names (as given) with the original's value of each, null when absent; only when asked for. */
  headers?: Record<string, string | null>;
  /** When the bounce happened: ISO 8601 with the writer's offset (Last-Attempt-Date, Arrival-Date, Date, mbox "From " line). */
  timestamp?: string | null;
  /** The host that wrote the report (Reporting-MTA, else the first Received host of the bounce). */
  reportingMta?: string | null;
  /** The address the bounce was sent to: the envelope sender of the failed message. */
  sender?: string | null;
  /** The bounce's own Message-ID. */
  messageId?: string | null;
  /** What a VERP or SRS `sender` holds; null for an ordinary address. */
  verp?: VerpDecoding | null;
  /** The DSN Diagnostic-Code type when it is not "smtp" ("x-unix"); for `--sisimai`, not in the JSON output. */
  diagnosticType?: string;
  // Read from a mail log or an ESP event (issue 13, docs/logs.md); `timestamp`
  // above is the log line's or the event's time there. Absent for a bounce email
  // or a string argument; in JSON only when present (null when the log line does
  // not have it).
  /** The MTA's queue id (Postfix, Sendmail), Exim's message id, OpenSMTPD's envelope id, or the ESP's message id. */
  queueId?: string | null;
  /** The address as first given, when the log names it apart (Postfix orig_to=, Exim's parent address). */
  originalRecipient?: string | null;
  /** The ESP's own bounce type, as it writes it ("Permanent/General", "blocked", "HardBounce"); events only. */
  espType?: string | null;
}

/** The returned original message's identity; each field null when the original or that header is absent. */
export interface OriginalMessage {
  /** Message-ID as written, angle brackets kept. */
  messageId: string | null;
  /** Subject, encoded words decoded. */
  subject: string | null;
  /** From and To as written, encoded words decoded. */
  from: string | null;
  to: string | null;
  /** Date as ISO 8601 with its offset, or the header's text when it cannot be read as a date. */
  date: string | null;
  /** The list's id (List-Id without the display name and angle brackets). */
  listId: string | null;
  /** Return-Path without angle brackets ("" for the null sender "<>"). */
  returnPath: string | null;
}

/** What a return address holds (src/text/verp.ts). */
export interface VerpDecoding {
  /** The outermost scheme: "verp", or "srs0"/"srs1" for a forwarder's rewrite. */
  scheme: 'verp' | 'srs0' | 'srs1';
  /** The envelope sender with the encodings taken out. */
  sender: string;
  /** The member address a VERP address encodes; null when none (SRS holds only a sender). */
  recipient: string | null;
}

/** The result for one input message (an argument, a file, one message of an mbox). */
export interface DiagnoseResult {
  input: string;
  isBounce: boolean;
  diagnoses: Diagnosis[];
  /** Problems with the message as a whole (not a bounce, a limit hit, fell back to text scan). */
  warnings: string[];
}
