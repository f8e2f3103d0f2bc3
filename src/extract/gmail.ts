import type { BounceEmail, Candidate, Extractor } from '../types';
import { findAddresses } from '../text/addresses';
import { MAX_RECIPIENTS } from '../limits';
import { oneLine } from '../text/fold-spaces';
import { candidateOf, NOTICE } from './shared/candidates';
import { noticeLines } from './shared/notice-lines';
import { excludedAddresses, fallbackRecipients, isRecipient } from './shared/recipients';

// Legacy Gmail (before 2015): "Delivery to the following recipient failed
// permanently:" / "Delivery to the following recipient has been delayed:",
// then the addresses indented, then "Technical details of … failure:".
const LEGACY_START = /^Delivery to the following recipients? (failed permanently|has been delayed|have been delayed):?$/;
const DETAILS = /^Technical details of (permanent|temporary) failure:/;
const END = /^-{5} ?Original message ?-{5}|^-{5} ?Message header follows/;

// Current Gmail: "** Address not found **", "** Message not delivered **",
// "** Message blocked **", then "The response was:" / "The response from the
// remote server was:" and the reply.
const BANNER = /^\*\* [A-Z][\w' ]{3,60} \*\*$/;
const RESPONSE = /^The response(?: from the remote server)? was:$/;

// "… rejected by the server for the recipient domain example.jp by mx.example.jp. [192.0.2.1]."
const REMOTE = /\bby ([A-Za-z0-9][A-Za-z0-9-]{0,62}(?:\.[A-Za-z0-9-]{1,63}){1,10})\.? \[/;

// "The error that the other server returned was: 550 550 5.1.1 …": Gmail writes
// the reply code twice; the reply is what follows the label, once.
const RETURNED = /The error that the other server returned was:\s?(.{1,4000})/s;

function legacy(email: BounceEmail, lines: string[]): Candidate[] {
  const excluded = excludedAddresses(email);
  const recipients: string[] = [];
  let cls: '4' | '5' = '5';
  let state: 'before' | 'list' | 'gap' | 'details' = 'before';
  const details: string[] = [];
  for (const raw of lines) {
    const line = raw.trim();
    if (END.test(line)) break;
    const start = LEGACY_START.exec(line);
    if (start !== null) {
      cls = start[1] === 'failed permanently' ? '5' : '4';
      state = 'list';
      continue;
    }
    const d = DETAILS.exec(line);
    if (d !== null) {
      cls = d[1] === 'permanent' ? '5' : '4';
      state = 'details';
      details.push(line.slice(d[0].length));
      continue;
    }
    if (state === 'list') {
      const found = findAddresses(line).filter((a) => isRecipient(a, excluded));
      if (found.length > 0 && recipients.length < MAX_RECIPIENTS) recipients.push(...found);
      else if (line !== '' && recipients.length > 0) state = 'gap';
    } else if (state === 'details') {
      details.push(line);
    }
  }
  const text = oneLine(details.join('\n'));
  const returned = RETURNED.exec(text)?.[1];
  // "554 554 5.7.0 Header error (state 18)." → "554 5.7.0 Header error (state 18)."
  const reply = returned?.replace(/^([2-5]\d\d) \1\b/, '$1');
  const diagnostic = reply ?? text;
  const remoteMta = REMOTE.exec(text)?.[1] ?? null;
  const list = recipients.length > 0 ? recipients : fallbackRecipients(email);
  return list.map((recipient) => candidateOf('gmail', { recipient, diagnostic, cls, remoteMta }, NOTICE));
}

function current(email: BounceEmail, lines: string[]): Candidate[] {
  const reply: string[] = [];
  const notice: string[] = [];
  let inReply = false;
  for (const raw of lines) {
    const line = raw.trim();
    if (END.test(line)) break;
    if (RESPONSE.test(line)) {
      inReply = true;
      continue;
    }
    if (BANNER.test(line)) continue;
    (inReply ? reply : notice).push(line);
  }
  const text = oneLine(reply.join('\n'));
  const diagnostic = text === '' ? oneLine(notice.join('\n')) : text;
  const cls = /\bdelayed\b|\btemporary\b/i.test(notice.join(' ')) ? '4' : '5';
  return fallbackRecipients(email).map((recipient) => candidateOf('gmail', { recipient, diagnostic, cls }, NOTICE));
}

/**
 * Bounces written by Gmail and Google Workspace themselves (From
 * mailer-daemon@googlemail.com) when they carry no RFC 3464 part, or an empty one.
 */
export const gmail: Extractor = {
  id: 'gmail',
  // A Gmail bounce with a filled RFC 3464 part is read there: its fields say the same.
  matches: (email) =>
    /@(?:googlemail|gmail)\.com\b/i.test(email.from) &&
    email.deliveryStatus.every((body) => body.trim() === '') &&
    /Delivery to the following recipients? |^\*\* [A-Z][\w' ]{3,60} \*\*$/m.test(email.text.slice(0, 4000)),
  extract: (email) => {
    const lines = noticeLines(email);
    return lines.some((l) => LEGACY_START.test(l.trim())) ? legacy(email, lines) : current(email, lines);
  },
};
