import type { BounceEmail, Candidate, SmtpCommand } from '../../types';
import { MAX_REASON_LINES, MAX_RECIPIENTS } from '../../limits';
import { findAddresses } from '../../text/addresses';
import { candidateOf, joinReason, MTA_LIST, uniqueByRecipient } from './candidates';
import { findLine, mtaNoticeLines } from './notice-lines';

// Many classic MTAs (qmail and its forks, Postfix, the Yahoo-style "x2"
// notices) list each failed recipient as an address line followed by the
// reason, ended by a blank line or the next address:
//
//   <kijitora@example.net>:
//   192.0.2.1 does not like recipient.
//   Remote host said: 550 5.1.1 <kijitora@example.net>... User unknown
//
//   <neko@example.org>: host mx.example.org[192.0.2.2] said: 550 5.1.1
//       <neko@example.org>: Recipient address rejected (in reply to RCPT TO command)

/** One recipient of such a list, with the lines of its reason. */
export interface AddressBlock {
  recipient: string;
  lines: string[];
}

// "<kijitora@example.net>:" alone, or followed by the start of the reason, at
// the start of a line: an indented address is part of the reason above it
// ("    <kijitora@example.net>: User unknown" under Postfix's "said: 550");
// Postfix adds "(expanded from <alias@example.net>)" after an alias.
// The address has no spaces or brackets, so the parts cannot overlap.
// A space or the colon must follow the address: "<kijitora@example.net>... User
// Unknown" at a line start is Postfix's wrapped reason, quoting sendmail's form.
const ADDRESS_LINE = /^<([^\s<>@]{1,300}@[^\s<>]{1,300})>(?: \(expanded from <[^\s<>]{1,300}>\))?:?(?:[ \t]+(\S.{0,1000}))?[ \t]*$/;
// The same without angle brackets ("kijitora@example.net:"); the colon is required.
const BARE_ADDRESS_LINE = /^([^\s<>:@]{1,300}@[^\s<>:]{1,300}):[ \t]*(\S.{0,1000})?$/;

/**
 * Reads "<address>: reason" blocks from `start` until a line matching `end`.
 * Every listed address is a recipient, even postmaster@ (the list says so).
 */
export function readAddressBlocks(lines: readonly string[], start: number, end: RegExp, bare = false): AddressBlock[] {
  const out: AddressBlock[] = [];
  let current: AddressBlock | null = null;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (end.test(line)) break;
    const m = ADDRESS_LINE.exec(line) ?? (bare ? BARE_ADDRESS_LINE.exec(line) : null);
    const address = m?.[1] === undefined ? null : (findAddresses(m[1])[0] ?? null);
    if (m !== null && address !== null) {
      if (out.length >= MAX_RECIPIENTS) break;
      current = { recipient: address, lines: m[2] === undefined ? [] : [m[2]] };
      out.push(current);
      continue;
    }
    if (current === null) continue;
    if (line.trim() === '') {
      // A blank line right after the address line does not end the block yet.
      if (current.lines.length > 0) current = null;
      continue;
    }
    if (current.lines.length < MAX_REASON_LINES) current.lines.push(line);
  }
  return out;
}

/** Candidates from address blocks, reason lines joined. */
export function blockCandidates(
  blocks: readonly AddressBlock[],
  format: string,
  cls: '4' | '5' | null,
  commandOf: (text: string) => SmtpCommand | null = () => null,
): Candidate[] {
  return uniqueByRecipient(
    blocks.map((b) => {
      const diagnostic = joinReason(b.lines);
      const command = commandOf(diagnostic);
      return candidateOf(format, { recipient: b.recipient, diagnostic, cls, ...(command === null ? {} : { command }) }, MTA_LIST);
    }),
  );
}

/** The blocks after the first line matching `start` (−1: none), up to `end`. */
export function blocksAfter(email: BounceEmail, start: RegExp, end: RegExp, bare = false): AddressBlock[] {
  const lines = mtaNoticeLines(email);
  const at = findLine(lines, start);
  return at === -1 ? [] : readAddressBlocks(lines, at + 1, end, bare);
}
