// The Subject header as mailparser gives it.
import type { HeaderLine } from '../finish-email';
import { decodeWords } from './encoded-words';
import { mailparserValue } from './header-lines';

/** The first Subject line that is not empty, its encoded words decoded. */
export function subjectOf(lines: readonly HeaderLine[]): string {
  for (const line of lines) {
    if (line.key !== 'subject') continue;
    const value = decodeWords(mailparserValue(line));
    if (value !== '') return value;
  }
  return '';
}
