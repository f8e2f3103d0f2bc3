import type { Extractor } from '../types';
import { blockCandidates, blocksAfter } from './shared/address-blocks';

// The format id "x2" is part of the output (the JSON "format", --why, fixture
// names): it is kept as it was, for compatibility, though the file is named for what it reads.
const FORMAT = 'x2';

// An anonymous qmail-derived MTA (a large webmail provider's) writes:
//
//   Message from example.com.
//   Unable to deliver message to the following address(es).
//
//   <kijitora@example.org>:
//   This user doesn't have a example.org account (kijitora@example.org) [0]
//
//   --- Original message follows.
//
// The notice is only sent once delivery was given up, so each entry is a
// permanent failure unless the reply itself carries a 4xx code.

// "Unable to deliver message to the following address(es)."
const LIST_START = /^Unable to deliver message to the following address\(es\)\.?$/i;
const END = /^-{2,} ?Original message follows/i;

export const unableToDeliverList: Extractor = {
  id: FORMAT,
  matches: (email) => /^Message from +\S{1,255}\nUnable to deliver message to the following address\(es\)/im.test(email.text.slice(0, 2000)),
  extract: (email) => blockCandidates(blocksAfter(email, LIST_START, END), FORMAT, '5'),
};
