import type { Extractor } from '../types';
import { header } from '../email/parse-email';
import { mergeGatewayNotice, type NoticeEntry } from './shared/dsn-merge';
import { noticeLines } from './shared/notice-lines';
import { excludedAddresses, isRecipient } from './shared/recipients';

// SurfControl E-mail Filter (later Websense) sends "X-Mailer: SurfControl
// E-mail Filter", a transcript of its attempts and an RFC 3464 part:
//
//   Your message could not be sent.
//   A transcript of the attempts to send the message follows.
//   The number of attempts made: 1
//   Addressed To: user@example.com
//
//   Thu 29 Apr 2010 23:34:45 +0900
//   Failed to send to identified host,
//   user@example.com: [192.0.2.5], 550 user@example.com... No such user
//   --- Message non-deliverable.

// "user@example.com: [192.0.2.5], 550 …": the recipient, the host that answered, its reply.
const ATTEMPT = /^([^\s:<>@]{1,64}@[^\s:<>@]{1,253}):[ \t]*\[([^\]\s]{1,100})\],[ \t]*(.{1,2000})$/;

function readNotice(lines: readonly string[], excluded: ReadonlySet<string>): NoticeEntry[] {
  const out: NoticeEntry[] = [];
  for (const raw of lines) {
    const m = ATTEMPT.exec(raw.trim());
    if (m?.[1] === undefined || !isRecipient(m[1], excluded)) continue;
    // A later attempt for the same recipient says more about the final outcome.
    const entry: NoticeEntry = { recipient: m[1], diagnostic: m[3] ?? '', remoteMta: m[2] ?? null };
    const at = out.findIndex((e) => e.recipient?.toLowerCase() === m[1]?.toLowerCase());
    if (at === -1) out.push(entry);
    else out[at] = entry;
  }
  return out;
}

export const surfcontrol: Extractor = {
  id: 'surfcontrol',
  matches: (email) => /^SurfControl\b/i.test(header(email, 'x-mailer')),
  extract: (email) => mergeGatewayNotice(email, readNotice(noticeLines(email), excludedAddresses(email)), 'surfcontrol'),
};
