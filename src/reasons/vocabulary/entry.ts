// The shape of one vocabulary entry: a server's or provider's own wording, the
// reason it means, and where the wording comes from. The tables in this folder
// are data; vocabulary/index.ts searches them (step "server words" of the order in
// ../README.md).

import type { ReasonId } from '../../types.js';

export interface VocabularyEntry {
  /**
   * What to look for in the diagnostic, lower-cased with whitespace folded (as
   * normalizeReasonText leaves it): a plain substring, or a linear-time regex
   * (no nested quantifiers; it runs on hostile text).
   */
  readonly phrase: string | RegExp;
  readonly reason: ReasonId;
  /** One line, our own words: when the server or provider writes this. */
  readonly situation: string;
  /** Where the wording is written: "postfix: src/smtpd/smtpd_check.c", or a provider's page. */
  readonly source: string;
  /**
   * A whole sentence of one server that holds a shorter phrase of another reason
   * (Sendmail's "Relaying denied. Proper authentication required." holds
   * "authentication required"): tried before the phrase lists, not after them.
   */
  readonly sentence?: true;
}

/** Builds an entry; tables read as one call per line. */
export function entry(phrase: string | RegExp, reason: ReasonId, situation: string, source: string): VocabularyEntry {
  return { phrase, reason, situation, source };
}

/** An entry for a whole server sentence, tried before the phrase lists (see `sentence`). */
export function sentence(phrase: string, reason: ReasonId, situation: string, source: string): VocabularyEntry {
  return { phrase, reason, situation, source, sentence: true };
}
