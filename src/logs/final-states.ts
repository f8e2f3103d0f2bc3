// For --summary on a log: one message is tried many times, so a recipient's
// deferrals are not N failures. Each (queue id, recipient) keeps its last
// state; a later delivery or bounce replaces a deferral. Lines are counted too.
import type { LogRecord } from './types';
import { MAX_TRACKED_RECIPIENTS } from '../limits';

export type FinalState = 'bounced' | 'deferred' | 'delivered';


export interface FinalStateCounts {
  /** Records seen, whatever their state. */
  lines: number;
  bounced: number;
  deferred: number;
  delivered: number;
  /** Records that could not be tracked (no recipient, or the table was full). */
  untracked: number;
}

// The first reply code of a text (a class digit then two digits, alone).
const REPLY_CODE = /(?:^|[^\d.])([245])\d\d(?![\d.])/;

function stateOf(record: LogRecord): FinalState | null {
  if (record.action === 'failed') return 'bounced';
  if (record.action === 'delayed') return 'deferred';
  if (record.action === 'delivered') return 'delivered';
  // A line that states no outcome (a bare "550 5.1.1 …" line): its code's class says it.
  const digit = record.status?.charAt(0) ?? REPLY_CODE.exec(record.text)?.[1];
  if (digit === '5') return 'bounced';
  if (digit === '4') return 'deferred';
  if (digit === '2') return 'delivered';
  return null;
}

/** Counts recipients by their last state. */
export class FinalStates {
  private readonly states = new Map<string, FinalState>();
  private lines = 0;
  private untracked = 0;

  add(record: LogRecord): void {
    this.lines++;
    const state = stateOf(record);
    if (state === null || record.recipient === null) {
      this.untracked++;
      return;
    }
    // Without a queue id (an SMTP-time reject, an ESP event) the recipient alone is the key.
    // A string of its own (the leading space sliced off): slices of the log line would keep the whole line alive.
    const key = ` ${record.queueId ?? ''}\u0000${record.recipient.toLowerCase()}`.slice(1);
    if (!this.states.has(key) && this.states.size >= MAX_TRACKED_RECIPIENTS) {
      this.untracked++;
      return;
    }
    // A final state is not undone by a deferral logged after it (log lines from parallel processes).
    const before = this.states.get(key);
    if (before !== undefined && before !== 'deferred' && state === 'deferred') return;
    this.states.set(key, state);
  }

  counts(): FinalStateCounts {
    const out: FinalStateCounts = { lines: this.lines, bounced: 0, deferred: 0, delivered: 0, untracked: this.untracked };
    for (const state of this.states.values()) out[state]++;
    return out;
  }
}
