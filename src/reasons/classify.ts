// The reason classifier: turns one SMTP error (codes, text, command, action)
// into one reason id of DESIGN.md, and can say which rule decided it.
//
// How a reason is chosen, first match wins:
//  1. action   RFC 3464 Action delivered/relayed/expanded, a 2.x.x status, or a 2xx
//              reply with no failure status → delivered.
//  2. phrase   The text, lower-cased with whitespace folded, is searched with plain
//              `includes` for each rule's `phrases`, in REASONS order. Specific words
//              beat codes because servers reuse generic codes (550, 5.7.1, 5.0.0)
//              for everything; "550 5.1.1 ... mailbox full" is a full mailbox.
//  3. status   The enhanced status code, when a rule lists it as meaning that reason
//              by itself (5.1.1 → userunknown, 5.2.2 → mailboxfull …).
//  4. command  The SMTP command the error answered: CONN/HELO/EHLO → blocked,
//              STARTTLS → failedstarttls, AUTH → securityerror, MAIL → rejected
//              (CONN/HELO/EHLO/MAIL only for a permanent or unknown class; a 5xx
//              reply counts as permanent even under a 4.x.x Status field).
//  5. phrase   The rules' `hints`: vaguer words ("address rejected", "access denied",
//              "does not exist") that only decide when nothing firmer did; a hint
//              for a dead address (userunknown, hostunknown, hasmoved) not in a
//              transient (4xx) reply, which means "later" (greylisting).
//  6. action   A delay report (Action: delayed) with nothing more specific → expired.
//  7. status   The class and subject of the status code: 5.1.x → userunknown,
//              X.3.x → systemerror, X.4.x → networkerror, X.5.x → syntaxerror,
//              X.6.x → contenterror, X.7.x → securityerror.
//  8. reply    The basic reply code: 421/451 → systemerror, 452 → systemfull,
//              5.0x → syntaxerror, 521/556 → notaccept, 551 → hasmoved …; then
//     command  a permanent 550/553/554 to RCPT with no better clue → userunknown,
//              to DATA → filtered.
//  9. default  A code or text with no meaning we can pin down → onhold; nothing (or only
//              a generic X.0.0 status) → undefined.
// 10. type     Over all of these: a DSN Diagnostic-Code of type X-Unix was written by a
//              local delivery program, not a server; when the steps found only
//              systemerror/onhold/undefined, the program failed → mailererror.
//
// Corrections are applied to what steps 2, 3 and 5 find, because the command, the
// status or the words around tell more than the words matched:
//  - "does not exist" after a host name ("553 mx.example.net does not exist") is about
//    a domain → hostunknown.
//  - A recipient-side reason (the address or its domain is bad) cannot answer a
//    command sent before any recipient was named: at CONN/HELO/EHLO/MAIL/STARTTLS/AUTH
//    the command's reason wins ("MAIL FROM: 550 5.1.1 user unknown" is the sender).
//  - The bare words "user unknown" (FILTER_DISGUISES) prove a dead address only when
//    the server said them in answer to RCPT, or with a status that says so itself
//    (5.1.1, 5.1.3, 5.1.10). In answer to DATA the address had been accepted at RCPT
//    and the message was refused once its content was seen; in a report that names no
//    command (a filtering gateway, a delivery agent or a relay that had accepted the
//    message, with a generic 5.0.0, a "mailbox disabled" 5.2.1 or a policy 5.7.1) nothing
//    shows that the address was judged → filtered. Japanese mobile carriers and content
//    filters answer their users' sender filters this way. Fuller sentences ("no such
//    mailbox", "unknown recipient") stay userunknown.
//  - Size: when the words say "too big" and the status says which limit (X.2.3 the
//    recipient's limit, X.3.4 the system's), the status picks mesgtoobig/exceedlimit.
//
// Enhanced code choices worth knowing:
//  - 5.1.10 is "recipient address has null MX" in IANA's registry, but Microsoft 365
//    sends it for every unknown recipient (RESOLVER.ADR.RecipientNotFound), which is
//    by far the common case. The code alone → userunknown; the words "null MX" → notaccept.
//  - 5.7.29/5.7.30 are ARC/REQUIRETLS in IANA's registry and DKIM/TLS rules at Gmail;
//    the IANA meaning is used, Gmail's own words decide through phrases.

