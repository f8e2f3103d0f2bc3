import type { Action, BounceEmail, Candidate, Extractor, SmtpCommand } from '../types';
import { cleanAddress } from './address';
import { parseFieldGroups, stripType, type FieldGroup } from './fields';

const ACTIONS = new Set<Action>(['failed', 'delayed', 'delivered', 'relayed', 'expanded']);

function actionOf(value: string | undefined): Action | null {
  const word = (value ?? '').trim().toLowerCase().split(/[\s(]/)[0] ?? '';
  return ACTIONS.has(word as Action) ? (word as Action) : null;
}

function statusOf(value: string | undefined): string | null {
  const m = /^\s*([245]\.\d{1,3}\.\d{1,3})(?!\.?\d)/.exec(value ?? '');
  return m?.[1] ?? null;
}

function hostOf(value: string | undefined): string | null {
  if (value === undefined) return null;
  const host = stripType(value).replace(/^\[|\]$/g, '').trim();
  return host === '' ? null : host;
}

/** The SMTP command a diagnostic answered, from "(in reply to RCPT TO command)"-style text. */
export function commandOf(text: string): SmtpCommand | null {
  const lower = text.toLowerCase();
  const m = /in reply to (\w+)/.exec(lower) ?? /after (\w+)(?: to| from)?\b/.exec(lower);
  const word = m?.[1]?.toUpperCase() ?? '';
  switch (word) {
    case 'RCPT':
    case 'MAIL':
    case 'DATA':
    case 'HELO':
    case 'EHLO':
    case 'STARTTLS':
    case 'AUTH':
    case 'BDAT':
    case 'QUIT':
      return word;
    case 'END':
      return 'DATA'; // "in reply to end of DATA command"
    default:
      return null;
  }
}

function candidateOf(group: FieldGroup, perMessage: FieldGroup | undefined): Candidate | null {
  const final = group.get('final-recipient') ?? group.get('original-recipient');
  const action = actionOf(group.get('action'));
  const status = statusOf(group.get('status'));
  if (final === undefined && action === null && status === null) return null;
  const diagnostic = stripType(group.get('diagnostic-code') ?? '');
  return {
    recipient: final === undefined ? null : cleanAddress(stripType(final)),
    action,
    status,
    diagnostic,
    remoteMta: hostOf(group.get('remote-mta')),
    command: commandOf(diagnostic),
    format: 'rfc3464',
    reportingMta: hostOf(perMessage?.get('reporting-mta')),
    lastAttemptDate: group.get('last-attempt-date') ?? null,
  };
}

/** Reads RFC 3464 (and RFC 1894, RFC 6533 global) delivery-status parts: one candidate per recipient group. */
export function readDeliveryStatus(body: string, format = 'rfc3464'): Candidate[] {
  const groups = parseFieldGroups(body);
  const perMessage = groups.find((g) => g.has('reporting-mta') && !g.has('final-recipient'));
  const out: Candidate[] = [];
  for (const group of groups) {
    if (group === perMessage) continue;
    const c = candidateOf(group, perMessage);
    if (c !== null) out.push({ ...c, format });
  }
  return out;
}

export const deliveryStatus: Extractor = {
  id: 'rfc3464',
  matches: (email: BounceEmail) => email.deliveryStatus.length > 0,
  extract: (email: BounceEmail) => email.deliveryStatus.flatMap((body) => readDeliveryStatus(body)),
};
