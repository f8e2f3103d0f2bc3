// The vocabulary of the mail servers and providers, as data: what each writes
// when it refuses or gives up, which reason that means, and where it is written.
// Searched as one step of the classifier (see ../README.md): after the phrase
// lists and the specific status codes, before the SMTP command and the generic
// code class. Tables are tried in this order and, within a table, top down:
// provider and server texts are exact sentences, the generic words come last.

import { DOVECOT } from './dovecot.js';
import type { VocabularyEntry } from './entry.js';
import { EXIM } from './exim.js';
import { GENERIC } from './generic.js';
import { OPENSMTPD } from './opensmtpd.js';
import { POSTFIX } from './postfix.js';
import { PROVIDERS } from './providers.js';
import { QMAIL } from './qmail.js';
import { SENDMAIL } from './sendmail.js';

export type { VocabularyEntry } from './entry.js';

export const VOCABULARY: readonly VocabularyEntry[] = [
  ...PROVIDERS,
  ...POSTFIX,
  ...EXIM,
  ...SENDMAIL,
  ...OPENSMTPD,
  ...DOVECOT,
  ...QMAIL,
  ...GENERIC,
];

const SENTENCES: readonly VocabularyEntry[] = VOCABULARY.filter((e) => e.sentence === true);

/**
 * The first entry whose phrase is in `text` (already normalised: lower case, folded
 * spaces), or null. With `sentencesOnly`, only the whole server sentences that must be
 * tried before the phrase lists.
 */
export function findVocabulary(text: string, sentencesOnly = false): VocabularyEntry | null {
  for (const e of sentencesOnly ? SENTENCES : VOCABULARY) {
    if (typeof e.phrase === 'string' ? text.includes(e.phrase) : e.phrase.test(text)) return e;
  }
  return null;
}
