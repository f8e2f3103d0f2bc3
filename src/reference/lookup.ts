// Reference mode, the pure part: what a code means on its own, without a bounce
// around it ("whybounce explain 5.7.26"), and the list of every code ("whybounce codes").
import type { ActorId, ReasonId } from '../types';
import { lookupReplyCode, REPLY_CODES } from '../smtp/reply-codes';
import { lookupStatus, STATUS_DETAILS, STATUS_SUBJECTS } from '../smtp/status-codes';
import { reasonRule } from '../reasons';
import { explainReason } from '../reasons/classify';
import { actorFor, ACTOR_TEXT } from '../explain/actors';
import { PROVIDERS, providerRowsFor, providerRowsForTag, type Provider, type ProviderCode } from '../providers';

export interface ProviderNote {
  id: string;
  name: string;
  docs: string;
  code: string;
  meaning: string;
  /** True when the provider uses a registered code for something else than the registry says. */
  differs: boolean;
  reason: ReasonId | null;
  /** The provider-specific next step, when there is one. */
  advice: string | null;
}

interface Verdict {
  /** The reason the code alone points at (what a bounce with only this code would get). */
  reason: ReasonId;
  reasonTitle: string;
  actor: ActorId;
  actorText: string;
  advice: string;
}

export interface StatusEntry extends Verdict {
  kind: 'status';
  code: string;
  /** True when the exact code is in the IANA registry. */
  registered: boolean;
  title: string | null;
  rfc: string | null;
  class: { digit: string; title: string; meaning: string };
  subject: { digit: string; title: string; meaning: string };
  meaning: string;
  /** IANA's associated basic reply codes; [] when the registry names none. */
  replyCodes: readonly number[];
  providers: ProviderNote[];
}

export interface ReplyEntry extends Verdict {
  kind: 'reply';
  code: number;
  /** True when the code has its own row (an RFC defines it or IANA names it). */
  registered: boolean;
  title: string;
  rfc: string | null;
  meaning: string;
  /** Registered enhanced codes that IANA pairs with this reply code (X.s.d). */
  statusCodes: string[];
}

export interface TagEntry {
  kind: 'tag';
  code: string;
  providers: ProviderNote[];
}

export type ReferenceEntry = StatusEntry | ReplyEntry | TagEntry;

const STATUS_QUERY = /^[245]\.\d{1,3}\.\d{1,3}$/;
const REPLY_QUERY = /^[2-5]\d\d$/;
// Provider tags are short words such as TSS04, PH01, S3150, RTR:RD, DT:SPM.
const TAG_QUERY = /^[A-Z]{1,5}[:-]?[A-Z0-9]{1,8}$/i;

function note(provider: Provider, code: ProviderCode): ProviderNote {
  return {
    id: provider.id,
    name: provider.name,
    docs: code.docs ?? provider.docs,
    code: code.label,
    meaning: code.meaning,
    differs: code.differs === true,
    reason: code.reason ?? null,
    advice: code.advice ?? null,
  };
}

function verdict(reason: ReasonId, cls: 'transient' | 'permanent'): Verdict {
  const { actor } = actorFor(reason, cls);
  const rule = reasonRule(reason);
  return { reason, reasonTitle: rule.title, actor, actorText: ACTOR_TEXT[actor], advice: rule.advice };
}

function explainStatus(code: string): StatusEntry | null {
  const info = lookupStatus(code);
  if (info === null) return null;
  const providers = providerRowsFor(code).map((r) => note(r.provider, r.code));
  const found = explainReason({ status: code, replyCode: null, text: '', command: null, action: null });
  const cls = code.startsWith('4') ? 'transient' : 'permanent';
  // A code outside the registry that one provider documents: that provider's meaning is the verdict.
  const only = !info.known && providers.length === 1 ? providers[0] : undefined;
  const judged = only?.reason !== null && only?.reason !== undefined ? verdict(only.reason, cls) : verdict(found.reason, cls);
  if (only?.advice !== null && only?.advice !== undefined) judged.advice = only.advice;
  return {
    kind: 'status',
    code,
    registered: info.known,
    title: info.detail?.title ?? null,
    rfc: info.detail?.rfc ?? null,
    class: info.class,
    subject: info.subject,
    meaning: info.summary,
    replyCodes: info.detail?.replyCodes ?? [],
    providers,
    ...judged,
  };
}