import type { Action, ReasonId, SmtpCommand, StatusClass } from '../types.js';
import { REASONS } from './index.js';
import { phraseFinder } from './find-phrase.js';
import { findVocabulary } from './vocabulary/index.js';
import { stepOf, type EvidenceStep } from './order.js';
import { foldSpaces } from '../text/fold-spaces';
import { MAX_REASON_TEXT } from '../limits';

export interface ReasonInput {
  status: string | null;
  replyCode: number | null;
  text: string;
  command: SmtpCommand | null;
  action: Action | null;
  /** The DSN Diagnostic-Code type when not "smtp" ("x-unix"); absent or null for a server's reply. */
  diagnosticType?: string | null;
  /**
   * True when the text is a reply line on its own (pasted from a log or a ticket),
   * not part of a report: no relay stood between, so bare "user unknown" words are
   * taken at face value even when no command is named.
   */
  standalone?: boolean;
}

export type ReasonRuleKind = 'phrase' | 'status' | 'reply' | 'command' | 'action' | 'default';

export interface ReasonEvidence {
  reason: ReasonId;
  /** Which step of the algorithm decided. */
  rule: ReasonRuleKind;
  /** The phrase, status code, reply code, command or action that matched; null for the default. */
  matched: string | null;
  /** Which step of the order of evidence (README.md) decided. */
  step?: EvidenceStep;
  /** For a vocabulary entry: which server or provider writes these words, and where. */
  source?: string;
}

const REASON_BY_STATUS: ReadonlyMap<string, ReasonId> = new Map(
  REASONS.flatMap((rule) => rule.statusCodes.map((code): [string, ReasonId] => [code, rule.id])),
);

/** Reasons about the recipient address or its domain (see the first correction above). */
const RECIPIENT_SIDE: ReadonlySet<ReasonId> = new Set<ReasonId>([
  'userunknown',
  'hostunknown',
  'hasmoved',
  'suspend',
  'filtered',
  'mailboxfull',
]);

/** Commands answered before any recipient exists, and what a refusal there means. */
const COMMAND_REASONS: Partial<Record<SmtpCommand, ReasonId>> = {
  CONN: 'blocked',
  HELO: 'blocked',
  EHLO: 'blocked',
  STARTTLS: 'failedstarttls',
  AUTH: 'securityerror',
  MAIL: 'rejected',
};

/**
 * The bare words that filters answer with after DATA. Fuller sentences that only a real
 * unknown user gets ("this user doesn't have a … account", which Yahoo sends after DATA)
 * are not here and stay userunknown.
 */
const FILTER_DISGUISES: ReadonlySet<string> = new Set(['user unknown', 'unknown user', 'no such user', 'user not exist']);

/** Step 7: what the subject digit of a status says when nothing else did. */
const SUBJECT_REASONS: Record<string, ReasonId> = {
  '3': 'systemerror',
  '4': 'networkerror',
  '5': 'syntaxerror',
  '6': 'contenterror',
  '7': 'securityerror',
};

/** Step 7: words of a refusal, and of a network failure (for an X.4.x status that says which). */
const REFUSAL_WORDS = /\b(?:rejected|denied|refused)\b/;
const NETWORK_WORDS = /\b(?:connect(?:ion)?|timed? ?out|dns|route|routing|unreachable|loop)/;

/** Step 8: basic reply codes whose RFC meaning points at one reason. */
const REPLY_REASONS: Readonly<Record<number, ReasonId>> = {
  421: 'systemerror', // service not available, closing channel
  451: 'systemerror', // local error in processing
  452: 'systemfull', // insufficient system storage
  454: 'securityerror', // temporary authentication failure / TLS not available
  500: 'syntaxerror',
  501: 'syntaxerror',
  502: 'syntaxerror',
  503: 'syntaxerror',
  504: 'syntaxerror',
  521: 'notaccept', // host does not accept mail (RFC 7504)
  523: 'failedstarttls', // encryption needed
  525: 'suspend', // user account disabled
  530: 'securityerror', // authentication required
  534: 'securityerror',
  535: 'securityerror',
  538: 'securityerror',
  551: 'hasmoved', // user not local; please try <forward-path>
  552: 'mailboxfull', // exceeded storage allocation
  555: 'syntaxerror',
  556: 'notaccept', // domain does not accept mail (RFC 7504)
};

