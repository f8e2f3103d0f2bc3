// Checks that the parts of a reply agree with each other: the reply code with
// the enhanced code (IANA's "associated basic status code" column), and the words
// with the codes. Each warning says what disagrees and which one to trust.
import type { Evidence } from '../types';
import { isReplyCodeAssociated, lookupStatus } from '../smtp/status-codes';
import { reasonRule } from '../reasons';
import { foldSpaces } from '../text/fold-spaces';
import { MAX_CONSISTENCY_TEXT } from '../limits';
import { quote } from './evidence';

export interface ConsistencyInput {
  replyCode: number | null;
  status: string | null;
  text: string;
  /** The receiving provider documents this status code itself: its pairing with the reply code is its own business. */
  providerCode?: boolean;
}

export interface ConsistencyFinding {
  /** Stable id, for tests and scripts. */
  id: 'pair-not-associated' | 'full-under-unknown' | 'unknown-under-full' | 'temporary-under-permanent' | 'permanent-under-temporary';
  message: string;
  /** The words or codes that disagree. */
  input: string;
}

// Plain substrings on lower-cased text: no regex backtracking on hostile input.
// The words of a full mailbox and of an unknown user are those reasons' telltales.
const FULL_WORDS = reasonRule('mailboxfull').telltales ?? [];
const UNKNOWN_WORDS = reasonRule('userunknown').telltales ?? [];
const TEMPORARY_WORDS = ['temporary', 'temporarily', 'try again later', 'try later', 'retry later', 'please retry', 'transient'];
const PERMANENT_WORDS = ['permanent failure', 'permanent error', 'permanently', 'will not succeed', 'do not retry', "don't retry", 'will not be retried'];

function firstWord(text: string, words: readonly string[]): string | null {
  for (const w of words) if (text.includes(w)) return w;
  return null;
}

function classOf(input: ConsistencyInput): '4' | '5' | null {
  const digit = input.status?.charAt(0) ?? (input.replyCode === null ? null : String(input.replyCode).charAt(0));
  return digit === '4' || digit === '5' ? digit : null;
}

/** "451, 452 or 454": the codes with commas, "or" before the last (built without arrays: this runs per diagnosis). */
function orList(codes: readonly number[]): string {
  let out = '';
  codes.forEach((code, i) => {
    out += `${i === 0 ? '' : i === codes.length - 1 ? ' or ' : ', '}${code}`;
  });
  return out;
}

/** Every disagreement between the codes, and between the codes and the words. */
export function checkConsistency(input: ConsistencyInput): ConsistencyFinding[] {
  const out: ConsistencyFinding[] = [];
  const { replyCode, status } = input;
  const text = foldSpaces(input.text.slice(0, MAX_CONSISTENCY_TEXT).toLowerCase());

  // A class mismatch (450 with 5.1.1) is the line parser's warning; this one is about the detail.
  if (replyCode !== null && status !== null && input.providerCode !== true && status.startsWith(String(replyCode).charAt(0))) {
    if (isReplyCodeAssociated(status, replyCode) === false) {
      const list = orList(lookupStatus(status)?.detail?.replyCodes ?? []);
      out.push({
        id: 'pair-not-associated',
        input: `${replyCode} ${status}`,
        message: `${replyCode} with ${status} is not a pair the IANA registry lists (it pairs ${status} with ${list}); many servers send it anyway, and the enhanced code is the more precise of the two.`,
      });
    }
  }

  const detail = status?.slice(2) ?? null;
  if (detail === '1.1' || detail === '1.10') {
    const w = firstWord(text, FULL_WORDS);
    if (w !== null) {
      out.push({
        id: 'full-under-unknown',
        input: w,
        message: `The code ${status} says the address does not exist, but the text says "${w}": the mailbox may exist and just be full.`,
      });
    }
  }
  if (detail === '2.2') {
    const w = firstWord(text, UNKNOWN_WORDS);
    if (w !== null) {
      out.push({
        id: 'unknown-under-full',
        input: w,
        message: `The code ${status} says the mailbox is full, but the text says "${w}": the address may not exist at all.`,
      });
    }
  }

  const cls = classOf(input);
  if (cls === '5') {
    const w = firstWord(text, TEMPORARY_WORDS);
    if (w !== null && firstWord(text, PERMANENT_WORDS) === null) {
      out.push({
        id: 'temporary-under-permanent',
        input: w,
        message: `The code is a permanent failure (5), but the text says "${w}": the server may accept the same message later.`,
      });
    }
  } else if (cls === '4') {
    const w = firstWord(text, PERMANENT_WORDS);
    if (w !== null) {
      out.push({
        id: 'permanent-under-temporary',
        input: w,
        message: `The code is a temporary failure (4), but the text says "${w}": retrying may not help.`,
      });
    }
  }
  return out;
}

/** The consistency step of a diagnosis: each disagreement becomes a warning, with its evidence. */
export function consistencyWarnings(input: ConsistencyInput, source: string): { warnings: string[]; evidence: Evidence[] } {
  const warnings: string[] = [];
  const evidence: Evidence[] = [];
  for (const f of checkConsistency(input)) {
    warnings.push(f.message);
    evidence.push({ about: 'warning', source, input: quote(f.input), note: f.id });
  }
  return { warnings, evidence };
}
