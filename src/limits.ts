// Every cap whybounce puts on its input, in one place. Bounces are written by
// strangers and a bounce reader is fed whatever lands in a mailbox: each limit
// below says which attack or accident it stops. When one is hit, the result's
// warnings say so and the other inputs go on (see README.md, "Limits", for how to
// raise them). Sizes are in bytes, lengths in UTF-16 characters.

/**
 * A file (or standard input) larger than this is refused, not read: a 4 GB
 * mbox sent by mistake must not be loaded whole into memory.
 */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

/**
 * A message larger than this is cut before it is parsed. Bounces are small; the
 * size of whatever was returned with them is no reason to spend minutes (a
 * reference decoder once took six minutes on a 15 MB mail).
 */
export const MAX_MESSAGE_BYTES = 32 * 1024 * 1024;

/**
 * An email with more line ends than this is cut after that many, before it is
 * parsed (a CRLF, an LF or a lone CR each end a line). The cost of parsing grows with the number of lines
 * as well as with the size: mailparser keeps tens of bytes per line, so 30 MB
 * of empty lines took over 1 GB of memory; with this cap one 30 MB message of
 * any shape bench:hostile tries peaks at 105–141 MB of RSS (45 MB of it node and the CLI). A 32 MiB base64 attachment has ~440,000 lines.
 */
export const MAX_MESSAGE_LINES = 500_000;

/**
 * The body of one text part (text/plain, text/html …) longer than this is cut
 * in the raw email before it is decoded: decoding keeps several copies of a
 * text (5 to 8 bytes per byte of a 30 MB part), and a bounce's notice is a few
 * KB. Returned attachments are not text parts and are never decoded.
 */
export const MAX_TEXT_PART_BYTES = 4 * 1024 * 1024;

/**
 * A single error text longer than this is cut before any regex runs on it, so a
 * hostile 10 MB "diagnostic" costs the same as a 64 KiB one. SMTP lines are at
 * most 512 octets (RFC 5321 §4.5.3.1.5); this leaves room for long multi-line
 * replies and whole transcripts.
 */
export const MAX_REPLY_TEXT = 64 * 1024;

/**
 * The last-resort plain-text scan reads at most this much of a body. Bounce
 * notices are short; a 50 MB body is the returned message pasted inline.
 */
export const MAX_SCAN_CHARS = 256 * 1024;

/**
 * The line-length cap of the output: a server's reply text kept in a diagnosis
 * (and printed) is cut to this length, so one 10 MB line in a bounce does not
 * become a 10 MB JSON field or flood a terminal.
 */
export const MAX_DIAGNOSTIC_CHARS = 16 * 1024;

/**
 * Diagnoses read from one message. A delivery report covers one SMTP
 * transaction, and servers take at most a few hundred recipients in one
 * (RFC 5321 §4.5.3.1.8 asks for at least 100); a longer list is a loop or an
 * attack built to make the reader and its output grow (each diagnosis costs
 * about 0.4 ms, so 1,000 stay under half a second).
 */
export const MAX_RECIPIENTS = 1000;

// input
// Caps and sizes of the input layer (src/input/).

/** Chunk size for file reads (and the reused buffer small files are read into). */
export const READ_CHUNK_BYTES = 256 * 1024;

/** Lines (blank lines, a stray header) that may stand before an mbox's first "From " line. */
export const MAX_LINES_BEFORE_MBOX = 5;

// email
// Caps of the email reader (src/email/): mailparser's guards, the line cap of
// what it hands on, and the light reader's own, smaller limits.

/**
 * MIME parts in one message, counted at every depth; past it mailparser gives up
 * and the raw text is scanned instead. A bounce has a handful of parts; a
 * hostile one has thousands to make the parser spin. It also caps the MIME
 * nesting depth (each level is one part): a 1,000-deep tree stops here instead
 * of recursing on.
 */
export const MAX_MIME_PARTS = 1000;

/**
 * The nesting depth that the cap above allows. Not a separate check:
 * mailparser counts parts, not levels, so the part cap is what bounds depth.
 * Named so that tests and docs can say how deep a message may nest.
 */
export const MAX_MIME_DEPTH = MAX_MIME_PARTS;

/** One part's header block larger than this is an attack or a broken file. */
export const MAX_HEADER_BYTES = 1024 * 1024;

