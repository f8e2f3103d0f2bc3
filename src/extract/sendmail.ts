import type { BounceEmail, Candidate, Extractor } from '../types';
import { replyOf } from '../smtp/parse-smtp-line';
import { findAddresses } from '../text/addresses';
import { firstErrorVerdict, isErrorText, talkBlocks, verdictFor, type TalkBlock } from './shared/sendmail-transcript';
import { toSmtpCommand } from '../smtp/commands';
import { candidateOf, MTA_LIST, statusOf, uniqueByRecipient } from './shared/candidates';
import { dsnPartCandidates } from './shared/dsn';
import { mergeWithDsn } from './shared/dsn-merge';
import { mtaNoticeLines } from './shared/notice-lines';
import { excludedAddresses, isRecipient } from './shared/recipients';

// "   ----- The following addresses had permanent fatal errors -----"
// "   ----- The following addresses had transient non-fatal errors -----"
const LIST_HEADER = /^ *-{3,} ?The following addresses? (?:had|has) (permanent|transient)?[\w ]{0,40}errors ?-{3,}$/i;
// "   ----- Transcript of session follows -----"
const TRANSCRIPT_HEADER = /^ *-{3,} ?Transcript of session follows ?-{3,}$/i;
// Any other "----- … -----" header ends a section ("----- Original message follows -----").
// [^\s-] and not \S: the dashes on the left end where the text starts, so a
// long run of dashes is not re-split at each of its positions (ReDoS).
const ANY_HEADER = /^ *-{3,} ?[^\s-].{0,80}-{3,}$/;
// "    (reason: 550 5.1.1 User unknown)"
const REASON = /^\s*\(reason: (.{1,1000})\)\s*$/i;
// "    (expanded from: <kijitora@example.jp>)"
const EXPANDED = /^\s*\(expanded from: (.{1,300})\)\s*$/i;

interface Listed {
  recipient: string | null;
  reason: string | null;
  cls: '4' | '5';
}

