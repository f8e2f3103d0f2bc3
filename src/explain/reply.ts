// Step 1: the SMTP reply in the diagnostic text, and the evidence for its reply code.
import type { Candidate, Evidence, SmtpReply } from '../types';
import { replyOf } from '../smtp/parse-smtp-line';
import { lineWith, quote } from './evidence';

// Reasons that a format decides for messages that are not SMTP errors.
const NO_SMTP_REPLY: ReadonlySet<string> = new Set(['feedback', 'vacation']);

/** The reply read from the candidate's text (none for a feedback report or an auto-reply). */
export function readReply(c: Candidate, source: string): { reply: SmtpReply; evidence: Evidence[] } {
  // A feedback report or an auto-reply carries no SMTP reply: numbers in its
  // quoted text ("call me on 550-1234") are not codes.
  const reply = NO_SMTP_REPLY.has(c.reason ?? 'undefined')
    ? { replyCode: null, status: null, text: c.diagnostic, warnings: [] }
    : replyOf(c);
  const replyCode = reply.replyCode;
  const evidence: Evidence = {
    about: 'replyCode',
    source,
    input: replyCode === null ? null : quote(lineWith(c.diagnostic, String(replyCode))),
    note: replyCode === null ? 'no basic reply code found' : `${replyCode} read here`,
  };
  return { reply, evidence: [evidence] };
}
