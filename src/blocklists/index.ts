// The blocklist registry, in the order they are tried: lists that the text names
// by their own name come first, a provider's own block last.
import type { BlocklistMatch } from '../types';
import { listedDomain, listedIp, type Blocklist, type SubList } from './blocklist';
import { spamhaus } from './spamhaus';
import { spamcop } from './spamcop';
import { barracuda } from './barracuda';
import { sorbs } from './sorbs';
import { uceprotect } from './uceprotect';
import { spamrats } from './spamrats';
import { invaluement } from './invaluement';
import { mailspike } from './mailspike';
import { microsoftList } from './microsoft';
import { yahooList } from './yahoo';

export type { Blocklist, SubList } from './blocklist';

export const BLOCKLISTS: readonly Blocklist[] = [
  spamhaus,
  spamcop,
  barracuda,
  sorbs,
  uceprotect,
  spamrats,
  invaluement,
  mailspike,
  microsoftList,
  yahooList,
];

export interface BlocklistFinding {
  list: Blocklist;
  subList: SubList | null;
  /** The words that named the list. */
  matched: string;
  match: BlocklistMatch;
}

/** Finds the first blocklist the reply text names, with the listed IP or domain. */
export function findBlocklist(text: string): BlocklistFinding | null {
  const lower = text.toLowerCase();
  for (const list of BLOCKLISTS) {
    if (!list.hints.some((h) => lower.includes(h))) continue;
    const m = list.pattern.exec(text);
    if (m === null) continue;
    const subList = list.subLists?.find((s) => s.pattern.test(text)) ?? null;
    const domains = subList?.listsDomains ?? list.listsDomains ?? false;
    const listed = domains ? listedDomain(text, list.pattern) : listedIp(text, m.index);
    const lookup = listed !== null && list.lookupFor !== undefined ? list.lookupFor(listed) : (subList?.lookup ?? list.lookup);
    return {
      list,
      subList,
      matched: m[0],
      match: {
        id: list.id,
        name: subList === null ? list.name : `${list.name} ${subList.name}`,
        listed,
        lookup,
        note: list.note ?? null,
      },
    };
  }
  return null;
}

/** What to do about a listing: the sub-list's own advice when known, with the lookup page. */
export function blocklistAdvice(f: BlocklistFinding): string {
  const base = f.subList?.advice ?? f.list.advice;
  if (f.match.lookup === null) return base;
  const what = f.match.listed === null ? '' : ` for ${f.match.listed}`;
  return `${base} Lookup and delisting${what}: ${f.match.lookup}`;
}
