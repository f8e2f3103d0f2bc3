import type { Action, Candidate, Diagnosis, StatusClass } from './types';
import { parseSmtpLine } from './smtp/parse-smtp-line';
import { lookupReplyCode, replyClassOf } from './smtp/reply-codes';
import { lookupStatus, statusClassOf } from './smtp/status-codes';
import { classifyReason, isHardBounce, reasonRule } from './reasons';

function isGeneric(status: string): boolean {
  return status.endsWith('.0.0');
}

/**
 * The status to report. A DSN Status field and the code inside its diagnostic
 * text can differ: keep the more specific one (a "5.0.0" field says less than
 * "5.1.1" in the server's own words), and say when their classes disagree.
 */
function chooseStatus(field: string | null, fromText: string | null, warnings: string[]): string | null {
  if (field === null) return fromText;
  if (fromText === null || fromText === field) return field;
  if (field.charAt(0) !== fromText.charAt(0)) {
    warnings.push(`The Status field says ${field} but the server's reply says ${fromText}.`);
  }
  return isGeneric(field) && !isGeneric(fromText) ? fromText : field;
}

function actionFor(cls: StatusClass | null): Action | null {
  if (cls === 'permanent') return 'failed';
  if (cls === 'transient') return 'delayed';
  if (cls === 'success') return 'delivered';
  return null;
}

/** Describes an enhanced status code digit by digit, then as a whole. */
export function describeStatus(status: string): string {
  const info = lookupStatus(status);
  if (info === null) return '';
  return `${info.class.digit}: ${info.class.title.toLowerCase()}; ${info.subject.digit}: ${info.subject.title.toLowerCase()}. ${info.summary}`;
}

export function describeReply(code: number): string {
  const info = lookupReplyCode(code);
  if (info === null) return '';
  return `${info.title}. ${info.meaning}`;
}

/** Turns one extractor candidate into a full diagnosis: codes, class, reason, verdict and explanations. */
export function explainCandidate(c: Candidate): Diagnosis {
  const reply = parseSmtpLine(c.diagnostic);
  const warnings = [...reply.warnings];
  const status = chooseStatus(c.status, reply.status, warnings);
  const replyCode = reply.replyCode;
  const cls: StatusClass | null =
    (status === null ? null : statusClassOf(status)) ?? (replyCode === null ? null : replyClassOf(replyCode));
  const action = c.action ?? actionFor(cls);
  const reason =
    c.reason ??
    classifyReason({ status, replyCode, text: c.diagnostic, command: c.command, action });
  const rule = reasonRule(reason);
  const diagnosis: Diagnosis = {
    recipient: c.recipient,
    action,
    replyCode,
    status,
    class: cls,
    reason,
    hardBounce: isHardBounce(reason, cls),
    command: c.command,
    remoteMta: c.remoteMta,
    diagnostic: c.diagnostic,
    explanation: {
      reply: replyCode === null ? '' : describeReply(replyCode),
      status: status === null ? '' : describeStatus(status),
      reason: rule.explanation,
      advice: rule.advice,
    },
    warnings,
    format: c.format,
  };
  if (c.feedbackType !== undefined) diagnosis.feedbackType = c.feedbackType;
  return diagnosis;
}
