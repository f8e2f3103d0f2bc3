import type { Extractor, SmtpCommand } from '../types';
import { blockCandidates, blocksAfter } from './shared/address-blocks';
import { mergeWithDsn } from './shared/dsn-merge';
import { findLine, mtaNoticeLines } from './shared/notice-lines';

// Postfix's notice (bounce(8)), usually followed by an RFC 3464 part:
//
//   This is the mail system at host mx.example.net.
//   I'm sorry to have to inform you that your message could not
//   be delivered to one or more recipients. …
//
//                      The mail system
//
//   <kijitora@example.org>: host mx.example.org[192.0.2.2] said: 550 5.1.1
//       <kijitora@example.org>: Recipient address rejected: User unknown (in
//       reply to RCPT TO command)
//
// Older versions start "This is the Postfix program at host …". The text says
// which SMTP command the error answered, which the RFC 3464 part does not; a
// notice without the RFC 3464 part has only the text.

// "This is the mail system at host mx.example.net." / "This is the Postfix program at host …"
const INTRO = /^This is the (?:mail system|Postfix program) at host /i;
// The returned message or its headers follow the list when they are inlined.
const END = /^-{2,} ?(?:Undelivered Message|The original message|Original message|Delivery report)/i;
// "####### THIS IS A WARNING ONLY.  YOU DO NOT NEED TO RESEND YOUR MESSAGE. #######"
const WARNING = 'THIS IS A WARNING ONLY';
// "Final-Recipient: rfc822; kijitora@example.org" at a line start.
const DSN_IN_TEXT = /^(?:Reporting-MTA|Final-Recipient)[ \t]*:/im;

// "connect to mx.example.org[192.0.2.2]: server refused to talk to me: 421 …":
// the server refused the connection at its greeting, before any command.
function greetingRefused(text: string): SmtpCommand | null {
  return /refused to talk to me/i.test(text) ? 'CONN' : null;
}

export const postfix: Extractor = {
  id: 'postfix',
  matches: (email) => findLine(mtaNoticeLines(email).slice(0, 40), INTRO) !== -1,
  extract: (email) => {
    // DSN fields pasted into the text (no MIME part): the RFC 3464 reader reads them.
    if (email.deliveryStatus.length === 0 && DSN_IN_TEXT.test(email.text)) return [];
    const cls = email.text.slice(0, 4000).includes(WARNING) ? '4' : '5';
    const found = blockCandidates(blocksAfter(email, INTRO, END), 'postfix', cls, greetingRefused);
    // The RFC 3464 part's Diagnostic-Code is the same reply; the text only adds
    // the command ("in reply to RCPT TO command"), which the merge keeps.
    return mergeWithDsn(email, found, 'postfix', (dsn) => dsn.diagnostic === '');
  },
};
