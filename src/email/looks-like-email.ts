// Tells an email from a pasted error line or log excerpt by how its text
// starts. Read by the pipeline (which path a message takes); the input layer
// reads header-syntax.ts itself. Both sit below the pipeline and the input.
import { SNIFF_BYTES } from '../limits';
import { startsLikeEmail } from './header-syntax';

/** Whether a text starts like an email (headers or an mbox "From " line) rather than an error line. */
export function looksLikeEmail(text: string): boolean {
  return startsLikeEmail(text, SNIFF_BYTES);
}
