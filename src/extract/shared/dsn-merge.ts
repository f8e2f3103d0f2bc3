import type { BounceEmail, Candidate, SmtpCommand, SmtpReply } from '../../types';
import { MAX_GATEWAY_RECIPIENTS } from '../../limits';
import { replyOf } from '../../smtp/parse-smtp-line';
import { isSystemAddress } from '../../text/addresses';
import { foldSpaces } from '../../text/fold-spaces';
import { candidateOf, NOTICE } from './candidates';
import { commandOf } from '../../smtp/commands';
import { completeDsn, dsnPartCandidates, rawDsnCandidatesOf } from './dsn';

// Merging what a format's text says with its RFC 3464 part. The DSN names the
// recipients (the text may wrap or abbreviate them) and its Status, Action and
// Remote-MTA stay; the text fills in the reason. Two merges, for two families:
// - mergeWithDsn: classic MTAs (Postfix, qmail, sendmail…) whose text holds the
//   remote server's own reply; it reads the delivery-status parts only, as they are;
// - mergeGatewayNotice: security gateways (MessageLabs, McAfee, Barracuda…)
//   whose notice often holds the only words; it also reads DSN fields pasted
//   into the text, and completes the DSN from the rest of the email.

/**
 * The text's reason replaces the DSN diagnostic when the DSN has none (no code
 * in it), or when `preferText` says the format's text holds the remote server's
 * own words. With no DSN, the text candidates are returned as they are.
 */
export function mergeWithDsn(
  email: BounceEmail,
  fromText: readonly Candidate[],
  format: string,
  preferText: (dsn: Candidate, text: Candidate) => boolean = (dsn) => !hasCode(replyOf(dsn)),
): Candidate[] {
  const dsn = dsnPartCandidates(email, format).filter((c) => c.recipient === null || !isSystemAddress(c.recipient));
  if (dsn.length === 0) return [...fromText];
  const byRecipient = new Map(fromText.map((c) => [(c.recipient ?? '').toLowerCase(), c]));
  return dsn.map((d, i) => {
    const t = byRecipient.get((d.recipient ?? '').toLowerCase()) ?? (dsn.length === 1 ? fromText[0] : fromText[i]);
    if (t === undefined) return d;
    const merged: Candidate = { ...d };
    if (!merged.recipient?.includes('.')) merged.recipient = t.recipient;
    if (t.diagnostic !== '' && preferText(d, t)) {
      merged.diagnostic = t.diagnostic;
      merged.command = t.command ?? d.command;
      if (t.parsed !== undefined) merged.parsed = t.parsed;
    }
    merged.command ??= t.command;
    merged.remoteMta ??= t.remoteMta;
    return merged;
  });
}

function hasCode(reply: SmtpReply): boolean {
  return reply.replyCode !== null || reply.status !== null;
}

/** One recipient as a gateway's human-readable notice names it. */
export interface NoticeEntry {
  recipient: string | null;
  diagnostic: string;
  remoteMta?: string | null;
  command?: SmtpCommand | null;
}

/**
 * The DSN candidates of the email under this format's id, completed from the
 * notice: its words replace a missing (or, with `preferText`, a shorter)
 * Diagnostic-Code. With no DSN, the notice's entries are the candidates; a
 * notice without a code still says the message was not delivered (class 5).
 */
export function mergeGatewayNotice(
  email: BounceEmail,
  entries: readonly NoticeEntry[],
  format: string,
  preferText = false,
): Candidate[] {
  const dsn = rawDsnCandidatesOf(email, format);
  const kept = entries.slice(0, MAX_GATEWAY_RECIPIENTS);
  if (dsn.length === 0) return kept.map((e) => candidateOf(format, { ...e, cls: '5', action: 'failed' }, NOTICE));
  const merged = dsn.map((c) => {
    const key = c.recipient?.toLowerCase();
    const match = kept.find((e) => e.recipient?.toLowerCase() === key) ?? (kept.length === 1 && dsn.length === 1 ? kept[0] : undefined);
    if (match === undefined) return c;
    const text = foldSpaces(match.diagnostic).trim();
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
