import type { Extractor } from '../types';
import { headerValues } from './shared/report-fields';
import { mergeGatewayNotice, type NoticeEntry } from './shared/dsn-merge';
import { noticeLines } from './shared/notice-lines';
import { excludedAddresses, isRecipient, recipientIn } from './shared/recipients';

// Trend Micro InterScan Messaging Security Suite (InterScan MSS) writes no DSN,
// only a text part, in one of two shapes:
//
//   Sent <<< RCPT TO:<user@example.com>
//   Received >>> 550 5.1.1 <user@example.com>... user unknown
//
//   ****** Message from InterScan Messaging Security Suite ******
//   Unable to deliver message to <user@example.com> (and other recipients in the same domain).

// "InterScan MSS" / "InterScan Notification" in From, or the banner in the text.
const FROM = /\bInterScan\b/i;
const BANNER = 'Message from InterScan Messaging Security Suite';
// "Sent <<< RCPT TO:<user@example.com>" and "Sent <<< MAIL FROM:<sender@example.org>"
const SENT = /^Sent <<< (RCPT TO|MAIL FROM):[ \t]*<?([^<>\s]{0,254})>?/i;
// "Received >>> 550 5.1.1 …": the answer to the command above.
const RECEIVED = /^Received >>> (.{1,2000})$/i;
// "Unable to deliver message to <user@example.com> (and other recipients in the same domain)."
const UNABLE = /Unable to deliver message to <([^<>\s@]{1,64}@[^<>\s@]{1,253})>/i;

function readNotice(lines: readonly string[], excluded: ReadonlySet<string>, returnedTo: string | null): NoticeEntry[] {
  const out: NoticeEntry[] = [];
  let sent: { command: 'RCPT' | 'MAIL'; recipient: string | null } | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').trim();
    const s = SENT.exec(line);
    if (s !== null) {
      const isRcpt = (s[1] ?? '').toUpperCase() === 'RCPT TO';
      // A refused MAIL FROM names the sender; the recipient is the returned message's To.
      sent = { command: isRcpt ? 'RCPT' : 'MAIL', recipient: isRcpt ? recipientIn(s[2] ?? '', excluded) : returnedTo };
      continue;
    }
    const r = RECEIVED.exec(line);
    if (r?.[1] !== undefined && sent !== null) {
      out.push({ recipient: sent.recipient, diagnostic: r[1], command: sent.command });
      sent = null;
      continue;
    }
    const u = UNABLE.exec(line);
    if (u?.[1] !== undefined && isRecipient(u[1], excluded)) {
      // "Please check if address is correct." may follow on the same or the next line.
      const next = (lines[i + 1] ?? '').trim();
      const tail = line.includes('Please check') || next === '' || next.startsWith('*') ? '' : ` ${next}`;
      out.push({ recipient: u[1], diagnostic: `${line.replace(/^Reason:\s*/i, '')}${tail}` });
    }
  }
  return out;
}

export const interscanmss: Extractor = {
  id: 'interscanmss',
  matches: (email) => FROM.test(email.from) || email.text.slice(0, 4000).includes(BANNER),
  extract: (email) => {
    const excluded = excludedAddresses(email);
    const to = headerValues(email.originalHeaders ?? '', 'to').map((v) => recipientIn(v, excluded)).find((a) => a !== null) ?? null;
    return mergeGatewayNotice(email, readNotice(noticeLines(email), excluded, to), 'interscanmss');
  },
};
