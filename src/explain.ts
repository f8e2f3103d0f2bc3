// From one extractor candidate to one full diagnosis: codes, class, reason,
// hard/soft verdict, provider, blocklist, advice, warnings — and the evidence
// for each of them, so `--why` can show what every verdict was based on.
import type { Action, Candidate, Diagnosis, Evidence, ReasonId, StatusClass } from './types';
import { parseSmtpLine } from './smtp/parse-smtp-line';
import { lookupReplyCode, replyClassOf } from './smtp/reply-codes';
import { lookupStatus, statusClassOf } from './smtp/status-codes';
import { explainReason, isHardBounce, reasonRule, type ReasonEvidence } from './reasons';
import { detectProvider, toProviderMatch, type ProviderFinding } from './providers';
import { findBlocklist } from './blocklists';
import { adviseOn, checkConsistency } from './advice';
import { foldSpaces } from './fold-spaces';

// Evidence quotes the input; a quote longer than this is cut, so a hostile
// 64 KB line cannot bloat every JSON record that cites it.
const MAX_QUOTE = 200;

function quote(text: string): string {
  const one = foldSpaces(text).trim();
  return one.length > MAX_QUOTE ? `${one.slice(0, MAX_QUOTE - 1)}…` : one;
}

function isGeneric(status: string): boolean {
  return status.endsWith('.0.0');
}

interface StatusChoice {
  status: string | null;
  note: string;
  fromField: boolean;
}

/**
 * The status to report. A DSN Status field and the code inside its diagnostic
 * text can differ: keep the more specific one (a "5.0.0" field says less than
 * "5.1.1" in the server's own words), and say when their classes disagree.
 */
