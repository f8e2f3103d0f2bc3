import type { BounceEmail, Candidate, Extractor } from '../types';
import { header } from '../email/parse-email';
import { looksLikeBounce } from '../email/looks-like-bounce';
import { findAddresses, isSystemAddress } from '../text/addresses';
import { replyQuote } from './shared/reply-quote';
import { isChallenge } from './challenge-response';

// Automatic replies (RFC 3834): out-of-office and vacation notes. The message
// was delivered; the diagnosis says so and names the person who is away (the
// From of the reply). What marks one:
//   Auto-Submitted: auto-replied            (RFC 3834 §5)
//   X-Autoreply: yes / X-Autorespond: …     (vacation programs, cPanel, Zimbra…)
//   X-Apple-Action: VACATION                (iCloud)
//   Precedence: auto_reply
//   Subject: Automatic reply: … / Out of Office: … / Abwesenheitsnotiz: …
// Delivery reports carry "Auto-Submitted: auto-replied" too (Exim, Postfix):
// anything that looks like a bounce is left to the bounce readers, and this
// reader comes after all of them.

// Guard (src/limits.ts MAX_AUTOREPLY_QUOTE, applied in shared/reply-quote.ts): characters of an auto-reply (RFC 3834) quoted as its diagnostic.

const AUTO_HEADERS = ['x-autoreply', 'x-autorespond', 'x-auto-reply', 'x-autoresponder'];

// Subject prefixes of auto-replies in the languages mail clients ship with,
// followed by a colon or nothing ("Automatic reply: …", "Out of Office AutoReply: …",
// but not "Out of office supplies"). Anchored, plain alternatives: linear.
const REPLY_SUBJECT =
  /^(?:re:\s*)?(?:auto(?:matic)?[ -]?(?:reply|response|answer)|auto|out of (?:the )?office|abwesenheitsnotiz|abwesend|automatische antwort|automatisch antwoord|afwezig|réponse automatique|respuesta automática|risposta automatica|resposta automática|fuori ufficio|fuera de la oficina|自動応答|不在通知|自动回复|автоответ)(?:\s+(?:auto-?)?reply)?\s*(?:[:：]|$)/i;

function hasReplyHeader(email: BounceEmail): boolean {
  // "Auto-Submitted: auto-replied" and "auto-replied (vacation)"; not "auto-generated", which reports use.
  if (/^\s*auto-replied\b/i.test(header(email, 'auto-submitted'))) return true;
  if (AUTO_HEADERS.some((name) => header(email, name) !== '')) return true;
  if (/^\s*vacation\b/i.test(header(email, 'x-apple-action'))) return true;
  return /^\s*auto[_-]reply\b/i.test(header(email, 'precedence'));
}

// "From: mailer-daemon" (no domain) or "Mail Delivery System <…>": the mail
// system wrote it, so it is a delivery report, whatever its headers say.
const SYSTEM_SENDER = /\b(?:mailer-daemon|postmaster|mail delivery (?:system|subsystem))\b/i;
// Words of a failure in the subject of a mail that only its headers call an auto-reply.
const FAILURE_SUBJECT = /\b(?:error|fail|failed|failure|undeliver(?:ed|able)|returned|rejected)\b/i;

function isAutoReply(email: BounceEmail): boolean {
  if (email.feedbackReport !== null || looksLikeBounce(email) || SYSTEM_SENDER.test(email.from)) return false;
  // A challenge-response request carries the same headers; its own reader takes it.
  if (isChallenge(email)) return false;
  // Apple Mail's unsubscribe button is auto-replied too, but it is a feedback report.
  if (header(email, 'x-apple-unsubscribe').trim().toLowerCase() === 'true') return false;
  if (REPLY_SUBJECT.test(email.subject.trim())) return true;
  return hasReplyHeader(email) && !FAILURE_SUBJECT.test(email.subject);
}


export const rfc3834: Extractor = {
  id: 'rfc3834',
  matches: isAutoReply,
  extract: (email) => {
    // The person who is away wrote (or had their server write) the reply.
    const who = findAddresses(email.from).find((a) => !isSystemAddress(a)) ?? null;
    const candidate: Candidate = {
      recipient: who,
      action: null,
      statusField: null,
      diagnostic: replyQuote(email),
      remoteMta: null,
      command: null,
      format: 'rfc3834',
      reason: 'vacation',
    };
    return [candidate];
  },
};
