// The shape of a blocklist file, and how the listed IP or domain is read from
// the text. Each file holds facts (zone names, lookup pages) and our own words.

import type { ActorId } from '../types';

/** A sub-list of a blocklist (Spamhaus has several, with different remedies). */
export interface SubList {
  /** "PBL", "XBL", "Level 1"… */
  name: string;
  /** How the text names it. Literal patterns only: they run on hostile text. */
  pattern: RegExp;
  /** Whether it lists domains (DBL) rather than IP addresses. */
  listsDomains?: boolean;
  /** What being on it means and what to do, in our words. */
  advice: string;
  /** Its own lookup page, when it differs from the list's. */
  lookup?: string;
}

export interface Blocklist {
  id: string;
  name: string;
  /** How the text names the list (its DNS zone, its web site, its own name). */
  pattern: RegExp;
  /**
   * Lower-case words of which every match of `pattern` contains one: when the
   * lower-cased text holds none, the pattern is not run (most replies name no
   * list, and a regex costs a compilation on first use). ASCII only, so that
   * lower-casing and the pattern's /i agree.
   */
  hints: readonly string[];
  /** Lookup and delisting page; null when the list no longer exists. */
  lookup: string | null;
  /** Builds a lookup link for the listed IP or domain, when the list has one. */
  lookupFor?: (listed: string) => string;
  subLists?: readonly SubList[];
  /** Whether it lists domains rather than IPs, when no sub-list says otherwise. */
  listsDomains?: boolean;
  /** What to do when listed, in our words. */
  advice: string;
  /** A fact worth knowing about the list itself (shut down, paid delisting…). */
  note?: string;
  /** Who has to act, when it is not the sender's set-up (a dead list is the receiver's mistake). */
  actor?: ActorId;
}

// Linear patterns: bounded repeats, no nested quantifiers.
const IPV4 = /(?<![\d.])(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(?:\.(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}(?![\d.]*\d)/g;
// Each repetition starts with ":", so the groups cannot overlap; isIpv6 then checks the shape.
const IPV6 = /(?<![\w:.])[0-9a-f]{0,4}(?::[0-9a-f]{0,4}){2,7}(?![\w:])/gi;
const DOMAIN_QUERY = /\/query\/(?:domain|dbl)\/([a-z0-9.-]{3,253})/i;
const DOMAIN_NEAR_LISTED = /\b([a-z0-9](?:[a-z0-9-]{0,62}\.){1,8}[a-z]{2,24})\b[^.;\n]{1,40}?\blisted\b/i;

// Places where a reply names the sending IP it refuses: these beat a bare IP anywhere.
const MARKED_IP = [
  /client host \[([0-9a-f.:]{3,45})\]/i,
  /\/query\/ip\/([0-9a-f.:]{3,45})/i,
  /bl\.shtml\?([0-9a-f.:]{3,45})/i,
  /\b(?:sending )?ip (?:address )?\[([0-9a-f.:]{3,45})\]/i,
  /\bfrom \[([0-9a-f.:]{3,45})\]/i,
  /[?&\s]ip=([0-9a-f.:]{3,45})/i,
  /\bIP:? ([0-9a-f.:]{3,45})/i,
];

/** Eight groups of 1–4 hex digits, or fewer with one "::" standing for the missing ones. */
function isIpv6(s: string): boolean {
  const halves = s.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((h) => (h === '' ? [] : h.split(':')));
  if (!groups.every((g) => /^[0-9a-f]{1,4}$/i.test(g))) return false;
  return halves.length === 2 ? groups.length < 8 : groups.length === 8;
}

function isIp(s: string): boolean {
  return s.match(IPV4)?.[0] === s || isIpv6(s);
}

/**
 * The IP address the text names as listed: one in a telling place ("Client host
 * [IP]", a lookup link), else the one nearest the list's name, leaving out the
 * remote server's own address in "host mx.example.net[IP] said:".
 */
export function listedIp(text: string, near: number): string | null {
  for (const pattern of MARKED_IP) {
    const m = pattern.exec(text);
    if (m?.[1] !== undefined && isIp(m[1])) return m[1];
  }
  const ips: { ip: string; at: number }[] = [];
  for (const re of [IPV4, IPV6]) {
    for (const m of text.matchAll(re)) {
      const at = m.index;
      if (re === IPV6 && !isIpv6(m[0])) continue;
      if (/^\]:? said/.test(text.slice(at + m[0].length, at + m[0].length + 8))) continue;
      ips.push({ ip: m[0], at });
    }
  }
  ips.sort((a, b) => Math.abs(a.at - near) - Math.abs(b.at - near));
  return ips[0]?.ip ?? null;
}

/** The domain the text names as listed (a domain list such as Spamhaus DBL). */
export function listedDomain(text: string, zone: RegExp): string | null {
  const q = DOMAIN_QUERY.exec(text);
  if (q?.[1] !== undefined) return q[1].toLowerCase();
  const near = DOMAIN_NEAR_LISTED.exec(text);
  if (near?.[1] !== undefined && !zone.test(near[1])) return near[1].toLowerCase();
  return null;
}
