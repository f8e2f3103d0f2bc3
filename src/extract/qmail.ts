import type { Extractor, SmtpCommand } from '../types';
import { blockCandidates, blocksAfter } from './shared/address-blocks';
import { mergeWithDsn } from './shared/dsn-merge';

// qmail-send's notice (and netqmail's, vpopmail's, and clones that copy it):
//
//   Hi. This is the qmail-send program at mx.example.net.
//   I'm afraid I wasn't able to deliver your message to the following addresses.
//   This is a permanent error; I've given up. Sorry it didn't work out.
//
//   <kijitora@example.org>:
//   192.0.2.1 does not like recipient.
//   Remote host said: 550 5.1.1 <kijitora@example.org>... User unknown
//   Giving up on 192.0.2.1.
//
//   --- Below this line is a copy of the message.
//
// qmail-send only writes this notice when it has given up, so every entry is
// a permanent failure even when the remote reply had no code.

// "Hi. This is the qmail-send program at …" and the intro of the clones:
// "Your mail message to the following address(es) could not be delivered."
const INTRO = /(?:This is the qmail-send program at |wasn't able to deliver your message to the following address|Your mail message to the following address\(es\) could not be delivered)/i;
// "--- Below this line is a copy of the message." / "--- Enclosed is a copy of the message."
const END = /^-{2,} ?(?:Below this line is a copy of the message|Enclosed is a copy of the message|Original message follows)/i;

/** The SMTP command qmail's own wording says the error answered. */
function commandOf(text: string): SmtpCommand | null {
  // "192.0.2.1 does not like recipient."
  if (/does not like recipient/i.test(text)) return 'RCPT';
  // "Connected to 192.0.2.1 but sender was rejected."
  if (/but sender was rejected/i.test(text)) return 'MAIL';
  // "Connected to 192.0.2.1 but my name was rejected."
  if (/but my name was rejected/i.test(text)) return 'HELO';
  // "192.0.2.1 failed after I sent the message."
  if (/failed after I sent the message|failed on DATA command/i.test(text)) return 'DATA';
  // "Connected to 192.0.2.1 but greeting failed."
  if (/but greeting failed/i.test(text)) return 'CONN';
  // "Sorry, no SMTP connection got far enough; most progress was RCPT TO response; …"
  const progress = /most progress was (RCPT TO|MAIL FROM|DATA|EHLO|HELO)\b/i.exec(text)?.[1]?.toUpperCase();
  if (progress === 'RCPT TO') return 'RCPT';
  if (progress === 'MAIL FROM') return 'MAIL';
  if (progress === 'DATA' || progress === 'EHLO' || progress === 'HELO') return progress;
  return null;
}

// "192.0.2.1 does not like recipient." / "Connected to 192.0.2.1 but …" / "Giving up on 192.0.2.1."
const REMOTE_IP = /(?:^|Connected to |Giving up on )(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})\b/;

export const qmail: Extractor = {
  id: 'qmail',
  matches: (email) => INTRO.test(email.text.slice(0, 4000)),
  extract: (email) => {
    // qmail names the remote server by its IP address only ("Remote host said:" is not a host).
    const found = blockCandidates(blocksAfter(email, INTRO, END), 'qmail', '5', commandOf).map((c) => ({
      ...c,
      remoteMta: REMOTE_IP.exec(c.diagnostic)?.[1] ?? null,
    }));
    return mergeWithDsn(email, found, 'qmail');
  },
};
