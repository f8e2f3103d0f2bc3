import type { Candidate, Extractor, SmtpCommand } from '../types';
import { MAX_RECIPIENTS } from '../limits';
import { candidateOf, NOTICE, uniqueByRecipient } from './shared/candidates';
import { noticeLines } from './shared/notice-lines';
import { excludedAddresses, isRecipient } from './shared/recipients';

const START = 'Sorry, we were unable to deliver your message to the following address.';
const END = /^-{2,} ?Below this line is a copy of the message/;
// "<kijitora@example.jp>:" opens one recipient's paragraph.
const RECIPIENT_LINE = /^<([^\s<>]{1,64}@[^\s<>]{1,253})>:$/;
// "Remote host said: 550 5.2.2 … [RCPT_TO]": Yahoo names the command in brackets.
const COMMAND_TAG = /\[(RCPT_TO|MAIL_FROM|DATA|CONNECT|HELO|EHLO)\]/;

function commandOfTag(text: string): SmtpCommand | null {
  const tag = COMMAND_TAG.exec(text)?.[1];
  if (tag === 'RCPT_TO') return 'RCPT';
  if (tag === 'MAIL_FROM') return 'MAIL';
  if (tag === 'DATA' || tag === 'HELO' || tag === 'EHLO') return tag;
  if (tag === 'CONNECT') return 'CONN';
  return null;
}

/**
 * Yahoo! Mail (and AOL, now on the same servers) "Failure Notice":
 *
 *   Sorry, we were unable to deliver your message to the following address.
 *
 *   <kijitora@example.jp>:
 *   Remote host said: 550 5.2.2 <kijitora@example.jp>... Mailbox Full [RCPT_TO]
 *
 *   --- Below this line is a copy of the message.
 */
export const yahoo: Extractor = {
  id: 'yahoo',
  matches: (email) => email.text.includes(START),
  extract: (email) => {
    const excluded = excludedAddresses(email);
    const found: { recipient: string; lines: string[] }[] = [];
    let started = false;
    for (const raw of noticeLines(email)) {
      const line = raw.trim();
      if (!started) {
        started = line === START;
        continue;
      }
      if (END.test(line)) break;
      const m = RECIPIENT_LINE.exec(line);
      if (m?.[1] !== undefined && isRecipient(m[1], excluded)) {
        if (found.length >= MAX_RECIPIENTS) break;
        found.push({ recipient: m[1], lines: [] });
      } else if (line !== '') {
        found[found.length - 1]?.lines.push(line);
      }
    }
    const out: Candidate[] = found.map(({ recipient, lines }) => {
      // "Remote host said:" is Yahoo's label, not the server's words.
      const text = lines.join(' ').replace(/^Remote host said:\s?/, '');
      return candidateOf('yahoo', {
        recipient,
        diagnostic: text,
        cls: '5',
        command: commandOfTag(text),
      }, NOTICE);
    });
    return uniqueByRecipient(out);
  },
};
