// The public library API: the same code the CLI runs. Named exports only.
export { diagnose, diagnoseText, looksLikeEmail, type DiagnoseOptions } from './diagnose';
export { parseSmtpLine, hasSmtpCode } from './smtp/parse-smtp-line';
export { lookupReplyCode, type ReplyInfo } from './smtp/reply-codes';
export { lookupStatus, type StatusInfo } from './smtp/status-codes';
export { classifyReason, reasonRule, isHardBounce, type ReasonRule } from './reasons';
export { explainCandidate } from './explain';
export { parseEmail } from './email/parse-email';
export { extractCandidates, EXTRACTORS } from './extract';
export { renderText } from './render/text';
export { renderJson, renderNdjsonLine, toJsonRecord } from './render/json';
export { sanitizeForTerminal } from './render/sanitize';
export {
  REASON_IDS,
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
