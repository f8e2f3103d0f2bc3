import type { Extractor, SmtpCommand } from '../types';
import { findAddresses } from '../text/addresses';
import { MAX_REASON_LINES } from '../limits';
import { candidateOf, joinReason, MTA_LIST } from './shared/candidates';
import { findLine, mtaNoticeLines } from './shared/notice-lines';

// The DragonFly Mail Agent (dma) names one recipient per notice:
//
//   This is the DragonFly Mail Agent v0.13 at mx.example.net.
//
//   There was an error delivering your mail to <kijitora@example.org>.
//
//   mx.example.org [192.0.2.2] did not like our RCPT TO:
//   550 5.1.1 <kijitora@example.org>: Recipient address rejected: User unknown
//
//   Original message follows.
//
// dma sends it once it has given up (a remote 5xx, a DNS failure, or the
// queue lifetime passed), so the failure is permanent even without a code.

const INTRO = /^This is the DragonFly Mail Agent\b/i;
// "There was an error delivering your mail to <kijitora@example.org>."
const RECIPIENT = /^There was an error delivering your mail to <([^\s<>@]{1,300}@[^\s<>]{1,300})>/i;
// "Original message follows." / "Message headers follow."
const END = /^(?:Original message|Message headers) follows?\.?$/i;
// "mx.example.org [192.0.2.2] did not like our RCPT TO:" / "… did not like our final DATA:"
const DID_NOT_LIKE = /did not like our (RCPT TO|MAIL FROM|final DATA|DATA|EHLO|HELO)/i;

function commandOf(text: string): SmtpCommand | null {
  const word = DID_NOT_LIKE.exec(text)?.[1]?.toUpperCase();
  if (word === 'RCPT TO') return 'RCPT';
  if (word === 'MAIL FROM') return 'MAIL';
  if (word === 'FINAL DATA' || word === 'DATA') return 'DATA';
  if (word === 'EHLO' || word === 'HELO') return word;
  return null;
}

export const dragonfly: Extractor = {
  id: 'dragonfly',
  matches: (email) => findLine(mtaNoticeLines(email).slice(0, 20), INTRO) !== -1,
  extract: (email) => {
    const lines = mtaNoticeLines(email);
    const at = findLine(lines, RECIPIENT);
    const match = RECIPIENT.exec(lines[at] ?? '');
    const recipient = match?.[1] === undefined ? null : (findAddresses(match[1])[0] ?? null);
    if (recipient === null) return [];
    const reason: string[] = [];
    for (let i = at + 1; i < lines.length && reason.length < MAX_REASON_LINES; i++) {
      const line = lines[i] ?? '';
      if (END.test(line.trim())) break;
      reason.push(line);
    }
    const diagnostic = joinReason(reason);
    const command = commandOf(diagnostic);
    return [candidateOf('dragonfly', { recipient, diagnostic, cls: '5', ...(command === null ? {} : { command }) }, MTA_LIST)];
  },
};