/** Lower-case, curly quotes straightened, whitespace folded, one space around the ends (so phrases may start or end with a space). */
export function normalizeReasonText(text: string): string {
  return ` ${foldSpaces(text.slice(0, MAX_REASON_TEXT).normalize('NFKC').toLowerCase().replace(/[\u2018\u2019]/g, "'"))} `;
}

export function classifyReason(input: ReasonInput): ReasonId {
  return explainReason(input).reason;
}

export function explainReason(input: ReasonInput): ReasonEvidence {
  const facts = readFacts(input);
  const found = byLocalMailer(facts, byTheSteps(facts));
  return { ...found, step: stepOf(found, REASON_BY_STATUS.get(found.matched ?? '') === found.reason) };
}

function byTheSteps(facts: Facts): ReasonEvidence {
  return (
    bySuccess(facts) ??
    byVocabulary(facts, true) ??
    byWords(facts, 'phrases') ??
    byStatusCode(facts) ??
    // A delay report is not a failure yet: once the precise phrases and codes
    // had their say, it is one on its way to expiring, whatever the vaguer
    // words say of why it waits (a greylisting or network note in a delay
    // warning does not make it a rate limit or a network failure).
    byDelay(facts) ??
    byVocabulary(facts) ??
    byEarlyCommand(facts) ??
    byHint(facts) ??
    byStatusSubject(facts) ??
    byReplyCode(facts) ??
    byLateCommand(facts) ??
    byDefault(facts)
  );
}

/** The input, normalised once for every step. */
interface Facts {
  readonly input: ReasonInput;
  readonly text: string;
  readonly status: string | null;
  readonly statusClass: string | null;
  readonly subject: string | null;
  readonly replyClass: number | null;
}

function readFacts(input: ReasonInput): Facts {
  const trimmed = input.status?.trim() ?? '';
  const status = trimmed === '' ? null : trimmed;
  return {
    input,
    text: normalizeReasonText(input.text),
    status,
    statusClass: status?.[0] ?? null,
    subject: status?.split('.')[1] ?? null,
    replyClass: input.replyCode === null ? null : Math.floor(input.replyCode / 100),
  };
}

function isPermanent(f: Facts): boolean {
  return f.statusClass === '5' || (f.statusClass === null && f.replyClass === 5);
}

function isTransient(f: Facts): boolean {
  return f.statusClass === '4' || (f.statusClass === null && f.replyClass === 4);
}

/** 1. Success reports. */
function bySuccess({ input, status, statusClass, replyClass }: Facts): ReasonEvidence | null {
  const { action } = input;
  if (action === 'delivered' || action === 'relayed' || action === 'expanded') {
    return { reason: 'delivered', rule: 'action', matched: action };
  }
  if (statusClass === '2') return { reason: 'delivered', rule: 'status', matched: status };
  if (replyClass === 2 && statusClass === null) return { reason: 'delivered', rule: 'reply', matched: String(input.replyCode) };
  return null;
}

/** 2 and 5. Words: the first rule in REASONS with a matching phrase (or hint). */
function byWords(f: Facts, field: 'phrases' | 'hints'): ReasonEvidence | null {
  // The first phrase in REASONS order that the text contains (find-phrase.ts makes it fast in batches).
  const hit = (field === 'phrases' ? findPhrase : findHint)(f.text);
  return hit === null ? null : correct({ reason: hit.rule.id, rule: 'phrase', matched: hit.phrase }, f.input, f.text);
}

const findPhrase = phraseFinder(() => REASONS, (rule) => rule.phrases);
const findHint = phraseFinder(() => REASONS, (rule) => rule.hints);

/** The reasons that call the address itself dead (a hard bounce). */
const DEAD_ADDRESS: ReadonlySet<ReasonId> = new Set<ReasonId>(['userunknown', 'hostunknown', 'hasmoved']);

/**
 * 5. Hints, except one that calls the address dead in a transient (4xx)
 * reply: the server means to take the mail later, as in greylisting's
 * "450 4.2.0 <a@example.org>: Recipient address rejected: Greylisted".
 */
