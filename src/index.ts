// The public library API: the same code the CLI runs. Named exports only.
// What is listed here is the surface people use (README.md, "Library"); every
// other module (extractors, readers, reason rules, the CLI) is internal and
// may change between versions.

// Diagnose a bounce email or a raw SMTP error text.
export { diagnose, type DiagnoseOptions } from './pipeline/diagnose';
export { diagnoseText } from './pipeline/text';

// Read one SMTP reply line; look up what a code means.
export { parseSmtpLine } from './smtp/parse-smtp-line';
export { lookupReplyCode, type ReplyInfo } from './smtp/reply-codes';
export { lookupStatus, type StatusInfo } from './smtp/status-codes';
export { explainCode, listCodes, type ReferenceEntry, type CodeRow, type CodeFilter } from './reference/lookup';

// Mail logs and ESP events (issue 13, docs/logs.md): the readers the CLI uses
// for text that is no email, one record per error line or event.
export { readLogText, detectLogFormat, LogStream, diagnoseLogRecord, LOG_FORMATS, FinalStates } from './logs/index';
export type { LogRecord, LogAction, LogReadOptions } from './logs/index';
export { readEspEvents, looksLikeEspEvents } from './events/index';

// The JSON the CLI prints (DESIGN.md's contract) from a result.
export { toJsonRecord, renderJson } from './render/json';

// The caps on hostile input (README.md, "Limits").
export {
  MAX_DIAGNOSTIC_CHARS,
  MAX_FILE_BYTES,
  MAX_HEADER_BYTES,
  MAX_HTML_TO_TEXT,
  MAX_LINE_CHARS,
  MAX_MESSAGE_BYTES,
  MAX_MESSAGE_LINES,
  MAX_MIME_DEPTH,
  MAX_MIME_PARTS,
  MAX_RECIPIENTS,
  MAX_REPLY_TEXT,
  MAX_SCAN_CHARS,
  MAX_TEXT_PART_BYTES,
} from './limits';

// What a result holds.
export {
  REASON_IDS,
  ACTOR_IDS,
  type ActorId,
  type BlocklistMatch,
  type Evidence,
  type ProviderMatch,
  type Action,
  type DiagnoseResult,
  type Diagnosis,
  type Explanation,
  type ReasonId,
  type SmtpCommand,
  type SmtpReply,
  type StatusClass,
} from './types';
