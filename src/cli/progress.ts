// The progress line on stderr during a long batch.
import type { CliStderr } from './io';

// Drawn only after this long, then at most this often.
const PROGRESS_AFTER_MS = 500;
const PROGRESS_EVERY_MS = 200;

/** The stderr progress line: only on a terminal, never in a pipe or a log file. */
export class Progress {
  private shown = false;
  private last = 0;
  private readonly start = Date.now();
  messages = 0;
  errors = 0;

  constructor(
    private readonly stderr: CliStderr,
    private readonly enabled: boolean,
  ) {}

  tick(): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.start < PROGRESS_AFTER_MS || now - this.last < PROGRESS_EVERY_MS) return;
    this.last = now;
    const rate = Math.round(this.messages / ((now - this.start) / 1000));
    const errors = this.errors > 0 ? `, ${this.errors} unreadable` : '';
    this.stderr.write(`\r\u001b[Kwhybounce: ${this.messages.toLocaleString('en')} messages (${rate.toLocaleString('en')}/s)${errors}`);
    this.shown = true;
  }

  clear(): void {
    if (this.shown) this.stderr.write('\r\u001b[K');
    this.shown = false;
  }
}
