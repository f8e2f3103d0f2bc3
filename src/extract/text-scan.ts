import type { BounceEmail, Candidate, Extractor } from '../types';
import { parseSmtpLine } from '../smtp/parse-smtp-line';
import { findAddresses, isSystemAddress } from './address';
import { commandOf } from './delivery-status';
import { header } from '../email/parse-email';
import { looksLikeBounce } from '../email/looks-like-bounce';

// Guard (MAX_SCAN_CHARS): the last-resort scan reads at most this much body text.
import { MAX_SCAN_CHARS } from '../limits';
import { foldSpaces } from '../fold-spaces';
export { MAX_SCAN_CHARS };

/** Addresses a bounce names that are not the person who failed to receive it. */
export function excludedAddresses(email: BounceEmail): Set<string> {
  const own = [...findAddresses(email.from), ...findAddresses(header(email, 'to'))];
  return new Set(own.map((a) => a.toLowerCase()));
}

function recipientNear(paragraphs: readonly string[], i: number, excluded: ReadonlySet<string>): string | null {
  for (let j = i; j >= Math.max(0, i - 2); j--) {
    const found = findAddresses(paragraphs[j] ?? '').find(
      (a) => !isSystemAddress(a) && !excluded.has(a.toLowerCase()),
    );
    if (found !== undefined) return found;
  }
  return null;
}

/**
 * Last resort for any bounce text: every paragraph that holds an SMTP code
 * where servers put one becomes a candidate, with the nearest address before it.
 */
export function scanText(text: string, excluded: ReadonlySet<string>, format = 'text'): Candidate[] {
  const body = text.length > MAX_SCAN_CHARS ? text.slice(0, MAX_SCAN_CHARS) : text;
  const paragraphs = body.split(/\n[ \t]*\n/);
  const out: Candidate[] = [];
  const seen = new Set<string>();
  paragraphs.forEach((para, i) => {
    const reply = parseSmtpLine(para);
    if (reply.replyCode === null && reply.status === null) return;
    if (reply.replyCode !== null && reply.replyCode < 400 && reply.status === null) return;
    const recipient = recipientNear(paragraphs, i, excluded);
    const key = (recipient ?? '').toLowerCase();
    if (seen.has(key)) return;
    seen.add(key);
    out.push({
      recipient,
      action: null,
      status: null,
      diagnostic: foldSpaces(para).trim(),
      remoteMta: null,
      command: commandOf(para),
      format,
    });
  });
  return out;
}

export const textScan: Extractor = {
  id: 'text',
  // Only a mail that looks like a delivery report is scanned: a newsletter that
  // quotes "550 …" at a line start is not a bounce.
  matches: looksLikeBounce,
  extract: (email) => scanText(email.text, excludedAddresses(email)),
};
