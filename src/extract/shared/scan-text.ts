import type { Candidate } from '../../types';
// Guard (MAX_SCAN_CHARS): the last-resort scan reads at most this much body text.
import { MAX_SCAN_CHARS } from '../../limits';
import { parseSmtpLine } from '../../smtp/parse-smtp-line';
import { findAddresses } from '../../text/addresses';
import { foldSpaces } from '../../text/fold-spaces';
import { commandOf } from '../../smtp/commands';
import { isRecipient, listedRecipients } from './recipients';

/**
 * The recipients a reply is about: the addresses of the nearest paragraph (this
 * one or the two before) that names one. All of them when that paragraph is a
 * list of addresses, one a line ("…to the following recipients:" then the list);
 * else its first address.
 */
function recipientsNear(paragraphs: readonly string[], i: number, excluded: ReadonlySet<string>): (string | null)[] {
  for (let j = i; j >= Math.max(0, i - 2); j--) {
    const paragraph = paragraphs[j] ?? '';
    const found = findAddresses(paragraph).find((a) => isRecipient(a, excluded));
    if (found === undefined) continue;
    const listed = j === i ? [] : listedRecipients(paragraph, excluded);
    return listed.length > 1 ? listed : [found];
  }
  return [null];
}

// A line that starts with an address (maybe after a bullet or in <>), as in
// "alice@example.com: 550 5.1.1 user unknown".
const ENTRY_LINE = /^[ \t]*(?:[-*•][ \t]+)?<?([^\s<>@]{1,64}@[^\s<>:;,]{1,253})/;

/**
 * A paragraph that lists several recipients a line each, every one with its own
 * reply ("alice@…: 550 …" then "bob@…: 552 …"), split into one unit a line;
 * any other paragraph as it is.
 */
function entriesOf(paragraph: string, excluded: ReadonlySet<string>): string[] {
  const lines = paragraph.split('\n');
  const entries = lines.filter((line) => {
    const address = ENTRY_LINE.exec(line)?.[1];
    return address !== undefined && isRecipient(address, excluded) && parseSmtpLine(line).replyCode !== null;
  });
  return entries.length > 1 ? entries : [paragraph];
}

/**
 * Last resort for any bounce text: every paragraph that holds an SMTP code
 * where servers put one becomes a candidate, with the nearest address before it.
 */
export function scanText(text: string, excluded: ReadonlySet<string>, format = 'text'): Candidate[] {
  const body = text.length > MAX_SCAN_CHARS ? text.slice(0, MAX_SCAN_CHARS) : text;
  const paragraphs = body.split(/\n[ \t]*\n/).flatMap((p) => entriesOf(p, excluded));
  const out: Candidate[] = [];
  const seen = new Set<string>();
  paragraphs.forEach((para, i) => {
    const reply = parseSmtpLine(para);
    if (reply.replyCode === null && reply.status === null) return;
    if (reply.replyCode !== null && reply.replyCode < 400 && reply.status === null) return;
    for (const recipient of recipientsNear(paragraphs, i, excluded)) {
      const key = (recipient ?? '').toLowerCase();
      if (seen.has(key)) continue;
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
    }
  });
  return out;
}

