import { parseSmtpLine } from '../../smtp/parse-smtp-line';
import { findAddresses } from '../../text/addresses';
import { MAX_REASON_LINES } from '../../limits';

// Sendmail's "----- Transcript of session follows -----" part, shared by
// Sendmail, V5 sendmail and the servers that copy its notice:
//
//   ... while talking to mx.example.net.:
//   >>> RCPT To:<kijitora@example.net>
//   <<< 550 5.1.1 <kijitora@example.net>... User unknown
//   550 5.1.1 <kijitora@example.net>... User unknown
//
// ">>>" is what sendmail sent, "<<<" what the remote server answered, and a
// line "NNN <address>... text" is sendmail's own verdict on one recipient.

/** One "while talking to" block of a transcript. */
export interface TalkBlock {
  host: string | null;
  lines: string[];
}

// "... while talking to mx.example.net.:" / "While talking to example.edu:"
const TALKING = /^(?:\.\.\. )?while talking to ([A-Z0-9.[\]:-]{1,255}?)\.?:$/i;

/** Splits transcript lines into "while talking to" blocks (lines before the first form a block with no host). */
export function talkBlocks(lines: readonly string[]): TalkBlock[] {
  const blocks: TalkBlock[] = [{ host: null, lines: [] }];
  for (const raw of lines) {
    const line = raw.trim();
    const m = TALKING.exec(line);
    if (m?.[1] !== undefined) blocks.push({ host: m[1].replace(/^\[|\]$/g, ''), lines: [] });
    else if (line !== '') blocks[blocks.length - 1]?.lines.push(line);
  }
  return blocks.filter((b) => b.lines.length > 0);
}

/** Whether a text is an error reply: a 4xx/5xx reply code or a 4.x.x/5.x.x status. */
export function isErrorText(text: string): boolean {
  const r = parseSmtpLine(text);
  if (r.replyCode !== null) return r.replyCode >= 400;
  return r.status !== null && !r.status.startsWith('2');
}

/**
 * The remote server's first error reply in a block, from line `from` on:
 * "<<< 550-…" continuation lines and the final "<<< 550 …" line joined.
 */
export function remoteReply(lines: readonly string[], from = 0): string | null {
  const limit = Math.min(lines.length, from + MAX_REASON_LINES);
  for (let i = from; i < limit; i++) {
    const line = lines[i] ?? '';
    if (!line.startsWith('<<<')) continue;
    const text = line.slice(3).trim();
    if (!isErrorText(text)) continue;
    const parts = [text];
    for (let j = i + 1; j < limit && /^<<< ?[2-5]\d\d-/.test(parts[parts.length - 1] ?? ''); j++) {
      const next = lines[j] ?? '';
      if (!next.startsWith('<<<')) break;
      parts.push(next.slice(3).trim());
    }
    return parts.join('\n');
  }
  return null;
}

/** The command sendmail had sent before line `at` (">>> RCPT To:<…>" → RCPT). */
export function commandBefore(lines: readonly string[], at: number): string | null {
  for (let i = at; i >= 0; i--) {
    const m = /^>>> ?([A-Z]{4})\b/i.exec(lines[i] ?? '');
    if (m?.[1] !== undefined) return m[1].toUpperCase();
  }
  return null;
}

/** What a transcript says about one recipient. */
export interface TranscriptVerdict {
  diagnostic: string | null;
  command: string | null;
  host: string | null;
}

function mentions(line: string, recipient: string): boolean {
  return findAddresses(line).some((a) => a.toLowerCase() === recipient.toLowerCase());
}

/**
 * The remote reply for one recipient: the answer to its "RCPT To:", else, when
 * sendmail's own line for it ("554 <a@b>... 550 Host unknown") carries a code
 * in its text, that text, else the block's first error reply, else that line.
 */