/**
 * HTML bigger than this is not turned into text: html-to-text is the slowest
 * step of mailparser on large inputs, and bounce notices are small.
 */
export const MAX_HTML_TO_TEXT = 2 * 1024 * 1024;

/**
 * Lines of a parsed message (its text, delivery-status and header parts) are
 * cut to this length before any extractor reads them: RFC 5322 allows 998
 * characters, and a 10 MB line is an attack on every regex downstream.
 */
export const MAX_LINE_CHARS = 16 * 1024;

// The light reader (src/email/light/) reads the common shape of a bounce fast.
// Past these limits the message is not refused, only handed to mailparser,
// which has its own (larger) guards above.
/** MIME parts in one message (bounces have 2 to 6). */
export const LIGHT_MAX_PARTS = 64;
/** Nesting depth of multiparts. */
export const LIGHT_MAX_DEPTH = 8;
/** One header block, in bytes. */
export const LIGHT_MAX_HEADER_BYTES = 64 * 1024;

// cli and pipeline

/**
 * Folders nested deeper than this under a folder argument are not entered (a
 * runaway tree, or a loop through bind mounts; symbolic links to folders are
 * never followed); each one passed over is named in a note on stderr.
 */
export const MAX_FOLDER_DEPTH = 32;

/**
 * How many leading bytes of an input are read to tell an email (headers, an
 * mbox "From " line) from a pasted error line or log excerpt: a text is not
 * searched past its start for its first header. (src/input/sniff.ts reads the
 * same number of bytes to tell what a file or stream holds.)
 */
export const SNIFF_BYTES = 4096;

/**
 * A bounce with no code anywhere is diagnosed from its notice: at most this
 * many of its opening paragraphs, cut to this length, so that a body pasted
 * inline does not become the diagnosis.
 */
export const MAX_NOTICE_PARAGRAPHS = 3;
export const MAX_NOTICE_CHARS = 1000;

/**
 * CLI output that is not a terminal is gathered into pieces of at most this
 * many bytes before it is written: a write per --ndjson line cost ~10% of a
 * big batch, and a bigger piece would only hold lines back longer.
 */
export const OUTPUT_PIECE_BYTES = 64 * 1024;

// explain, reasons, render

/**
 * The classifier searches only this much of a diagnostic: real reasons sit in
 * the first lines, and a huge text must not cost time.
 */
export const MAX_REASON_TEXT = 16_384;

/**
 * The consistency check reads only the start of a long text: a reply states its
 * case early, and the words it looks for need not be searched in 64 KB.
 */
export const MAX_CONSISTENCY_TEXT = 4096;

/**
 * Evidence quotes the input; a quote longer than this is cut, so a hostile
 * 64 KB line cannot bloat every JSON record that cites it.
 */
export const MAX_EVIDENCE_QUOTE = 200;

/** How much of the reply evidence quotes around a code: enough to recognise the line. */
export const EVIDENCE_CONTEXT_BEFORE = 40;
export const EVIDENCE_CONTEXT_AFTER = 80;

/** Host names in a reply tried as signs of a provider (names in a reply are few and short). */
export const MAX_HOSTS_IN_TEXT = 40;

/**
 * `--summary` counts at most this many distinct keys per table (recipient
 * domains come from strangers: a hostile mbox could hold a million of them);
 * the rest are counted under "(other)".
 */
export const MAX_SUMMARY_KEYS = 10_000;

// extract and text
// Caps of the format readers (src/extract/) and of the text helpers they share
// (src/text/). Where two readers cap the same thing differently, both caps stay,
// named for what each reads: merging them would change what a long bounce gives.

