import type { Candidate, Extractor } from '../types';
import { findAddresses } from '../text/addresses';
import { toSmtpCommand } from '../smtp/commands';
import { MAX_RECIPIENTS } from '../limits';
import { candidateOf, MTA_LIST, uniqueByRecipient } from './shared/candidates';
import { findLine, mtaNoticeLines } from './shared/notice-lines';

// The format id "x6" is part of the output (the JSON "format", --why, fixture
// names): it is kept as it was, for compatibility, though the file is named for what it reads.
const FORMAT = 'x6';

// An anonymous filtering gateway's notice (subject "There was an error sending
// your mail"), one line per failed recipient:
//
//   We had trouble delivering your message. Full details follow:
//
//   1 error(s):
//
//   SMTP Server <mx.example.org> rejected recipient <kijitora@example.org>
//   (Error following RCPT command). It responded as follows: [550 5.1.1 User unknown]
//
//   The following recipients returned permanent errors: kijitora@example.org.
//   Reason: SMTP Server <192.0.2.1> refused to accept your message (DATA), with
//   the following error message: [554 5.4.6 Hop count exceeded - possible mail loop]
//
// (each entry is one long line in the notice).

const INTRO = /^We had trouble delivering your message\. Full details follow:$/m;
// "1 error(s):"
const LIST_START = /^\d{1,4} error\(s\):$/;
const END = /^The attachment contains the original mail headers/i;
// "SMTP Server <host> rejected recipient <address> (Error following RCPT command). It responded as follows: [reply]"
const REJECTED = /^SMTP Server <([^<>\s]{1,255})> rejected recipient <([^<>\s]{1,300})> \(Error following ([A-Z]{4}) command\)\. It responded as follows: (.{1,2000})$/;
// "The following recipients returned permanent errors: address. Reason: text"
const RETURNED = /^The following recipients returned (permanent|temporary) errors: (\S{1,300}) Reason: (.{1,2000})$/;
// "… refused to accept your message (DATA), with the following error message: [reply]"
const SERVER = /^SMTP Server <([^<>\s]{1,255})> refused to accept your message \(([A-Z]{4})\)/;

/** The remote reply the notice quotes in square brackets, else the whole text. */
function quotedReply(text: string): string {
  const at = text.lastIndexOf('[');
  return at === -1 ? text : text.slice(at + 1).replace(/\]\s*$/, '');
}

function entryOf(line: string): Candidate | null {
  const rejected = REJECTED.exec(line);
  if (rejected !== null) {
    return candidateOf(FORMAT, {
        recipient: findAddresses(rejected[2] ?? '')[0] ?? null,
        diagnostic: quotedReply(rejected[4] ?? ''),
        cls: '5',
        command: toSmtpCommand(rejected[3]),
        remoteMta: rejected[1] ?? null,
      }, MTA_LIST);
  }
  const returned = RETURNED.exec(line);
  if (returned === null) return null;
  const reason = returned[3] ?? '';
  const server = SERVER.exec(reason);
  return candidateOf(FORMAT, {
      recipient: findAddresses(returned[2] ?? '')[0] ?? null,
      diagnostic: quotedReply(reason),
      cls: /temporary/i.test(returned[1] ?? '') ? '4' : '5',
      command: toSmtpCommand(server?.[2]),
      remoteMta: server?.[1] ?? null,
    }, MTA_LIST);
}

export const troubleDeliveringNotice: Extractor = {
  id: FORMAT,
  matches: (email) => INTRO.test(email.text.slice(0, 2000)),
  extract: (email) => {
    const lines = mtaNoticeLines(email);
    const at = findLine(lines, LIST_START);
    if (at === -1) return [];
    const found: Candidate[] = [];
    for (let i = at + 1; i < lines.length && found.length < MAX_RECIPIENTS; i++) {
      const line = (lines[i] ?? '').trim();
      if (END.test(line)) break;
      const entry = line === '' ? null : entryOf(line);
      if (entry !== null) found.push(entry);
    }
    return uniqueByRecipient(found);
  },
};
