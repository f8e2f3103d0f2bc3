import type { Extractor } from '../types';
import { findAddresses } from '../text/addresses';
import { MAX_RECIPIENTS } from '../limits';
import { candidateOf, MTA_LIST, uniqueByRecipient } from './shared/candidates';
import { findLine, mtaNoticeLines } from './shared/notice-lines';

// The format id "x1" is part of the output (the JSON "format", --why, fixture
// names): it is kept as it was, for compatibility, though the file is named for what it reads.
const FORMAT = 'x1';

// An anonymous MTA (its Received lines name "Mail2000") writes one line per
// failed recipient, the reason in square brackets:
//
//   The original message was received at Thu, 29 Apr 2026 23:34:45 +0900 (JST)
//   from sender@example.com
//
//   ---The following addresses had delivery errors---
//
//   kijitora@example.org [User unknown]
//
// It reports only failures it has given up on: each is permanent.

const LIST_START = /^-{3}The following addresses had delivery errors-{3}$/i;
// "kijitora@example.org [User unknown]"; the address has no spaces or brackets.
const ENTRY = /^([^\s[\]@]{1,300}@[^\s[\]]{1,300}) \[([^\]]{1,1000})\]$/;

export const bracketedReasonList: Extractor = {
  id: FORMAT,
  matches: (email) => /^-{3}The following addresses had delivery errors-{3}$/im.test(email.text.slice(0, 20000)),
  extract: (email) => {
    const lines = mtaNoticeLines(email);
    const at = findLine(lines, LIST_START);
    if (at === -1) return [];
    const found = [];
    for (let i = at + 1; i < lines.length && found.length < MAX_RECIPIENTS; i++) {
      const line = (lines[i] ?? '').trim();
      if (line === '') continue;
      const m = ENTRY.exec(line);
      if (m === null) break;
      const recipient = findAddresses(m[1] ?? '')[0] ?? null;
      found.push(candidateOf(FORMAT, { recipient, diagnostic: m[2] ?? '', cls: '5' }, MTA_LIST));
    }
    return uniqueByRecipient(found);
  },
};
