import type { BounceEmail, Candidate, SmtpCommand } from '../../types';
import { header } from '../../email/parse-email';
import { findAddresses, isSystemAddress } from '../address';
import { commandOf, completeDsn, rawDsnCandidatesOf, statedStatus } from '../delivery-status';
import { foldSpaces } from '../../fold-spaces';

// Security gateways (MessageLabs, McAfee, SurfControl, Barracuda…) send an RFC
// 3464 report whose text part often says more than its fields (the whole
// multi-line reply, the host that refused), or only the text. These helpers
// merge the two: the DSN keeps its recipients, Action and Status; the text
// fills in what the DSN lacks.

// Guard: a gateway notice is a few dozen lines; more is the returned message.
export const MAX_GATEWAY_LINES = 2000;
// Guard: no notice lists more recipients than this.
export const MAX_GATEWAY_RECIPIENTS = 500;

/** One recipient as the human-readable notice names it. */
export interface TextEntry {
  recipient: string | null;
  diagnostic: string;
  remoteMta?: string | null;
  command?: SmtpCommand | null;
}

/** The lines of the notice, capped. */
export function gatewayLines(email: BounceEmail): string[] {
  return email.text.split('\n', MAX_GATEWAY_LINES);
}

/** Addresses that are never the failed recipient: the mail system, the bounce's From and To. */
export function notRecipients(email: BounceEmail): Set<string> {
  return new Set([...findAddresses(email.from), ...findAddresses(header(email, 'to'))].map((a) => a.toLowerCase()));
}

/** Whether an address can be the failed recipient: not the mail system, not the bounce's From or To. */
export function isRecipient(address: string, excluded: ReadonlySet<string>): boolean {
  return !isSystemAddress(address) && !excluded.has(address.toLowerCase());
}

/** The first address of a text that can be the failed recipient, or null. */
export function recipientIn(text: string, excluded: ReadonlySet<string>): string | null {
  return findAddresses(text).find((a) => isRecipient(a, excluded)) ?? null;
}

export function oneLine(text: string): string {
  return foldSpaces(text).trim();
}

function fromText(entry: TextEntry, format: string): Candidate {
  const diagnostic = oneLine(entry.diagnostic);
  return {
    recipient: entry.recipient,
    action: 'failed',
    // A gateway notice without a code still says the message was not delivered.
    status: statedStatus(diagnostic, 'failed'),
    diagnostic,
    remoteMta: entry.remoteMta ?? null,
    command: entry.command ?? commandOf(diagnostic),
    format,
  };
}

/**
 * The DSN candidates of the email under this format's id, completed from the
 * notice: its words replace a missing (or, with `preferText`, a shorter)
 * Diagnostic-Code. With no DSN, the notice's entries are the candidates.
 */
export function mergeGateway(
  email: BounceEmail,
  entries: readonly TextEntry[],
  format: string,
  preferText = false,
): Candidate[] {
  const dsn = rawDsnCandidatesOf(email, format);
  const kept = entries.slice(0, MAX_GATEWAY_RECIPIENTS);
  if (dsn.length === 0) return kept.map((e) => fromText(e, format));
  const merged = dsn.map((c) => {
    const key = c.recipient?.toLowerCase();
    const match = kept.find((e) => e.recipient?.toLowerCase() === key) ?? (kept.length === 1 && dsn.length === 1 ? kept[0] : undefined);
    if (match === undefined) return c;
    const text = oneLine(match.diagnostic);
    const useText = text !== '' && (c.diagnostic === '' || (preferText && text.length > c.diagnostic.length));
    const diagnostic = useText ? text : c.diagnostic;
    return {
      ...c,
      diagnostic,
      command: c.command ?? match.command ?? commandOf(diagnostic),
      remoteMta: c.remoteMta ?? match.remoteMta ?? null,
    };
  });
  return completeDsn(email, merged);
}
