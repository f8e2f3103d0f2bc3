// `--sisimai`: each diagnosis in the shape of Sisimai's `dump` JSON (its
// documented field names, lower case as in its Perl and Ruby dumps), so that
// a script written for Sisimai's output reads ours. What each field holds,
// and where its meaning differs from Sisimai's, is in docs/sisimai.md.
import type { DiagnoseResult, Diagnosis } from '../types';
import { parseIsoOffset } from '../text/iso-date';
import { sha1Hex } from '../text/sha1';
import { escapeJsonText } from './sanitize';

/** One record of Sisimai's dump. Strings are "" when unknown, as Sisimai writes them. */
export interface SisimaiRecord {
  action: string;
  addresser: string;
  alias: string;
  catch: null;
  command: string;
  decodedby: string;
  deliverystatus: string;
  destination: string;
  diagnosticcode: string;
  diagnostictype: string;
  feedbackid: string;
  feedbacktype: string;
  hardbounce: boolean;
  lhost: string;
  listid: string;
  messageid: string;
  origin: string;
  reason: string;
  recipient: string;
  replycode: string;
  rhost: string;
  senderdomain: string;
  smtpagent: string;
  smtpcommand: string;
  subject: string;
  timestamp: number | null;
  timezoneoffset: string;
  token: string;
}

function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  return at === -1 ? '' : address.slice(at + 1).toLowerCase();
}

/**
 * Sisimai's token: SHA-1 (hex) of the addresser and the recipient, lower
 * case, and the epoch seconds, framed by STX, RS, RS, ETX. It names a bounce
 * across runs; it is built from the same three values Sisimai uses.
 */
export function sisimaiToken(addresser: string, recipient: string, epoch: number): string {
  return sha1Hex(`\x02${addresser.toLowerCase()}\x1e${recipient.toLowerCase()}\x1e${epoch}\x03`);
}

/** "SMTP" for a server's reply, the Diagnostic-Code type ("X-UNIX") when the report gives another, "" for none. */
function diagnosticTypeOf(d: Diagnosis): string {
  if (d.diagnosticType !== undefined) return d.diagnosticType.toUpperCase();
  return d.diagnostic !== '' && (d.replyCode !== null || d.status !== null) ? 'SMTP' : '';
}

/** A diagnosis as Sisimai's dump writes a decoded bounce; `origin` is the input it was read from. */
export function toSisimaiRecord(d: Diagnosis, origin: string): SisimaiRecord {
  const addresser = d.sender ?? '';
  const recipient = d.recipient ?? '';
  const when = d.timestamp === undefined || d.timestamp === null ? null : parseIsoOffset(d.timestamp);
  const messageId = d.original?.messageId ?? '';
  return {
    action: d.action ?? '',
    addresser,
    alias: '',
    catch: null,
    command: d.command ?? '',
    decodedby: d.format,
    deliverystatus: d.status ?? '',
    destination: domainOf(recipient),
    diagnosticcode: d.diagnostic,
    diagnostictype: diagnosticTypeOf(d),
    feedbackid: '',
    feedbacktype: d.feedbackType ?? '',
    hardbounce: d.hardBounce,
    lhost: d.reportingMta ?? '',
    listid: d.original?.listId ?? '',
    messageid: messageId.startsWith('<') && messageId.endsWith('>') ? messageId.slice(1, -1) : messageId,
    origin: d.message ?? origin,
    reason: d.reason,
    recipient,
    replycode: d.replyCode === null ? '' : String(d.replyCode),
    rhost: d.remoteMta ?? '',
    senderdomain: domainOf(addresser),
    smtpagent: d.format,
    smtpcommand: d.command ?? '',
    subject: d.original?.subject ?? '',
    timestamp: when?.epoch ?? null,
    timezoneoffset: when?.offset ?? '',
    token: sisimaiToken(addresser, recipient, when?.epoch ?? 0),
  };
}

/** The records of one input's diagnoses, each as one compact JSON line (no newline at the end). */
export function renderSisimaiLines(result: DiagnoseResult): string[] {
  return result.diagnoses.map((d) => escapeJsonText(JSON.stringify(toSisimaiRecord(d, result.input))));
}
