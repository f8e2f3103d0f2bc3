import type { BounceEmail, Candidate, Extractor } from '../types';
import { recipientsOfTranscript, talkBlocks, verdictFor } from './shared/sendmail-transcript';
import { transcriptLines } from './sendmail';
import { toSmtpCommand } from '../smtp/commands';
import { candidateOf, MTA_LIST, uniqueByRecipient } from './shared/candidates';
import { mtaNoticeLines } from './shared/notice-lines';
import { excludedAddresses, isRecipient } from './shared/recipients';

// Old sendmail (V5, and V8 without DSN support) returns only the transcript,
// with no recipient list and no DSN part:
//
//   ----- Transcript of session follows -----
//   While talking to mail.example.org:
//   >>> RCPT To:<kijitora@example.org>
//   <<< 550 Requested User Mailbox not found
//   550 <kijitora@example.org>... User unknown
//
// Every "NNN <address>... text" line is one failed recipient.

function readV5(email: BounceEmail): Candidate[] {
  const blocks = talkBlocks(transcriptLines(mtaNoticeLines(email)));
  const notMine = excludedAddresses(email);
  const recipients = recipientsOfTranscript(blocks).filter((a) => isRecipient(a, notMine));
  return uniqueByRecipient(
    recipients.map((recipient) => {
      const v = verdictFor(blocks, recipient);
      return candidateOf('v5sendmail', { recipient, diagnostic: v.diagnostic ?? '', command: toSmtpCommand(v.command), remoteMta: v.host }, MTA_LIST);
    }),
  );
}

export const v5sendmail: Extractor = {
  id: 'v5sendmail',
  // The transcript alone: no "following addresses had … errors" list, no DSN.
  matches: (email) => {
    if (email.deliveryStatus.length > 0) return false;
    const head = email.text.slice(0, 20000);
    return /-- ?Transcript of session follows ?--/i.test(head) && !/-- ?The following addresses? (?:had|has) /i.test(head);
  },
  extract: readV5,
};
