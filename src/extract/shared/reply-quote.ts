// What an automatic mail says, as a short quote for its diagnostic: the subject
// and the first paragraph on one line, cut to MAX_AUTOREPLY_QUOTE. Read alike by
// the automatic-reply (RFC 3834) and challenge-response readers.
import type { BounceEmail } from '../../types';
import { foldSpaces } from '../../text/fold-spaces';
import { MAX_AUTOREPLY_QUOTE } from '../../limits';

/** The subject and the first paragraph of `email`, on one line, cut with "…". */
export function replyQuote(email: BounceEmail): string {
  const first = email.text
    .slice(0, MAX_AUTOREPLY_QUOTE * 4)
    .split(/\n[ \t]*\n/)
    .map((p) => foldSpaces(p).trim())
    .find((p) => p !== '');
  const text = [foldSpaces(email.subject).trim(), first ?? ''].filter((s) => s !== '').join(': ');
  return text.length > MAX_AUTOREPLY_QUOTE ? `${text.slice(0, MAX_AUTOREPLY_QUOTE)}…` : text;
}
