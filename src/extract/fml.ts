import type { Extractor } from '../types';
import { header } from '../email/parse-email';
import { findAddresses } from '../text/addresses';
import { MAX_REASON_LINES } from '../limits';
import { splitLines } from '../text/lines';
import { candidateOf, MTA_LIST } from './shared/candidates';
import { fromAddress } from './shared/writer';

// fml, a Japanese mailing-list manager, refuses a post with a notice from the
// list's -admin address (X-MLServer: fml [fml 4.0.3 release …]):
//
//   Subject: Loop Alert: Duplicated Message-ID (neko ML)
//
//   Duplicated Message-ID in <neko@example.org>.
//
//   Subject: You kijitora@example.org are not member (neko ML)
//
//   You are not a member of this mailing list <neko@example.org>.
//
// The first paragraph says why; the list address it names is what refused the post.

// "fml [fml 4.0.3 release (20011202/4.0.3)]"
const X_MLSERVER = /^fml \[fml\b/i;
// "(neko ML)" closing the subject, sent by "<list>-admin@".
const SUBJECT = /\([\w.-]{1,100} ML\)$/;

export const fml: Extractor = {
  id: 'fml',
  matches: (email) =>
    X_MLSERVER.test(header(email, 'x-mlserver').trim()) ||
    (SUBJECT.test(email.subject.trim()) && fromAddress(email).includes('-admin@')),
  extract: (email) => {
    const paragraph = email.text.trimStart().split(/\n[ \t]*\n/, 1)[0] ?? '';
    const diagnostic = splitLines(paragraph, MAX_REASON_LINES).map((l) => l.trim()).join(' ').trim();
    if (diagnostic === '') return [];
    const recipient = findAddresses(diagnostic)[0] ?? null;
    return [candidateOf('fml', { recipient, diagnostic, cls: '5' }, MTA_LIST)];
  },
};