function byHint(f: Facts): ReasonEvidence | null {
  const hit = byWords(f, 'hints');
  return hit !== null && isTransient(f) && DEAD_ADDRESS.has(hit.reason) ? null : hit;
}

/** 3. A status code that means one reason by itself. */
function byStatusCode(f: Facts): ReasonEvidence | null {
  const reason = f.status === null ? undefined : REASON_BY_STATUS.get(f.status);
  return reason ? correct({ reason, rule: 'status', matched: f.status }, f.input, f.text) : null;
}

/** 3b. The servers' and providers' own wording (vocabulary/): what a server writes names the cause better than the code class. */
function byVocabulary(f: Facts, sentencesOnly = false): ReasonEvidence | null {
  const hit = findVocabulary(f.text, sentencesOnly);
  if (hit === null) return null;
  const matched = typeof hit.phrase === 'string' ? hit.phrase : (hit.phrase.exec(f.text)?.[0] ?? hit.phrase.source);
  return { ...correct({ reason: hit.reason, rule: 'phrase', matched }, f.input, f.text), source: hit.source };
}

/** 4. Commands sent before any recipient was named. A 4xx there is usually load, not a verdict. */
function byEarlyCommand(f: Facts): ReasonEvidence | null {
  const { command } = f.input;
  const reason = command === null ? undefined : COMMAND_REASONS[command];
  if (!reason) return null;
  const tlsOrAuth = command === 'STARTTLS' || command === 'AUTH';
  // The server's own 5xx is a verdict even when the reporting MTA wrote a 4.x.x Status (it meant to retry).
  const transient = isTransient(f) && f.replyClass !== 5;
  return tlsOrAuth || !transient ? { reason, rule: 'command', matched: command } : null;
}

/** 6. A delay report with nothing more specific: still retrying, on its way to expiring. */
function byDelay(f: Facts): ReasonEvidence | null {
  return f.input.action === 'delayed' ? { reason: 'expired', rule: 'action', matched: 'delayed' } : null;
}

/** 7. The class and subject of the status code. */
function byStatusSubject({ status, statusClass, subject, text }: Facts): ReasonEvidence | null {
  if (status === null || subject === null) return null;
  if (subject === '1' && statusClass === '5') return { reason: 'userunknown', rule: 'status', matched: status };
  // X.5.0 is sent for anything by some servers (Orange, Outlook.com): it says nothing about syntax.
  if (subject === '5' && status.split('.')[2] === '0') return null;
  // X.4.x is network and routing; a server that writes "rejected"/"denied"/"refused" refused, the network did not fail.
  if (subject === '4' && REFUSAL_WORDS.test(text) && !NETWORK_WORDS.test(text)) return null;
  const reason = SUBJECT_REASONS[subject];
  return reason ? { reason, rule: 'status', matched: status } : null;
}

/** 8. The basic reply code. */
function byReplyCode({ input }: Facts): ReasonEvidence | null {
  const reason = input.replyCode === null ? undefined : REPLY_REASONS[input.replyCode];
  return reason ? { reason, rule: 'reply', matched: String(input.replyCode) } : null;
}

/** 8, continued. A catch-all permanent 550/553/554: the command it answered. */
function byLateCommand(f: Facts): ReasonEvidence | null {
  const { command } = f.input;
  if (!isPermanent(f) || (f.subject !== null && f.subject !== '0')) return null;
  if (command === 'RCPT') return { reason: 'userunknown', rule: 'command', matched: command };
  if (command === 'DATA' || command === 'BDAT') return { reason: 'filtered', rule: 'command', matched: command };
  return null;
}

/** 9. Something was said, but nothing we can pin down; or nothing at all. */
function byDefault(f: Facts): ReasonEvidence {
  // A bare X.0.0 with no words and no reply code is only the class of a failure
  // (often filled in from "failed permanently"): nothing was said about why.
  const specificStatus = f.status !== null && !f.status.endsWith('.0.0');
  const said = specificStatus || f.input.replyCode !== null || f.text.trim() !== '';
  return { reason: said ? 'onhold' : 'undefined', rule: 'default', matched: null };
}