/** Lines of a provider's or a security gateway's notice that are read: such notices are short, more is a pasted attachment. */
export const MAX_NOTICE_LINES = 2000;
/** Lines of a classic MTA's notice (sendmail, qmail, Postfix lists…) that are read: a few dozen are real, more is the returned message. */
export const MAX_MTA_NOTICE_LINES = 3000;
/** Lines of the Exim-style "The following address(es) failed:" list that are read, from the list's start. */
export const MAX_EXIM_LIST_LINES = 500;
/** Lines of one recipient's reason in a list: a handful are real, more is the returned message. */
export const MAX_REASON_LINES = 40;
/** Lines of a notice searched for Exchange 2007's administrator heading (it is near the top). */
export const MAX_HEADING_SEARCH_LINES = 400;
/** Lines of a machine-readable report part (RFC 3464, RFC 5965) or header block: a few dozen are real, a million-line part is an attack. */
export const MAX_REPORT_LINES = 5000;
/**
 * Recipients a security gateway's notice may list before the DSN merge stops
 * reading it. Lower than MAX_RECIPIENTS, which caps every other list: kept apart
 * because a notice with 501 to 1,000 entries gives other output under either cap.
 */
export const MAX_GATEWAY_RECIPIENTS = 500;
/** Characters of a text body searched for DSN fields pasted into it (and read as such). */
export const MAX_DSN_TEXT = 64 * 1024;
/* MAX_NOTICE_PARAGRAPHS and MAX_NOTICE_CHARS (above, under cli and pipeline) also cap what a DSN with no Diagnostic-Code borrows of its notice. */
/** Characters of the first delivery-status part searched for the Reporting-MTA host (it is in the first lines). */
export const MAX_REPORTER_CHARS = 4000;
/** Lines of a Domino notice searched for its "Your message" opening (its list starts within them). */
export const MAX_DOMINO_OPENING_LINES = 30;
/** Lines of an Oracle Messaging Server notice searched for its opening line. */
export const MAX_MESSAGINGSERVER_OPENING_LINES = 10;
/** Lines of a Verizon notice searched for its "Error:" line (the returned message may follow). */
export const MAX_VERIZON_ERROR_LINES = 10;
/** Characters of a PowerMTA report searched for its own fields (they are in its first lines). */
export const MAX_POWERMTA_FIELD_CHARS = 8000;
/** Characters of an auto-reply (RFC 3834) quoted as its diagnostic. */
export const MAX_AUTOREPLY_QUOTE = 300;
/** Complainants one feedback report (RFC 5965) may name; a longer list is a loop or an attack. */
export const MAX_COMPLAINANTS = 100;
/** Characters of a notice searched for the Sophos product name (it is in the opening; the rest may be the returned message). */
export const MAX_SOPHOS_OPENING_CHARS = 2000;
/** Characters JSON.parse may read of an Amazon SES event (one is a few KB). */
export const MAX_SES_JSON_CHARS = 256 * 1024;

// the original message and the bounce's identity (src/email/original.ts,
// src/pipeline/identity.ts)

/**
 * Characters of the returned message's header block that are read for its
 * fields (Message-ID, Subject, List-Id, `--header` names). A real header block
 * is a few KB; a 1 MB "header block" is an attack on the reader, and the
 * fields that matter come first (or near the top) anyway.
 */
export const MAX_ORIGINAL_HEADER_CHARS = 64 * 1024;

/** Header fields of the returned message that are kept; the rest are skipped. */
export const MAX_ORIGINAL_FIELDS = 300;

/**
 * Characters of a notice's text searched for the returned message's headers
 * quoted inline (qmail, Exim and others paste them into the text). The copy
 * comes after a short notice; a longer search would only read the returned body.
 */
export const MAX_QUOTED_HEADERS_SEARCH = 64 * 1024;

/** Characters of one header value kept in the output (a Subject, a `--header` value). */
export const MAX_FIELD_VALUE_CHARS = 2000;

/** `--header` names one run may ask for. */
export const MAX_HEADER_OPTIONS = 50;

// Logs, line streams and ESP events (issue 13; src/logs/, src/events/).
/**
 * (Queue id, recipient) pairs --summary tracks at once to count recipients by
 * final state: an endless log must not grow the table without bound. A queue id
 * the log says is done with (Postfix's "removed") leaves the table; past this
 * many pairs still in it, new pairs are counted as lines only (and as untracked).
 */
export const MAX_TRACKED_RECIPIENTS = 200_000;
/** Wrappers opened around an ESP event (an SNS message holding an SNS message …): deeper ones are an attack. */
export const MAX_EVENT_WRAP_DEPTH = 4;
/** Diagnoses of log records kept for reuse by reply text (src/logs/to-candidate.ts); the table is emptied when full. */
export const MAX_LOG_DIAGNOSIS_CACHE = 2000;