function explainReply(code: number): ReplyEntry | null {
  const info = lookupReplyCode(code);
  if (info === null) return null;
  const classDigit = String(code).charAt(0);
  const statusCodes = Object.entries(STATUS_DETAILS)
    .filter(([, row]) => (row.replyCodes as readonly number[]).includes(code))
    .map(([key]) => `${classDigit === '2' || classDigit === '4' || classDigit === '5' ? classDigit : 'X'}.${key}`);
  const found = explainReason({ status: null, replyCode: code, text: '', command: null, action: null });
  return {
    kind: 'reply',
    code,
    registered: info.known,
    title: info.title,
    rfc: info.rfc,
    meaning: info.meaning,
    statusCodes,
    ...verdict(found.reason, classDigit === '4' ? 'transient' : 'permanent'),
  };
}

/**
 * Explains one code: an enhanced status code ("5.7.26"), a basic reply code
 * ("550") or a provider's own tag ("TSS04"). null when it is none of them.
 */
export function explainCode(query: string): ReferenceEntry | null {
  const q = query.trim().replace(/^\[|\]$/g, '');
  if (STATUS_QUERY.test(q)) return explainStatus(q);
  if (REPLY_QUERY.test(q)) return explainReply(Number(q));
  if (TAG_QUERY.test(q)) {
    const rows = providerRowsForTag(q);
    if (rows.length > 0) return { kind: 'tag', code: q, providers: rows.map((r) => note(r.provider, r.code)) };
  }
  return null;
}

export interface CodeRow {
  kind: 'status' | 'reply' | 'provider';
  code: string;
  title: string;
  rfc: string | null;
  /** The provider, for kind "provider". */
  provider?: string;
}

export interface CodeFilter {
  /** "2", "4" or "5": the first digit. */
  class?: string;
  /** The subject digit of enhanced codes ("7"); reply codes have none and are left out. */
  subject?: string;
  /** A provider id: list that provider's own codes instead of the registry. */
  provider?: string;
}

function providerCodeRows(provider: Provider, filter: CodeFilter): CodeRow[] {
  return provider.codes
    .filter((c) => {
      const first = typeof c.status === 'string' ? c.status : c.status?.[0];
      if (filter.class !== undefined && !first?.startsWith(filter.class)) return false;
      if (filter.subject !== undefined && first?.split('.')[1] !== filter.subject) return false;
      return true;
    })
    .map((c) => ({ kind: 'provider', code: c.label, title: c.meaning, rfc: null, provider: provider.name }));
}

/** Every code with its title: the IANA registry's enhanced codes, then the reply codes (or one provider's codes). */
export function listCodes(filter: CodeFilter = {}): CodeRow[] | null {
  if (filter.provider !== undefined) {
    const provider = PROVIDERS.find((p) => p.id === filter.provider);
    return provider === undefined ? null : providerCodeRows(provider, filter);
  }
  const classPrefix = filter.class ?? 'X';
  const rows: CodeRow[] = [];
  for (const [digit, subject] of Object.entries(STATUS_SUBJECTS)) {
    if (filter.subject !== undefined && filter.subject !== digit) continue;
    rows.push({ kind: 'status', code: `${classPrefix}.${digit}.YYY`, title: subject.title, rfc: subject.rfc });
    for (const [key, row] of Object.entries(STATUS_DETAILS)) {
      if (key.split('.')[0] !== digit) continue;
      rows.push({ kind: 'status', code: `${classPrefix}.${key}`, title: row.title, rfc: row.rfc });
    }
  }
  if (filter.subject === undefined) {
    for (const [code, row] of Object.entries(REPLY_CODES)) {
      if (filter.class !== undefined && !code.startsWith(filter.class)) continue;
      rows.push({ kind: 'reply', code, title: row.title, rfc: row.rfc });
    }
  }
  return rows;
}

export const PROVIDER_IDS: readonly string[] = PROVIDERS.map((p) => p.id);
