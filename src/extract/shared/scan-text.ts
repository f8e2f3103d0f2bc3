import type { Candidate } from '../../types';
// Guard (MAX_SCAN_CHARS): the last-resort scan reads at most this much body text.
import { MAX_SCAN_CHARS } from '../../limits';
import { parseSmtpLine } from '../../smtp/parse-smtp-line';
import { findAddresses } from '../../text/addresses';
import { foldSpaces } from '../../text/fold-spaces';
import { commandOf } from '../../smtp/commands';
import { isRecipient } from './recipients';

function recipientNear(paragraphs: readonly string[], i: number, excluded: ReadonlySet<string>): string | null {
  for (let j = i; j >= Math.max(0, i - 2); j--) {
    const found = findAddresses(paragraphs[j] ?? '').find((a) => isRecipient(a, excluded));
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
      statusField: null,
      statedStatus: null,
      diagnostic: foldSpaces(para).trim(),
      remoteMta: null,
      command: commandOf(para),
      format,
    });
  });
  return out;
}

