import type { BounceEmail, Candidate, Extractor } from '../../types';
import { firstAddress, isSystemAddress } from '../address';
import { commandOf, dsnCandidatesOf } from '../delivery-status';
import { fallbackRecipients, statedStatus } from '../lib-b/common';
import { findReportGroup, firstOf } from '../lib-c/report-fields';
import { excludedAddresses, scanText } from '../text-scan';
import { looksLikeBounce } from '../../email/looks-like-bounce';
import { foldSpaces } from '../../fold-spaces';

// Mailbox providers and sending services (AOL, iCloud, Yandex, Mimecast, the
// Japanese carriers…) mostly send the notice of the MTA they run (Postfix,
// Yahoo's, Oracle's) or a plain RFC 3464 report: what tells them apart is who
// wrote it (the From domain, the Reporting-MTA host, a header of their own).
// These helpers recognise the writer and read the body with the reader of the
// MTA underneath, under the provider's own format id.

// Guard: the host names of a report are in its first lines; a longer search is wasted.
const MAX_REPORTER_CHARS = 4000;

function normalDomain(domain: string): string {
  return domain.toLowerCase().replace(/\.$/, '');
}

/** `d` is one of the domains or under one ("mx.aol.com" under "aol.com"); no string is built (asked ~40 times a message). */
function inNormalDomains(d: string, domains: readonly string[]): boolean {
  for (const want of domains) {
    if (d === want) return true;
    const dot = d.length - want.length - 1;
    if (dot > 0 && d.charCodeAt(dot) === 0x2e && d.endsWith(want)) return true;
  }
  return false;
}

// Local parts a provider's mail system writes from besides MAILER-DAEMON and
// postmaster ("post_master@", "bounce@", "no-reply@"); a person's address at the
// provider (an auto-reply from user@aol.com) is not its mail system.
const SYSTEM_LOCAL = /^(?:post_master|bounces?|no-?reply|mailer|mail-?delivery)[-_.+@]/i;

/** Whether the From address is a mail-system address of one of the domains (or their subdomains). */
export function fromIn(email: BounceEmail, domains: readonly string[]): boolean {
  const domain = writerOf(email).fromDomain;
  return domain !== null && inNormalDomains(domain, domains);
}

/** The Reporting-MTA host of the first delivery-status part ("dns; mx1.example.net" → "mx1.example.net"), or ''. */
export function reportingHost(email: BounceEmail): string {
  return writerOf(email).reportingHost;
}

function readReportingHost(email: BounceEmail): string {
  const body = email.deliveryStatus[0]?.slice(0, MAX_REPORTER_CHARS) ?? '';
  // The first group that names it (the per-message group, first in a report): the rest is not read.
  const group = findReportGroup(body, (g) => firstOf(g, 'reporting-mta') !== undefined);
  const value = group === undefined ? undefined : firstOf(group, 'reporting-mta');
  if (value === undefined) return '';
  const bare = value.slice(value.indexOf(';') + 1).trim();
  return bare.split(/[\s(]/)[0] ?? '';
}

// Dozens of extractors ask who wrote the same email: its From address and
// Reporting-MTA host are read once per email object (the email is not changed
// while it is read; a copy with other fields is another key).
interface Writer {
  /** The domain of a mail-system From address (lower case, no final dot), or null when From is not one. */
  fromDomain: string | null;
  reportingHost: string;
  /** reportingHost in lower case without a final dot. */
  reportingDomain: string;
}
const writers = new WeakMap<BounceEmail, Writer>();

function writerOf(email: BounceEmail): Writer {
  let writer = writers.get(email);
  if (writer === undefined) {
    const from = firstAddress(email.from) ?? '';
    const system = from !== '' && (isSystemAddress(from) || SYSTEM_LOCAL.test(from));
    const host = readReportingHost(email);
    writer = {
      fromDomain: system ? normalDomain(from.slice(from.indexOf('@') + 1)) : null,
      reportingHost: host,
      reportingDomain: normalDomain(host),
    };
    writers.set(email, writer);
  }
  return writer;
}

/** Whether the From address or the Reporting-MTA host belongs to one of the domains. */
export function writtenBy(email: BounceEmail, domains: readonly string[]): boolean {
  return fromIn(email, domains) || inNormalDomains(writerOf(email).reportingDomain, domains);
}

/** Whether the bounce has any of these header fields (lower-case names). */
export function hasHeader(email: BounceEmail, names: readonly string[]): boolean {
  return names.some((name) => email.headers.has(name));
}

/** Candidates of another format's reader, re-labelled with this format's id. */
export function readAs(reader: Extractor, email: BounceEmail, format: string): Candidate[] {
  if (!reader.matches(email)) return [];
  return reader.extract(email).map((c) => ({ ...c, format }));
}

/**
 * What the body holds, read in turn by: the readers of the MTAs the provider
 * runs, its RFC 3464 part, and the plain-text scan (for a mail that looks
 * like a delivery report), all under its own id.
 */
export function readProvider(email: BounceEmail, format: string, readers: readonly Extractor[] = []): Candidate[] {
  for (const reader of readers) {
    const found = readAs(reader, email, format);
    if (found.length > 0) return found;
  }
  const dsn = dsnCandidatesOf(email, format);
  if (dsn.length > 0) return dsn;
  // The text scan only reads what looks like a delivery report, as the generic one does:
  // a provider's newsletter that quotes "550 …" is not a bounce.
  return looksLikeBounce(email) ? scanText(email.text, excludedAddresses(email), format) : [];
}

/**
 * One candidate for a notice that names no recipient line by line: the address
 * the bounce gives elsewhere (X-Failed-Recipients, the returned To), with the
 * notice's own words; the status is the text's code, else a failure by the
 * class the caller's wording states.
 */
export function noticeCandidate(email: BounceEmail, format: string, diagnostic: string, cls: '4' | '5' = '5'): Candidate[] {
  const recipient = fallbackRecipients(email)[0] ?? null;
  const text = foldSpaces(diagnostic).trim();
  if (text === '' && recipient === null) return [];
  return [
    {
      recipient,
      action: cls === '4' ? 'delayed' : 'failed',
      status: statedStatus(text, cls),
      diagnostic: text,
      remoteMta: null,
      command: commandOf(text),
      format,
    },
  ];
}
