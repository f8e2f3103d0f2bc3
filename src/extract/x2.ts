import type { Extractor } from '../types';
import { blockCandidates, blocksAfter } from './shared/address-blocks';

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

export const x2: Extractor = {
  id: 'x2',
  matches: (email) => /^Message from +\S{1,255}\nUnable to deliver message to the following address\(es\)/im.test(email.text.slice(0, 2000)),
  extract: (email) => blockCandidates(blocksAfter(email, LIST_START, END), 'x2', '5'),
};
