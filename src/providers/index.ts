// The provider registry, in the order they are tried. Each sign of a provider
// is tried across the whole list before the next, weaker sign.
import type { ProviderMatch } from '../types';
import { findProviderCode, type Provider, type ProviderCode } from './provider';
import { MAX_HOSTS_IN_TEXT } from '../limits';
import { google } from './google';
import { microsoft } from './microsoft';
import { yahoo } from './yahoo';
import { apple } from './apple';
import { proton } from './proton';
import { gmx } from './gmx';
import { mailRu } from './mail-ru';
import { yandex } from './yandex';
import { zoho } from './zoho';
import { fastmail } from './fastmail';
import { comcast } from './comcast';
import { orange } from './orange';
import { tOnline } from './t-online';
import { tencent } from './tencent';
import { netease } from './netease';
import { naver } from './naver';
import { kddi } from './kddi';

export type { Provider, ProviderCode } from './provider';

export const PROVIDERS: readonly Provider[] = [
  google,
  microsoft,
  yahoo,
  apple,
  proton,
  gmx,
  mailRu,
  yandex,
  zoho,
  fastmail,
  comcast,
  orange,
  tOnline,
  tencent,
  netease,
  naver,
  kddi,
];

export interface ProviderClues {
  remoteMta: string | null;
  reportingMta?: string | null;
  recipient: string | null;
  /** The server's reply text. */
  text: string;
  status: string | null;
}

export interface ProviderFinding {
  provider: Provider;
  /** The matching code row, when the provider documents this code or tag. */
  code: ProviderCode | null;
  /** Which sign gave the provider away, for the evidence list. */
  via: { source: string; input: string };
}

// Bounded: names in a reply are short, and the text is already capped upstream.
const HOST_IN_TEXT = /\b[a-z0-9](?:[a-z0-9-]{0,62}\.){1,8}[a-z]{2,24}\b/gi;

function hostsInText(text: string): string[] {
  return (text.match(HOST_IN_TEXT) ?? []).slice(0, MAX_HOSTS_IN_TEXT);
}

// "dsn; mx.example.net" and "mx.example.net [192.0.2.1]" both name the host.
function hostOf(field: string): string {
  const value = field.replace(/^\s*[a-z]+\s*;\s*/i, '').trim();
  return (value.split(/[\s[\]()]/)[0] ?? '').toLowerCase();
}

// Every host suffix of every provider, with the first provider (in PROVIDERS
// order) that lists it: built once from the registry, so that a host is looked
// up by its own suffixes instead of against every provider's list.
const PROVIDER_BY_SUFFIX: ReadonlyMap<string, { provider: Provider; rank: number }> = (() => {
  const map = new Map<string, { provider: Provider; rank: number }>();
  PROVIDERS.forEach((provider, rank) => {
    for (const suffix of provider.hosts) if (!map.has(suffix)) map.set(suffix, { provider, rank });
  });
  return map;
})();

/** The first provider whose host suffixes include the host (itself, or a domain it is under). */
function byHost(host: string): Provider | null {
  const h = host.toLowerCase().replace(/\.$/, '');
  let best: { provider: Provider; rank: number } | undefined = PROVIDER_BY_SUFFIX.get(h);
  for (let dot = h.indexOf('.'); dot !== -1; dot = h.indexOf('.', dot + 1)) {
    const found = PROVIDER_BY_SUFFIX.get(h.slice(dot + 1));
    if (found !== undefined && (best === undefined || found.rank < best.rank)) best = found;
  }
  return best?.provider ?? null;
}

function find(clues: ProviderClues): { provider: Provider; via: ProviderFinding['via'] } | null {
  if (clues.remoteMta) {
    const p = byHost(hostOf(clues.remoteMta));
    if (p) return { provider: p, via: { source: 'Remote-MTA', input: clues.remoteMta } };
  }
  for (const p of PROVIDERS) {
    if (p.markerHints !== undefined && !p.markerHints.some((h) => clues.text.includes(h))) continue;
    const m = p.marker?.exec(clues.text);
    if (m) return { provider: p, via: { source: 'server reply', input: m[0] } };
  }
  for (const host of hostsInText(clues.text)) {
    // An address in the text names a mailbox domain, not a server: skip those here.
    const p = byHost(host);
    if (p && !clues.text.includes(`@${host}`)) return { provider: p, via: { source: 'host name in the reply', input: host } };
  }
  if (clues.reportingMta) {
    const p = byHost(hostOf(clues.reportingMta));
    if (p) return { provider: p, via: { source: 'Reporting-MTA', input: clues.reportingMta } };
  }
  const domain = clues.recipient?.split('@').pop()?.toLowerCase();
  if (domain !== undefined && clues.recipient?.includes('@')) {
    for (const p of PROVIDERS) {
      if (p.domains.includes(domain)) return { provider: p, via: { source: 'recipient domain', input: domain } };
    }
  }
  return null;
}

/** Recognises the receiving provider from its servers, its own words, then the recipient's domain. */
export function detectProvider(clues: ProviderClues): ProviderFinding | null {
  const found = find(clues);
  if (found === null) return null;
  return { ...found, code: findProviderCode(found.provider, clues.status, clues.text) };
}

/** The JSON/typed form of a finding. */
export function toProviderMatch(f: ProviderFinding): ProviderMatch {
  return {
    id: f.provider.id,
    name: f.provider.name,
    docs: f.code?.docs ?? f.provider.docs,
    meaning: f.code?.meaning ?? null,
    code: f.code?.label ?? null,
  };
}

/** Every provider row for a code, for reference mode ("whybounce explain 5.7.606"). */
export function providerRowsFor(status: string): { provider: Provider; code: ProviderCode }[] {
  const rows: { provider: Provider; code: ProviderCode }[] = [];
  for (const provider of PROVIDERS) {
    const code = findProviderCode(provider, status, '');
    if (code !== null) rows.push({ provider, code });
  }
  return rows;
}

/** Provider rows whose tag matches a word ("TSS04", "S3150"), for reference mode. */
export function providerRowsForTag(tag: string): { provider: Provider; code: ProviderCode }[] {
  const rows: { provider: Provider; code: ProviderCode }[] = [];
  for (const provider of PROVIDERS) {
    // Tags are written bracketed or in parentheses in replies ("[TSS04]", "(S3150)").
    const forms = [tag, `[${tag}]`, `(${tag})`];
    for (const code of provider.codes) {
      if (code.tag !== undefined && forms.some((f) => code.tag?.test(f))) rows.push({ provider, code });
    }
  }
  return rows;
}
