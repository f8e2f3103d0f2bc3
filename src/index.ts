// The public library API: the same code the CLI runs. Named exports only.
export { diagnose, diagnoseText, looksLikeEmail, type DiagnoseOptions } from './diagnose';
export { parseSmtpLine, hasSmtpCode } from './smtp/parse-smtp-line';
export { lookupReplyCode, type ReplyInfo } from './smtp/reply-codes';
export { lookupStatus, type StatusInfo } from './smtp/status-codes';
export { reasonRule, type ReasonRule } from './reasons';
export { classifyReason, isHardBounce } from './reasons/classify';
export { explainCandidate } from './explain';
export { detectProvider, PROVIDERS, type Provider, type ProviderCode } from './providers';
export { findBlocklist, BLOCKLISTS, type Blocklist } from './blocklists';
export { adviseOn } from './explain/advice';
export { checkConsistency } from './explain/consistency';
export { ACTOR_TEXT, REASON_ACTORS } from './explain/actors';
export { explainCode, listCodes, type ReferenceEntry, type CodeRow, type CodeFilter } from './reference/lookup';
export { renderEntryText, renderCodesText } from './reference/render';
export { parseEmail } from './email/parse-email';
export { extractCandidates, EXTRACTORS } from './extract';
export { renderText } from './render/text';
export { renderJson, renderNdjsonLine, toJsonRecord } from './render/json';
export { sanitizeForTerminal } from './render/sanitize';
export {
  MAX_DIAGNOSTIC_CHARS,
  MAX_FILE_BYTES,
  MAX_HEADER_BYTES,
  MAX_HTML_TO_TEXT,
  MAX_LINE_CHARS,
  MAX_MESSAGE_BYTES,
  MAX_MIME_DEPTH,
  MAX_MIME_PARTS,
  MAX_RECIPIENTS,
  MAX_REPLY_TEXT,
  MAX_SCAN_CHARS,
} from './limits';
export {
  REASON_IDS,
  ACTOR_IDS,
  type ActorId,
  type BlocklistMatch,
  type Evidence,
  type ProviderMatch,
  type Action,
  type BounceEmail,
  type Candidate,
  type DiagnoseResult,
  type Diagnosis,
  type Explanation,
  type Extractor,
  type ReasonId,
  type SmtpCommand,
  type SmtpReply,
  type StatusClass,
} from './types';