export function verdictFor(blocks: readonly TalkBlock[], recipient: string): TranscriptVerdict {
  for (const block of blocks) {
    const rcpt = block.lines.findIndex((l) => /^>>> ?RCPT TO:/i.test(l) && mentions(l, recipient));
    if (rcpt !== -1) {
      const reply = remoteReply(block.lines, rcpt + 1);
      if (reply !== null) return { diagnostic: reply, command: 'RCPT', host: block.host };
    }
    // "550 5.1.1 <a@b>... User unknown" or "<a@b>... Deferred: Connection refused by mx.example.net."
    const own = block.lines.findIndex((l) => /^(?:[2-5]\d\d[ -]|<)/.test(l) && mentions(l, recipient) && l.includes('...'));
    if (own === -1) continue;
    const line = block.lines[own] ?? '';
    const rest = line.slice(line.indexOf('...') + 3).trim();
    // Sendmail's own verdict ("550 Host unknown") was not said by the host it was talking to.
    if (/^[2-5]\d\d\b/.test(rest) && isErrorText(rest)) return { diagnostic: rest, command: null, host: null };
    // The remote reply that names this recipient, else the block's first one.
    let at = block.lines.findIndex((l) => l.startsWith('<<<') && mentions(l, recipient) && isErrorText(l.slice(3)));
    if (at === -1) at = block.lines.findIndex((l) => l.startsWith('<<<') && isErrorText(l.slice(3)));
    const reply = at === -1 ? null : remoteReply(block.lines, at);
    if (reply !== null) return { diagnostic: reply, command: commandOfReply(block, at), host: block.host };
    return { diagnostic: line, command: null, host: null };
  }
  // No line of sendmail's own for it: a remote reply that names it ("<<< 550 Unknown user a@b").
  for (const block of blocks) {
    const at = block.lines.findIndex((l) => l.startsWith('<<<') && mentions(l, recipient) && isErrorText(l.slice(3)));
    const reply = at === -1 ? null : remoteReply(block.lines, at);
    if (reply !== null) return { diagnostic: reply, command: commandOfReply(block, at), host: block.host };
  }
  return { diagnostic: null, command: null, host: null };
}

/**
 * The command a "<<<" reply answered: the last one sendmail had sent. With
 * PIPELINING sendmail sends RCPT and DATA together and the RCPT replies arrive
 * after ">>> DATA"; the transcript cannot tell them apart, so DATA is reported as
 * written and the reason classifier decides (a 5.1.1 there still means no such
 * user; bare "user unknown" words under DATA are read as a filter's refusal).
 * A reply before anything was sent in a "while talking to" block is the
 * server's greeting: the connection itself was refused (CONN).
 */
function commandOfReply(block: TalkBlock, at: number): string | null {
  return commandBefore(block.lines, at) ?? (block.host === null ? null : 'CONN');
}

/** Every recipient sendmail gave its own verdict on ("550 <a@b>... User unknown"), in order. */
export function recipientsOfTranscript(blocks: readonly TalkBlock[]): string[] {
  const out: string[] = [];
  for (const block of blocks) {
    for (const line of block.lines) {
      if (!/^[45]\d\d[ -]/.test(line) || !line.includes('...')) continue;
      const head = line.slice(0, line.indexOf('...'));
      const addr = findAddresses(head)[0];
      if (addr !== undefined && !out.some((a) => a.toLowerCase() === addr.toLowerCase())) out.push(addr);
    }
  }
  return out;
}

/** The first error line anywhere in the transcript (a local mailer's "554 5.3.0 unknown mailer error 255"). */
export function firstErrorLine(blocks: readonly TalkBlock[]): string | null {
  return firstErrorVerdict(blocks).diagnostic;
}

/** The same, with the command it answered and the host when it is a remote reply. */
export function firstErrorVerdict(blocks: readonly TalkBlock[]): TranscriptVerdict {
  for (const block of blocks) {
    const at = block.lines.findIndex((l) => l.startsWith('<<<') && isErrorText(l.slice(3).trim()));
    const reply = at === -1 ? null : remoteReply(block.lines, at);
    if (reply !== null) return { diagnostic: reply, command: commandOfReply(block, at), host: block.host };
    const line = block.lines.find((l) => /^[45]\d\d[ -]/.test(l) && isErrorText(l));
    if (line !== undefined) return { diagnostic: line, command: null, host: null };
  }
  return { diagnostic: null, command: null, host: null };
}
