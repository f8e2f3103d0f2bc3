// The shape of a provider file, and the code matching every provider shares.
// A provider file holds facts (host names, codes, tags, its documentation URL)
// and our own words for what the provider means by each code.

import type { ActorId, ReasonId } from '../types';

/** One code or tag a provider documents, where its meaning refines or differs from the registry. */
export interface ProviderCode {
  /**
   * An enhanced status code ("5.7.26"), an inclusive range of one class and subject
   * (["5.7.606", "5.7.649"]), or the same code in both failure classes (["4.7.30", "5.7.30"]).
   */
  status?: string | readonly [string, string];
  /** A tag the provider writes in its reply text ("TSS04", "RTR:RD"). Literal regexes only: they run on hostile text. */
  tag?: RegExp;
  /** How the code is shown in reference mode and in JSON ("5.7.606–5.7.649", "[TSS04]"). */
  label: string;
  /** What the provider means, in our words. */
  meaning: string;
  /** True when the provider uses a registered code for something else than the registry says. */
  differs?: boolean;
  /** The reason this meaning implies. Only set where the provider's own meaning is clearer than the code's digits. */
  reason?: ReasonId;
  /** Who has to act, when the provider's meaning changes it. */
  actor?: ActorId;
  /** A concrete next step specific to this provider and code. */
  advice?: string;
  /** A page about this code in particular, when the provider has one apart from its main page. */
  docs?: string;
}

export interface Provider {
  id: string;
  name: string;
  /** The provider's page on its bounce codes or on sending mail to it. */
  docs: string;
  /** Host-name suffixes of the provider's mail servers (Remote-MTA, Reporting-MTA, names in the text). */
  hosts: readonly string[];
  /** Mailbox domains it hosts (a weaker sign than its servers: a domain can move). */
  domains: readonly string[];
  /** Words only this provider writes in its replies ("- gsmtp"). */
  marker?: RegExp;
  /**
   * Strings of which every match of `marker` contains one (as written: the
   * markers are case-sensitive): when the text holds none, the marker is not
   * run, which spares most replies a regex compilation per provider.
   */
  markerHints?: readonly string[];
  codes: readonly ProviderCode[];
}

const STATUS = /^([245])\.(\d{1,3})\.(\d{1,3})$/;

function statusParts(code: string): [string, number, number] | null {
  const m = STATUS.exec(code);
  if (m?.[1] === undefined || m[2] === undefined || m[3] === undefined) return null;
  return [m[1], Number(m[2]), Number(m[3])];
}

/** Whether an enhanced status code equals a row's code or lies in its range (same class and subject). */
export function statusInRow(status: string, row: string | readonly [string, string]): boolean {
  if (typeof row === 'string') return status === row;
  const s = statusParts(status);
  const lo = statusParts(row[0]);
  const hi = statusParts(row[1]);
  if (s === null || lo === null || hi === null) return false;
  // Two classes: the pair names the transient and the permanent form of one code.
  if (lo[0] !== hi[0]) return status === row[0] || status === row[1];
  return s[0] === lo[0] && s[1] === lo[1] && s[2] >= lo[2] && s[2] <= hi[2];
}

/**
 * The provider's row for this reply. A tag in the text is the most specific
 * sign and wins; then an exact status code; then a range.
 */
export function findProviderCode(provider: Provider, status: string | null, text: string): ProviderCode | null {
  for (const row of provider.codes) {
    if (row.tag?.test(text)) return row;
  }
  if (status === null) return null;
  for (const row of provider.codes) {
    if (row.tag === undefined && typeof row.status === 'string' && row.status === status) return row;
  }
  for (const row of provider.codes) {
    if (row.tag === undefined && row.status !== undefined && typeof row.status !== 'string' && statusInRow(status, row.status)) {
      return row;
    }
  }
  return null;
}
