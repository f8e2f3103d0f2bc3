import type { Candidate, Extractor, SmtpCommand } from '../types';
import { MAX_REASON_LINES, MAX_RECIPIENTS } from '../limits';
import { candidateOf, MTA_LIST, uniqueByRecipient } from './shared/candidates';
import { commandOf } from '../smtp/commands';
import { mergeWithDsn } from './shared/dsn-merge';
import { findLine, mtaNoticeLines } from './shared/notice-lines';
import { excludedAddresses, isRecipient } from './shared/recipients';

// The Courier mail server's notice, above an RFC 3464 part:
//
//   This is a delivery status notification from mx.example.org,
//   running the Courier mail server, version 1.1.
//   …
//                              UNDELIVERABLE MAIL
//
//   Your message to the following recipients cannot be delivered:
//
//   <user@example.net>:
//       mx.example.net [192.0.2.25]:
//   >>> RCPT TO:<user@example.net>
//   <<< 550 5.1.1 <user@example.net>... User unknown
//
//   -------------------------------------------------------------------------
//
// The ">>>" line is the command Courier sent, the "<<<" lines the reply; an
// error found before any connection ("No such domain.") has only a "<<<" line.

// "running the Courier mail server, version 1.1." names the writer.
const WRITER = /running the Courier mail server/i;
// "Your message to the following recipients cannot be delivered:" (failure) or
// "… has not been delivered yet:"-style delay lists: the list follows the colon.
const START = /^Your message to the following recipients? (?:cannot|could not|has not|have not)\b/i;
// A row of dashes closes the list.
const END = /^-{10,}$/;
// "<user@example.net>:" opens a recipient.
const RECIPIENT = /^<([^\s<>@]{1,64}@[^\s<>]{1,253})>:$/;
// "    mx.example.net [192.0.2.25]:" names the server that answered.
const HOST = /^([a-z0-9][a-z0-9.-]{0,252}) \[[0-9a-f.:]{2,45}\]:$/i;
// ">>> RCPT TO:<user@example.net>" is the command sent; "<<< 550 …" the reply.
const SENT = /^>>> ?([a-z]{4,8})\b/i;
const REPLY = /^<<< ?(.{0,1000})$/;

interface Entry {
  recipient: string;
  host: string | null;
  command: SmtpCommand | null;
  reply: string[];
}

function readList(lines: readonly string[], at: number, skip: ReadonlySet<string>): Entry[] {
  const out: Entry[] = [];
  let current: Entry | null = null;
  for (let i = at + 1; i < lines.length && out.length <= MAX_RECIPIENTS; i++) {
    const line = (lines[i] ?? '').trim();
    if (END.test(line)) break;
    const rcpt = RECIPIENT.exec(line)?.[1];
    if (rcpt !== undefined && isRecipient(rcpt, skip)) {
      current = { recipient: rcpt, host: null, command: null, reply: [] };
      out.push(current);
      continue;
    }
    if (current === null || current.reply.length >= MAX_REASON_LINES) continue;
    const host = HOST.exec(line)?.[1];
    const sent = SENT.exec(line)?.[1];
    const reply = REPLY.exec(line)?.[1];
    if (host !== undefined) current.host = host;
    // ">>> DATA": the reply answered the command Courier names.
    else if (sent !== undefined) current.command = commandOf(`in reply to ${sent}`);
    else if (reply !== undefined) current.reply.push(reply.trim());
  }
  return out;
}

export const courier: Extractor = {
  id: 'courier',
  matches: (email) => WRITER.test(email.text.slice(0, 2000)),
  extract: (email) => {
    const lines = mtaNoticeLines(email);
    const at = findLine(lines, START);
    if (at === -1) return [];
    const delayed = /\bDELAYED\b/.test(lines.slice(0, at).join('\n'));
    const found: Candidate[] = readList(lines, at, excludedAddresses(email)).map((e) =>
      candidateOf('courier', { recipient: e.recipient, diagnostic: e.reply.join(' '), cls: delayed ? '4' : '5', command: e.command, remoteMta: e.host }, MTA_LIST),
    );
    // The RFC 3464 part has the same reply; the text adds the command and the host.
    return uniqueByRecipient(mergeWithDsn(email, found, 'courier', (dsn) => dsn.diagnostic === ''));
  },
};