/** The recipient list(s) of the notice, with their "(reason: …)" lines. */
function readLists(lines: readonly string[], notMine: ReadonlySet<string>): Listed[] {
  const out: Listed[] = [];
  let cls: '4' | '5' | null = null;
  for (const line of lines) {
    const header = LIST_HEADER.exec(line);
    if (header !== null) {
      cls = /transient/i.test(header[1] ?? '') ? '4' : '5';
      continue;
    }
    if (cls === null) continue;
    if (ANY_HEADER.test(line)) {
      cls = null;
      continue;
    }
    const current = out[out.length - 1];
    const reason = REASON.exec(line);
    if (reason?.[1] !== undefined) {
      if (current !== undefined) current.reason = reason[1].trim();
      continue;
    }
    const expanded = EXPANDED.exec(line);
    if (expanded?.[1] !== undefined) {
      // '"|/home/kijitora/mail/catch.pl"' then '(expanded from: <kijitora@example.jp>)':
      // the address the sender wrote is the one that failed.
      if (current !== undefined) current.recipient = findAddresses(expanded[1])[0] ?? current.recipient;
      continue;
    }
    if (line.trim() === '' || /^\s/.test(line)) continue;
    const addr = findAddresses(line).find((a) => isRecipient(a, notMine)) ?? null;
    // A pipe or a file ('"|/usr/bin/procmail"') has no address until "expanded from".
    if (addr === null && !/^["|/]/.test(line.trim())) continue;
    out.push({ recipient: addr, reason: null, cls });
  }
  return out.filter((l) => l.recipient !== null);
}

/** Lines of the transcript section(s). */
export function transcriptLines(lines: readonly string[]): string[] {
  const out: string[] = [];
  let inside = false;
  for (const line of lines) {
    if (TRANSCRIPT_HEADER.test(line)) inside = true;
    else if (ANY_HEADER.test(line) && !/^\s*-{3,}\s*$/.test(line)) inside = false;
    else if (inside) out.push(line);
  }
  return out;
}

/** The best reason for one recipient: the remote answer to it, else "(reason: …)", else any error line. */
function candidateFor(item: Listed, blocks: readonly TalkBlock[]): Candidate {
  const recipient = item.recipient ?? '';
  const verdict = verdictFor(blocks, recipient);
  const first = firstErrorVerdict(blocks);
  const choices = [verdict.diagnostic, item.reason, first.diagnostic, item.reason];
  const diagnostic = choices.find((c): c is string => c !== null && isErrorText(c)) ?? verdict.diagnostic ?? item.reason ?? '';
  // The transcript's answer for this recipient, else its first error (which says what it answered too).
  const said = diagnostic === verdict.diagnostic ? verdict : diagnostic === first.diagnostic ? first : null;
  return candidateOf('sendmail', {
      recipient: item.recipient,
      diagnostic,
      cls: item.cls,
      command: said === null ? null : toSmtpCommand(said.command),
      remoteMta: said === null ? null : said.host,
    }, MTA_LIST);
}

/** Reads the text of a Sendmail notice (list + transcript), merged with its DSN part. */
export function readSendmail(email: BounceEmail, format: string): Candidate[] {
  const lines = mtaNoticeLines(email);
  let listed = readLists(lines, excludedAddresses(email));
  if (listed.length === 0) {
    // A delay warning ("Warning: could not send message for past 4 hours") has
    // no list: the DSN names the recipients, the transcript says why.
    listed = dsnPartCandidates(email, format).map((c) => ({ recipient: c.recipient, reason: null, cls: c.action === 'failed' ? '5' : '4' }));
  }
  const blocks = talkBlocks(transcriptLines(lines));
  const fromText = uniqueByRecipient(listed.map((l) => ({ ...candidateFor(l, blocks), format })));
  // Sendmail writes its own Status field (4.4.7 "delivery time expired" over a
  // "450 4.7.1" the remote server gave); the remote server's code says why.
  // Neither an error (a success notice): the one with a reply code, as the
  // transcript's "relayed; expect no further notifications" has none.
  const merged = mergeWithDsn(
    email,
    fromText,
    format,
    (dsn, text) => isErrorText(text.diagnostic) || (!isErrorText(dsn.diagnostic) && (replyOf(text).replyCode !== null || replyOf(dsn).replyCode === null)),
  );
  const out = merged.map((c) => {
    const own = replyOf(c).status;
    return own !== null && !own.endsWith('.0.0') ? { ...c, statusField: null, statedStatus: null } : c;
  });
  // When the text adds nothing to the DSN part, the RFC 3464 reader says it just as well.
  const dsn = dsnPartCandidates(email, format);
  return dsn.length > 0 && out.every((c, i) => sameAs(c, dsn[i])) ? [] : out;
}

function sameAs(a: Candidate, b: Candidate | undefined): boolean {
  if (b === undefined) return false;
  return (
    a.recipient === b.recipient &&
    a.diagnostic === b.diagnostic &&
    a.command === b.command &&
    (statusOf(a) === statusOf(b) || statusOf(a) === null)
  );
}

export const sendmail: Extractor = {
  id: 'sendmail',
  // "----- The following addresses had permanent fatal errors -----" is
  // sendmail's own list header; the transcript may be missing.
  // A delay warning has only the transcript, next to a DSN part.
  // The space after the dashes is sendmail's; "---The following addresses had
  // delivery errors---" without it is another MTA's (x1).
  matches: (email) => {
    const head = email.text.slice(0, 20000);
    if (/-- The following addresses? (?:had|has) [\w ]{0,40}errors ?--/i.test(head)) return true;
    return email.deliveryStatus.length > 0 && /-- ?Transcript of session follows ?--/i.test(head);
  },
  extract: (email) => readSendmail(email, 'sendmail'),
};
