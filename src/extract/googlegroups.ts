import type { Extractor } from '../types';
import { oneLine } from '../text/fold-spaces';
import { noticeLines } from './shared/notice-lines';
import { fallbackRecipients } from './shared/recipients';

// Google Groups refuses a post with a notice in the poster's language that
// always ends with the help link and the signature "Google Groups":
//   "If you have questions related to this or any other Google group, visit
//    the Help Centre at https://groups.google.com/support/.
//    Thanks,
//    Google Groups"
// The group address is in X-Failed-Recipients. The reply is not an SMTP one:
// the group (missing, or closed to the sender) rejected the post.
const HELP_LINK = 'https://groups.google.com/support/';

export const googlegroups: Extractor = {
  id: 'googlegroups',
  matches: (email) =>
    /@(?:googlemail|gmail|google)\.com\b/i.test(email.from) &&
    email.text.includes(HELP_LINK) &&
    /^Google Groups\.?[ \t]*$/m.test(email.text),
  extract: (email) => {
    // The notice's first paragraph after the greeting says why, in its own language.
    const paragraphs = noticeLines(email).join('\n').split(/\n[ \t]*\n/, 20);
    const why = paragraphs.find((p, i) => i > 0 && p.trim() !== '') ?? paragraphs[0] ?? '';
    return fallbackRecipients(email).map((recipient) => ({
      recipient,
      action: 'failed' as const,
      statusField: null,
      statedStatus: '5.0.0',
      diagnostic: oneLine(why),
      remoteMta: null,
      command: null,
      format: 'googlegroups',
      reason: 'rejected' as const,
    }));
  },
};
