import type { BounceEmail } from '../../types';
import { MAX_REPORTER_CHARS } from '../../limits';
import { firstAddress, isSystemAddress } from '../../text/addresses';
import { findReportGroup, firstOf } from './report-fields';

// Mailbox providers and sending services (AOL, iCloud, Yandex, Mimecast, the
// Japanese carriers…) mostly send the notice of the MTA they run (Postfix,
// Yahoo's, Oracle's) or a plain RFC 3464 report: what tells them apart is who
// wrote it (the From domain, the Reporting-MTA host, a header of their own).
// These helpers recognise the writer (provider-read.ts then reads the body with
// the reader of the MTA underneath, under the provider's own format id).

// Guard (src/limits.ts MAX_REPORTER_CHARS): the host names of a report are in its first lines.

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
// while it is read; a copy with other fields is another key). The memo is keyed
// by the email, not kept in module state, and goes with it.
interface Writer {
  /** The From header's first address in lower case, '' when none. */
  fromAddress: string;
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
      fromAddress: from.toLowerCase(),
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

/** Lower-cased From address, '' when none. */
export function fromAddress(email: BounceEmail): string {
  return writerOf(email).fromAddress;
}

/** Whether the From header's address (any, not only a mail-system one) belongs to one of the domains (or their subdomains). */
export function fromDomain(email: BounceEmail, domains: readonly string[]): boolean {
  const from = fromAddress(email);
  const domain = from.slice(from.indexOf('@') + 1);
  return domains.some((d) => domain === d || domain.endsWith(`.${d}`));
}
