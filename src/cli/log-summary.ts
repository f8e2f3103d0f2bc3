// --summary over a mail log (issue 13): a message is tried many times, so the
// summary counts recipients by their final state (bounced, still deferred,
// delivered) besides the lines, and the lines skipped for holding no error.
import type { Summary } from '../render/summary';
import type { LogRecord } from '../logs/types';
import type { FinalStates } from '../logs/final-states';

export interface LogSummary {
  /** Every record read, before --only: a recipient's fate needs its deliveries too. */
  onRecord(record: LogRecord): void;
  /** A log line saying that a queue id is done with: its recipients' states are final. */
  onQueueDone(queueId: string): void;
  skippedLines: number;
  /** Puts the counts into the summary (once the input is read); nothing when no log was read. */
  finish(): void;
}

export function logSummaryOf(summary: Summary): LogSummary {
  let states: FinalStates | null = null;
  let texts = 0;
  const hook: LogSummary = {
    skippedLines: 0,
    onRecord: (record) => {
      if (states === null) {
        const { FinalStates: Table } = require('../logs/final-states') as typeof import('../logs/final-states');
        states = new Table();
      }
      states.add(record);
      texts++;
    },
    onQueueDone: (queueId) => {
      states?.finishQueue(queueId);
    },
    finish: () => {
      const table: FinalStates | null = states;
      if (table === null && hook.skippedLines === 0 && texts === 0) return;
      summary.log = {
        skippedLines: hook.skippedLines,
        recipients: table?.counts() ?? { lines: 0, bounced: 0, deferred: 0, delivered: 0, untracked: 0 },
      };
    },
  };
  return hook;
}
