// What ties a bounce to what was sent (issue 14): the returned original's
// identity (Message-ID, Subject, From, To, Date, List-Id, Return-Path), any
// header of it the caller names, when the bounce happened, which host wrote
// it, the address it was sent to (the envelope sender that failed) and what a
// VERP or SRS form of that address holds. Added to each diagnosis of an
// email; a raw string has none of it (the JSON shows nulls).
import type { BounceEmail, Candidate, Diagnosis, OriginalHeaders, OriginalMessage, VerpDecoding } from '../types';
import { parseFromLineDate, parseMailDate } from '../text/mail-date';
import { decodeReturnAddress } from '../text/verp';
import { findAddresses } from '../text/addresses';
import { MAX_FIELD_VALUE_CHARS, MAX_HEADER_OPTIONS } from '../limits';

export interface IdentityOptions {
  /** `--header` names: these fields of the original are copied into each diagnosis (`headers`). */
  headers?: readonly string[];
  /** The mbox "From " line the message came after, when it came from an mbox. */
  fromLine?: string;
}

/** The first value of a field of the original, or null. */
function field(original: OriginalHeaders | null, name: string): string | null {
  return original?.fields.get(name)?.[0] ?? null;
}

/** What is inside the first pair of angle brackets, else the value itself (trimmed); null for nothing. */
function bracketed(value: string | null): string | null {
  if (value === null) return null;
  const open = value.indexOf('<');
  const close = open === -1 ? -1 : value.indexOf('>', open + 1);
  const inner = close === -1 ? value : value.slice(open + 1, close);
  return inner.trim();
}

/** A Message-ID as written, angle brackets kept ("<id@host>"), without comments or folding around it. */
function messageIdOf(value: string | null): string | null {
  if (value === null) return null;
  const id = bracketed(value);
  if (id === null || id === '') return value.trim() === '' ? null : value.trim();
  return value.includes('<') ? `<${id}>` : id;
}