function chooseStatus(field: string | null, fromText: string | null, warnings: string[]): StatusChoice {
  if (field === null) {
    return { status: fromText, note: fromText === null ? 'no enhanced status code found' : `${fromText} read from the reply text`, fromField: false };
  }
  if (fromText === null || fromText === field) {
    return { status: field, note: fromText === null ? `${field} from the Status field` : `${field} in both the Status field and the reply`, fromField: true };
  }
  if (!field.startsWith(fromText.charAt(0))) {
    warnings.push(`The Status field says ${field} but the server's reply says ${fromText}.`);
  }
  if (isGeneric(field) && !isGeneric(fromText)) {
    return { status: fromText, note: `the Status field says only ${field}; the reply's own ${fromText} is more specific`, fromField: false };
  }
  return { status: field, note: `the Status field (${field}) is kept over the reply's ${fromText}`, fromField: true };
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

/** Where the diagnostic text came from, in the words of its format. */
function textSource(c: Candidate): string {
  if (c.format === 'argv') return 'command-line argument';
  if (c.format === 'rfc3464' || c.format.startsWith('rfc')) return 'Diagnostic-Code field';
  return 'server reply';
}

// How much of the reply is quoted around a code: enough to recognise the line.
const QUOTE_BEFORE = 40;
const QUOTE_AFTER = 80;

/** The stretch of the diagnostic around a code, for quoting. */
function lineWith(text: string, token: string): string {
  const at = text.indexOf(token);
  if (at === -1) return text.slice(0, QUOTE_AFTER);
  const start = Math.max(0, at - QUOTE_BEFORE);
  const end = Math.min(text.length, at + token.length + QUOTE_AFTER);
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}

function reasonNote(e: ReasonEvidence): string {
  switch (e.rule) {
    case 'phrase':
      return `the words "${e.matched ?? ''}" name ${e.reason}`;
    case 'status':
      return `status ${e.matched ?? ''} points at ${e.reason}`;
    case 'reply':
      return `reply code ${e.matched ?? ''} points at ${e.reason} (nothing more specific was found)`;
    case 'command':
      return `the error answered ${e.matched ?? ''}, which points at ${e.reason}`;
    case 'action':
      return `the report's Action (${e.matched ?? ''}) means ${e.reason}`;
    default:
      return `no rule matched firmly, so ${e.reason}`;
  }
}

// Step 3 of the classifier (a status code that by itself means one reason) is
// firm; the subject fallback, the reply code, the bare command and the default are
// guesses that a provider's own documented meaning should beat.
function isWeak(e: ReasonEvidence, status: string | null): boolean {
  if (e.rule === 'default' || e.rule === 'reply') return true;
  // "DATA (after user unknown)": bare words read as a filter's refusal, also a guess.
  if (e.rule === 'command') return e.matched === 'RCPT' || e.matched === 'DATA' || e.matched === 'BDAT' || (e.matched ?? '').includes(' (after ');
  if (e.rule === 'status') return status === null || !reasonRule(e.reason).statusCodes.includes(status);
  return false;
}

function providerReason(found: ReasonEvidence, provider: ProviderFinding | null, status: string | null): ReasonId | null {
  const code = provider?.code;
  if (code?.reason === undefined || code.reason === found.reason) return null;
  if (isWeak(found, status)) return code.reason;
  // A registered code the provider uses for something else: its meaning wins over the registry's.
  if (code.differs === true && found.rule === 'status') return code.reason;
  return null;
}

function hardNote(reason: ReasonId, cls: StatusClass | null, hard: boolean, replyCode: number | null): string {
  if (!hard && (cls === 'transient' || (replyCode !== null && replyCode >= 400 && replyCode < 500)) && HARD_REASONS.has(reason)) {
    return `${reason}, but a transient class answered (the server asked for a retry): soft bounce`;
  }
  if (hard) return `${reason}${reason === 'notaccept' ? ' with a permanent class' : ''} means the address itself is dead: hard bounce`;
  if (reason === 'notaccept') return `notaccept with class ${cls ?? 'unknown'} (not permanent) may pass: soft bounce`;
  return `${reason} is not userunknown, hostunknown, hasmoved or a permanent notaccept, so the address may still work: soft bounce`;
}

const HARD_REASONS: ReadonlySet<ReasonId> = new Set<ReasonId>(['userunknown', 'hostunknown', 'hasmoved']);

// Reasons that a format decides for messages that are not SMTP errors.
const NO_SMTP_REPLY: ReadonlySet<string> = new Set(['feedback', 'vacation']);

/** Turns one extractor candidate into a full diagnosis: codes, class, reason, verdict, advice and evidence. */
export function explainCandidate(c: Candidate): Diagnosis {
  const evidence: Evidence[] = [];
  // A feedback report or an auto-reply carries no SMTP reply: numbers in its
  // quoted text ("call me on 550-1234") are not codes.
  const reply = NO_SMTP_REPLY.has(c.reason ?? 'undefined')
    ? { replyCode: null, status: null, text: c.diagnostic, warnings: [] }
    : parseSmtpLine(c.diagnostic);
  // Filled by push from an array literal, not copied with [...]: V8 then learns
  // at this line that the array holds strings, and the optimised code of this
  // function is not thrown away at the first warning of a batch.
  const warnings: string[] = [];
  for (const w of reply.warnings) warnings.push(w);
  const source = textSource(c);
  evidence.push({
    about: 'input',
    source: `${c.format} extractor`,
    input: c.recipient,
    note: c.recipient === null ? 'read one failure; the recipient is not named' : `read the failure for ${c.recipient}`,
  });

  const replyCode = reply.replyCode;
  evidence.push({
    about: 'replyCode',
    source,
    input: replyCode === null ? null : quote(lineWith(c.diagnostic, String(replyCode))),
    note: replyCode === null ? 'no basic reply code found' : `${replyCode} read here`,
  });

  const choice = chooseStatus(c.status, reply.status, warnings);
  const status = choice.status;
  evidence.push({
    about: 'status',
    source: choice.fromField ? 'Status field' : source,
    input: status === null ? null : choice.fromField ? c.status : quote(lineWith(c.diagnostic, status)),
    note: choice.note,
  });

  const statusCls = status === null ? null : statusClassOf(status);
  const cls: StatusClass | null = statusCls ?? (replyCode === null ? null : replyClassOf(replyCode));
  evidence.push({
    about: 'class',
    source: 'rule',
    input: null,
    note:
      cls === null
        ? 'no code, so no class'
        : statusCls !== null
          ? `${cls}: first digit of ${status}`
          : `${cls}: first digit of reply code ${replyCode}`,
  });
  const action = c.action ?? actionFor(cls);

  const providerFinding = detectProvider({
    remoteMta: c.remoteMta,
    reportingMta: c.reportingMta ?? null,
    recipient: c.recipient,
    text: c.diagnostic,
    status,
  });

  let reason: ReasonId;
  if (c.reason !== undefined) {
    reason = c.reason;
    evidence.push({ about: 'reason', source: `${c.format} format`, input: null, note: `the report's format itself says ${reason}` });
  } else {
    // The classifier sees the action the report stated, not the one derived from
    // the class: a bare "451 4.3.0" is a server problem, not an expired message.
    const found = explainReason({
      status,
      replyCode,
      text: c.diagnostic,
      command: c.command,
      action: c.action,
      diagnosticType: c.diagnosticType ?? null,
      standalone: c.format === 'argv' || c.format === 'line',
    });
    reason = found.reason;
    evidence.push({
      about: 'reason',
      source: found.rule === 'phrase' ? source : 'rule',
      input: found.rule === 'phrase' ? found.matched : null,
      note: `${found.rule} rule: ${reasonNote(found)}${found.step === undefined ? '' : ` [decided by: ${found.step}]`}${found.source === undefined ? '' : ` (written by ${found.source})`}`,
    });
    const better = providerReason(found, providerFinding, status);
    if (better !== null && providerFinding?.code) {
      reason = better;
      evidence.push({
        about: 'reason',
        source: 'provider',
        input: providerFinding.code.label,
        note: `${providerFinding.provider.name} documents ${providerFinding.code.label} as ${better}; that replaces ${found.reason}`,
      });
    }
  }
  const rule = reasonRule(reason);
  const hardBounce = isHardBounce(reason, cls, replyCode);
  evidence.push({ about: 'hardBounce', source: 'rule', input: null, note: hardNote(reason, cls, hardBounce, replyCode) });

  if (providerFinding !== null) {
    evidence.push({
      about: 'provider',
      source: providerFinding.via.source,
      input: quote(providerFinding.via.input),
      note:
        `recognised ${providerFinding.provider.name}` +
        (providerFinding.code === null ? '' : `; it documents ${providerFinding.code.label}`),
    });
  }

  const blocklistFinding = findBlocklist(c.diagnostic);
  if (blocklistFinding !== null) {
    const m = blocklistFinding.match;
    evidence.push({
      about: 'blocklist',
      source,
      input: quote(blocklistFinding.matched),
      note: `names ${m.name}${m.listed === null ? '' : `, listing ${m.listed}`}`,
    });
  }

  const advice = adviseOn({ reason, cls, provider: providerFinding, blocklist: blocklistFinding });
  evidence.push({ about: 'actor', source: 'rule', input: null, note: advice.actorRule });

  const providerCode = providerFinding?.code?.status !== undefined;
  for (const f of checkConsistency({ replyCode, status, text: reply.text, providerCode })) {
    warnings.push(f.message);
    evidence.push({ about: 'warning', source, input: quote(f.input), note: f.id });
  }

  const diagnosis: Diagnosis = {
    recipient: c.recipient,
    action,
    replyCode,
    status,
    class: cls,
    reason,
    hardBounce,
    command: c.command,
    remoteMta: c.remoteMta,
    diagnostic: c.diagnostic,
    explanation: {
      reply: replyCode === null ? '' : describeReply(replyCode),
      status: status === null ? '' : describeStatus(status),
      reason: rule.explanation,
      advice: advice.advice,
      actor: advice.actor,
      actorText: advice.actorText,
      steps: advice.steps,
    },
    warnings,
    format: c.format,
    provider: providerFinding === null ? null : toProviderMatch(providerFinding),
    blocklist: blocklistFinding?.match ?? null,
    evidence,
  };
  if (c.feedbackType !== undefined) diagnosis.feedbackType = c.feedbackType;
  return diagnosis;
}