/**
 * A Diagnostic-Code of type X-Unix was written by a local delivery program (a pipe,
 * procmail, a delivery agent), not by a remote server: unless its words name a firmer
 * reason (a full mailbox, a quota), the program failed → mailererror.
 */
function byLocalMailer(f: Facts, found: ReasonEvidence): ReasonEvidence {
  if (f.input.diagnosticType?.toLowerCase() !== 'x-unix') return found;
  if (found.reason !== 'systemerror' && found.reason !== 'onhold' && found.reason !== 'undefined') return found;
  return { reason: 'mailererror', rule: 'phrase', matched: 'x-unix (Diagnostic-Code type)' };
}

/**
 * hardBounce of DESIGN.md: the address itself is dead. notaccept counts only when permanent (a 4xx may be a DNS hiccup).
 * Nothing a transient class answered is hard: a 4.x.x status or a 4xx reply means the server itself asked for a retry.
 */
export function isHardBounce(reason: ReasonId, statusClass: StatusClass | null, replyCode: number | null = null): boolean {
  if (statusClass === 'transient' || (replyCode !== null && replyCode >= 400 && replyCode < 500)) return false;
  if (reason === 'userunknown' || reason === 'hostunknown' || reason === 'hasmoved') return true;
  return reason === 'notaccept' && statusClass === 'permanent';
}

/** The host name written right before `words` ("example.net" in "550 example.net does not exist"), else null. */
function domainBefore(text: string, words: string): string | null {
  const at = text.indexOf(words);
  if (at <= 0) return null;
  const before = text.slice(Math.max(0, at - 256), at);
  const token = trimEnds(before.slice(before.lastIndexOf(' ') + 1), `<("'[`, `>)"':,]`);
  return !token.includes('@') && /^(?:[a-z0-9-]{1,63}\.){1,10}[a-z]{2,24}$/.test(token) ? token : null;
}

/** `s` without the characters of `lead` at its start and of `tail` at its end. */
function trimEnds(s: string, lead: string, tail: string): string {
  let from = 0;
  let to = s.length;
  while (from < to && lead.includes(s.charAt(from))) from++;
  while (to > from && tail.includes(s.charAt(to - 1))) to--;
  return s.slice(from, to);
}

/** The corrections described at the top of this file. */
function correct(found: ReasonEvidence, input: ReasonInput, text: string): ReasonEvidence {
  const command = input.command;
  const why = found.matched ?? '';
  // "553 mx.example.net does not exist": what does not exist is a domain, not a mailbox.
  if (found.reason === 'userunknown' && why === 'does not exist') {
    const domain = domainBefore(text, ' does not exist');
    if (domain !== null) return { reason: 'hostunknown', rule: 'phrase', matched: `${domain} does not exist` };
  }
  if (command !== null && RECIPIENT_SIDE.has(found.reason)) {
    const early = COMMAND_REASONS[command];
    if (early) return { reason: early, rule: 'command', matched: `${command} (not ${found.reason}: ${why})` };
  }
  // Unless the status itself says "no such mailbox" (5.1.1): with PIPELINING, replies to
  // RCPT arrive after DATA was sent, and transcripts then show them under DATA.
  // Any 5.1.x is about the address (RFC 3463 subject 1): with "unknown user" words the address was judged.
  const statusSaysUnknown =
    input.status !== null && (REASON_BY_STATUS.get(input.status.trim()) === 'userunknown' || input.status.trim().startsWith('5.1.'));
  if (
    found.reason === 'userunknown' &&
    ((command === null && input.standalone !== true) || command === 'DATA' || command === 'BDAT') &&
    FILTER_DISGUISES.has(why) &&
    !statusSaysUnknown
  ) {
    return { reason: 'filtered', rule: 'command', matched: `${command ?? 'no command'} (after ${why})` };
  }
  if (found.reason === 'mesgtoobig' || found.reason === 'exceedlimit') {
    const subjectDetail = input.status?.trim().slice(2);
    if (subjectDetail === '2.3' && found.reason !== 'exceedlimit') {
      return { reason: 'exceedlimit', rule: 'status', matched: input.status };
    }
    if (subjectDetail === '3.4' && found.reason !== 'mesgtoobig') {
      return { reason: 'mesgtoobig', rule: 'status', matched: input.status };
    }
  }
  return found;
}

