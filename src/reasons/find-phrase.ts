// The phrase search of the reason classifier, made fast for batches.
//
// The classifier asks: which rule, in REASONS order, first has a phrase that
// the (normalised) text contains? Asked plainly that is ~1,200 `includes` calls
// per diagnosis, the single biggest cost of a batch. The answer is the same if
// only the phrases that could be in the text are tried: a phrase can only be
// in the text when each of its three-character pieces is, so every phrase is
// filed under one of its pieces (the rarest among all phrases), and the text's
// own pieces say which phrases to try. The lowest-numbered phrase found wins,
// exactly as in the plain loop.
//
// Building that index costs about a millisecond, more than a single plain
// search: a one-off diagnosis (a raw string on the command line) uses the plain
// loop, and the index is built once a run has asked often enough.

/** A phrase found, with the rule it belongs to. */
export interface PhraseHit<R> {
  rule: R;
  phrase: string;
}

/** Plain searches before the index is built. */
const PLAIN_SEARCHES = 8;
const PIECE = 3;

interface PhraseIndex {
  /** Phrase numbers (ascending) filed under a three-character piece. */
  byPiece: Map<string, number[]>;
  /** A hash of every filed piece, set to 1: most pieces of a text are in no phrase, and this skips them cheaply. */
  filed: Uint8Array;
  /** Phrases shorter than a piece: always tried. */
  short: number[];
  /** When each phrase was last tried, by search number (a phrase is tried once per search). */
  tried: Uint32Array;
  searches: number;
}

/**
 * A search for the first phrase, in rule order then phrase order, that a text
 * contains; `phrasesOf` is read once, on the first search.
 */
export function phraseFinder<R>(
  rules: () => readonly R[],
  phrasesOf: (rule: R) => readonly string[] | undefined,
): (text: string) => PhraseHit<R> | null {
  let phrases: string[] | null = null;
  const ruleOf: R[] = [];
  let index: PhraseIndex | null = null;
  let calls = 0;
  return (text) => {
    if (phrases === null) {
      phrases = [];
      for (const rule of rules()) {
        for (const phrase of phrasesOf(rule) ?? []) {
          phrases.push(phrase);
          ruleOf.push(rule);
        }
      }
    }
    calls++;
    if (index === null && calls > PLAIN_SEARCHES) index = buildIndex(phrases);
    const found = index === null ? firstPlain(phrases, text) : firstIndexed(phrases, index, text);
    if (found === -1) return null;
    return { rule: ruleOf[found] as R, phrase: phrases[found] ?? '' };
  };
}

function firstPlain(phrases: readonly string[], text: string): number {
  return phrases.findIndex((p) => text.includes(p));
}

function buildIndex(phrases: readonly string[]): PhraseIndex {
  const frequency = new Map<string, number>();
  for (const phrase of phrases) {
    for (const piece of new Set(piecesOf(phrase))) frequency.set(piece, (frequency.get(piece) ?? 0) + 1);
  }
  const byPiece = new Map<string, number[]>();
  const short: number[] = [];
  phrases.forEach((phrase, n) => {
    let best: string | null = null;
    for (const piece of piecesOf(phrase)) {
      if (best === null || (frequency.get(piece) ?? 0) < (frequency.get(best) ?? 0)) best = piece;
    }
    if (best === null) short.push(n);
    else byPiece.set(best, [...(byPiece.get(best) ?? []), n]);
  });
  const filed = new Uint8Array(HASH_SIZE);
  for (const piece of byPiece.keys()) filed[hashPiece(piece, 0)] = 1;
  return { byPiece, filed, short, tried: new Uint32Array(phrases.length), searches: 0 };
}

const HASH_SIZE = 1 << 16;

function hashPiece(text: string, at: number): number {
  return (text.charCodeAt(at) * 961 + text.charCodeAt(at + 1) * 31 + text.charCodeAt(at + 2)) & (HASH_SIZE - 1);
}

function piecesOf(text: string): string[] {
  const pieces: string[] = [];
  for (let i = 0; i + PIECE <= text.length; i++) pieces.push(text.slice(i, i + PIECE));
  return pieces;
}

function firstIndexed(phrases: readonly string[], index: PhraseIndex, text: string): number {
  const search = ++index.searches;
  let best = phrases.length;
  const tryPhrase = (n: number): void => {
    if (n >= best || index.tried[n] === search) return;
    index.tried[n] = search;
    if (text.includes(phrases[n] ?? '')) best = n;
  };
  for (const n of index.short) tryPhrase(n);
  for (let i = 0; i + PIECE <= text.length; i++) {
    if (index.filed[hashPiece(text, i)] === 0) continue;
    const filed = index.byPiece.get(text.slice(i, i + PIECE));
    if (filed === undefined) continue;
    for (const n of filed) {
      if (n >= best) break;
      tryPhrase(n);
    }
  }
  return best === phrases.length ? -1 : best;
}