/** One address from a header value: the one in angle brackets, else the first address in it. */
function addressOf(value: string | null): string | null {
  if (value === null) return null;
  // A bare address (the usual To of a bounce) needs no search.
  if (value.indexOf('@') > 0 && !/[\s<>,;:"()]/.test(value)) return value;
  const inner = bracketed(value) ?? '';
  if (value.includes('<') && inner.includes('@') && !/\s/.test(inner)) return inner;
  return findAddresses(value)[0] ?? null;
}

/** A date header as ISO 8601 with its offset, else the text as written. */
function dateText(value: string | null): string | null {
  if (value === null) return null;
  return parseMailDate(value)?.iso ?? value;
}

/** The `original` object of a diagnosis: each field null when the original (or that header) is absent. */
export function originalMessageOf(original: OriginalHeaders | null): OriginalMessage {
  return {
    messageId: messageIdOf(field(original, 'message-id')),
    subject: field(original, 'subject'),
    from: field(original, 'from'),
    to: field(original, 'to'),
    date: dateText(field(original, 'date')),
    listId: bracketed(field(original, 'list-id')),
    returnPath: field(original, 'return-path') === null ? null : (bracketed(field(original, 'return-path')) ?? ''),
  };
}

/**
 * The address the bounce was sent to, which is the failed message's envelope
 * sender: the bounce's To (the reporting server writes the envelope sender
 * there), else X-Original-To or Delivered-To (written on delivery), else the
 * original's Return-Path.
 */
export function senderOf(email: BounceEmail): string | null {
  for (const name of ['to', 'x-original-to', 'delivered-to']) {
    const value = email.headers.get(name)?.[0];
    const address = addressOf(value ?? null);
    if (address !== null && address.length <= 512) return address;
  }
  const returnPath = bracketed(field(email.original, 'return-path'));
  return returnPath === null || returnPath === '' || !returnPath.includes('@') ? null : returnPath;
}

// "by mx.example.org" in a Received field: the host that took the message in.
const RECEIVED_BY = /\bby\s+([a-z0-9][a-z0-9.-]{0,252})/i;

/** The host that wrote the bounce when no report names one: the receiver in the bounce's oldest Received field. */
function firstReceiver(email: BounceEmail): string | null {
  const received = email.headers.get('received');
  const oldest = received?.[received.length - 1];
  if (oldest === undefined) return null;
  const host = RECEIVED_BY.exec(oldest.slice(0, 1000))?.[1]?.replace(/(?<!\.)\.+$/, '');
  // A host name (a dot and a letter), not an IP address or an internal id.
  return host !== undefined && host.includes('.') && /[a-z]/i.test(host) ? host.toLowerCase() : null;
}

/**
 * The bounce's time: Last-Attempt-Date, else Arrival-Date, else its Date
 * header, else the mbox "From " line. `seen` keeps the dates of this message
 * already read (its recipients mostly share them).
 */
function timestampOf(candidate: Candidate | undefined, identity: Identity, seen: Map<string, string | null>): string | null {
  for (const value of [candidate?.lastAttemptDate, candidate?.arrivalDate, identity.dateHeader]) {
    if (value === undefined || value === null) continue;
    let iso = seen.get(value);
    if (iso === undefined) {
      iso = parseMailDate(value)?.iso ?? null;
      seen.set(value, iso);
    }
    if (iso !== null) return iso;
  }
  return identity.fromLine === null ? null : (parseFromLineDate(identity.fromLine)?.iso ?? null);
}

/** The mbox "From " line a raw message starts with, if any. */
function leadingFromLine(raw: string | Buffer): string | null {
  if ((typeof raw === 'string' ? raw.charCodeAt(0) : raw[0]) !== 0x46) return null; // "F"
  const head = typeof raw === 'string' ? raw.slice(0, 300) : raw.subarray(0, 300).toString('latin1');
  if (!head.startsWith('From ')) return null;
  const end = head.indexOf('\n');
  return end === -1 ? head : head.slice(0, end);
}

/** The `headers` object: each name asked for, as given, with the original's value (null when absent). */
function chosenHeaders(original: OriginalHeaders | null, names: readonly string[]): Record<string, string | null> {
  const out: Record<string, string | null> = {};
  for (const name of names.slice(0, MAX_HEADER_OPTIONS)) {
    if (name in out) continue;
    const value = field(original, name.toLowerCase());
    out[name] = value === null ? null : value.slice(0, MAX_FIELD_VALUE_CHARS);
  }
  return out;
}

/** What one email says of its identity, worked out once for all its diagnoses. */
export interface Identity {
  original: OriginalMessage;
  sender: string | null;
  verp: VerpDecoding | null;
  messageId: string | null;
  dateHeader: string | null;
  fromLine: string | null;
  /** The email, for what is read only when needed (the oldest Received host). */
  email: BounceEmail;
  headers: Record<string, string | null> | undefined;
}

export function identityOf(email: BounceEmail, raw: string | Buffer, options: IdentityOptions): Identity {
  const sender = senderOf(email);
  return {
    original: originalMessageOf(email.original),
    sender,
    verp: sender === null ? null : decodeReturnAddress(sender),
    messageId: messageIdOf(email.headers.get('message-id')?.[0] ?? null),
    dateHeader: email.headers.get('date')?.[0] ?? null,
    fromLine: options.fromLine ?? leadingFromLine(raw),
    email,
    headers: options.headers === undefined || options.headers.length === 0 ? undefined : chosenHeaders(email.original, options.headers),
  };
}

/**
 * A recipient the notice does not name, taken from the VERP address the
 * bounce was sent to: the candidates with it filled in (before they are explained).
 */
export function fillVerpRecipients(candidates: Candidate[], identity: Identity): Candidate[] {
  const member = identity.verp?.recipient ?? null;
  if (member === null || !candidates.some((c) => c.recipient === null)) return candidates;
  return candidates.map((c) => (c.recipient === null ? { ...c, recipient: member, recipientFromVerp: true } : c));
}

/**
 * Adds the identity fields to the diagnoses of one email (one diagnosis per
 * candidate, in order). The diagnoses are new objects of this message, set in
 * place: a copy of each would cost a batch several percent.
 */
export function addIdentity(identity: Identity, candidates: readonly Candidate[], diagnoses: Diagnosis[]): Diagnosis[] {
  const stamps = new Map<string, string | null>();
  let received: string | null | undefined;
  for (let i = 0; i < diagnoses.length; i++) {
    const d = diagnoses[i];
    if (d === undefined) continue;
    const candidate = candidates[i];
    d.original = identity.original;
    if (identity.headers !== undefined) d.headers = identity.headers;
    d.timestamp = timestampOf(candidate, identity, stamps);
    // The Received host only when a report names no Reporting-MTA, and once per message.
    if (candidate?.reportingMta != null) d.reportingMta = candidate.reportingMta;
    else d.reportingMta = received === undefined ? (received = firstReceiver(identity.email)) : received;
    d.sender = identity.sender;
    d.messageId = identity.messageId;
    d.verp = identity.verp;
    if (candidate?.diagnosticType !== undefined) d.diagnosticType = candidate.diagnosticType;
    if (candidate?.recipientFromVerp === true) {
      d.evidence = [
        ...(d.evidence ?? []),
        {
          about: 'input',
          source: 'VERP address',
          input: identity.sender,
          note: `the notice names no recipient; the address the bounce was sent to encodes ${d.recipient ?? ''}`,
        },
      ];
    }
  }
  return diagnoses;
}
