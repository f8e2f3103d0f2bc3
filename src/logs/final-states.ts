// For --summary on a log: one message is tried many times, so a recipient's
// deferrals are not N failures. Each (queue id, recipient) keeps its last
// state; a later delivery or bounce replaces a deferral. Lines are counted too.
//
// Memory: the table holds only the queue ids still in play. When the log says
// that a queue id is done (Postfix's qmgr "QUEUEID: removed", passed in by
// `finishQueue`), the states of its recipients are final: they are added to
// running counts and the queue id's entries are dropped, so a log of any
// length that logs its removals needs a table no larger than its busiest
// moment. A queue id that shows up again after its removal (short Postfix ids
// are reused) is a new message. Without removals (a grep of the log, another
// server's format) the table is bounded by MAX_TRACKED_RECIPIENTS.
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

/**
 * A string of its own (the leading space sliced off): slices of the log line
 * would keep the whole line alive as long as the table holds them.
 */
function ownCopy(text: string): string {
  return ` ${text}`.slice(1);
}

/** Counts recipients by their last state. */
export class FinalStates {
  /** Queue id ("" for records without one: an SMTP-time reject, an ESP event) → lower-cased recipient → state. */
  private readonly queues = new Map<string, Map<string, FinalState>>();
  /** Entries in `queues`, all queue ids together. */
  private tracked = 0;
  /** The states of the queue ids already finished. */
  private readonly settled = { bounced: 0, deferred: 0, delivered: 0 };
  private lines = 0;
  private untracked = 0;

  add(record: LogRecord): void {
    this.lines++;
    const state = stateOf(record);
    if (state === null || record.recipient === null) {
      this.untracked++;
      return;
    }
    const queueId = record.queueId ?? '';
    const recipient = record.recipient.toLowerCase();
    let states = this.queues.get(queueId);
    const before = states?.get(recipient);
    if (before === undefined) {
      if (this.tracked >= MAX_TRACKED_RECIPIENTS) {
        this.untracked++;
        return;
      }
      if (states === undefined) {
        states = new Map();
        this.queues.set(ownCopy(queueId), states);
      }
      states.set(ownCopy(recipient), state);
      this.tracked++;
      return;
    }
    // A final state is not undone by a deferral logged after it (log lines from parallel processes).
    if (before !== 'deferred' && state === 'deferred') return;
    states?.set(recipient, state);
  }

  /** The log says this queue id is done: its recipients' states are final, and leave the table. */
  finishQueue(queueId: string): void {
    const states = this.queues.get(queueId);
    if (states === undefined) return;
    for (const state of states.values()) this.settled[state]++;
    this.tracked -= states.size;
    this.queues.delete(queueId);
  }

  counts(): FinalStateCounts {
    const out: FinalStateCounts = { lines: this.lines, ...this.settled, untracked: this.untracked };
    for (const states of this.queues.values()) for (const state of states.values()) out[state]++;
    return out;
  }
}
