// A diagnosing run: every input read, diagnosed and written in order, with the
// summary, the progress line and the exit code.
import { Chalk } from 'chalk';
import { isFolderArgument, readInputBatches } from '../input/read-input';
import { addErrorToSummary, addToSummary, createSummary, renderSummaryText, summaryRecord } from '../render/summary';
import { escapeJsonText, sanitizeInline } from '../render/sanitize';
import type { CliIo } from './io';
import type { Output } from './output';
import { Progress } from './progress';
import { colorLevel } from './color';
import { chooseSink } from './sinks';
import { filterDiagnoses } from './only';
import { checkOptions, type Options } from './options';
import { diagnoseItem, diagnoseItemSync, type ItemOptions, type Outcome } from './diagnose-item';
import { readTextItem } from './text-input';
import { logSummaryOf } from './log-summary';
import { EXIT_DIAGNOSED, EXIT_NOTHING, EXIT_TROUBLE } from './exit-codes';

/** An email this big is worth tuning V8 for even when it is the only one (see io.tuneForBatch). */
const BIG_EMAIL_BYTES = 1024 * 1024;

/** What one call of main() writes through. */
export interface Session {
  io: CliIo;
  output: Output;
  /** The progress line of the run under way (a disabled one before it starts). */
  progress: Progress;
}

/** A note on stderr, after what stdout has gathered (so `2>&1` keeps the order) and over the progress line. */
export function warn(session: Session, name: string, message: string): void {
  session.output.flush();
  session.progress.clear();
  session.io.stderr.write(`whybounce: ${sanitizeInline(name)}: ${sanitizeInline(message)}\n`);
}

export async function run(inputs: string[], opts: Options, session: Session): Promise<number> {
  const { io, output } = session;
  const only = checkOptions(opts);
  const args = inputs.length === 0 ? ['-'] : inputs;
  const chalk = new Chalk({ level: colorLevel(opts.color, io.env, io.detectColor()) });
  // --json's top-level type follows the arguments: one object for one file, string or stdin.
  const sink = chooseSink(opts, chalk, args.length > 1, args.length === 1 && !(opts.json === true && isFolderArgument(args[0] ?? '')));
  const summary = opts.summary === true ? createSummary() : null;
  const logSummary = summary === null ? null : logSummaryOf(summary);
  const textMode = opts.json !== true && opts.ndjson !== true && opts.csv !== true && opts.summary !== true;
  const reader = io.env.WHYBOUNCE_READER === 'mailparser' ? 'mailparser' : 'auto';
  const itemOptions: ItemOptions = opts.header === undefined ? { reader } : { reader, headers: opts.header };
  // Progress goes with output that is not on the same terminal (a file, a pipe, a summary).
  const progress = new Progress(
    io.stderr,
    io.stderr.kind() === 'terminal' && opts.quiet !== true && (opts.summary === true || io.stdout.kind() !== 'terminal'),
  );
  session.progress = progress;
  // Set inside emit(): an object, so that the checks after the loop see the updates.
  const seen = { diagnosed: false, trouble: false };
  const exitCode = (): number => (seen.trouble ? EXIT_TROUBLE : seen.diagnosed ? EXIT_DIAGNOSED : EXIT_NOTHING);
  io.exitCodeSoFar?.(EXIT_NOTHING);

  // Not async: returns a promise only when output must wait for 'drain'.
  const emit = (outcome: Outcome): Promise<void> | undefined => {
    if ('skipped' in outcome) {
      if (opts.quiet !== true) warn(session, outcome.skipped.name, `skipped: ${outcome.skipped.reason}`);
      return undefined;
    }
    progress.messages++;
    if ('error' in outcome) {
      if (!seen.trouble) {
        seen.trouble = true;
        io.exitCodeSoFar?.(EXIT_TROUBLE);
      }
      progress.errors++;
      warn(session, outcome.error.input, outcome.error.error);
      if (summary !== null) addErrorToSummary(summary);
      return output.write(sink.error(outcome.error));
    }
    const result = only === null ? outcome.ok : filterDiagnoses(outcome.ok, only);
    progress.tick();
    if (result === null) {
      return sink.keepsUnmatched === true ? output.write(sink.result({ ...outcome.ok, diagnoses: [] }, outcome.source)) : undefined;
    }
    if (result.diagnoses.length > 0 && !seen.diagnosed) {
      seen.diagnosed = true;
      io.exitCodeSoFar?.(exitCode());
    }
    if (summary !== null) addToSummary(summary, result);
    const text = sink.result(result, outcome.source);
    progress.clear();
    return output.write(text);
  };

  await output.write(sink.begin());
  // One message at a time: each result is written as soon as it is known. A
  // batch is the messages one 256 KB chunk of an mbox completes (or one message,
  // ≤ MAX_MESSAGE_BYTES), so little is held however big the mbox.
  let emails = 0;
  for await (const batch of readInputBatches(args, { stdin: () => io.stdin.read() })) {
    for (const item of batch) {
      if (item.kind === 'text') {
        // A log, error lines or ESP events: one record per error line, as each line comes.
        const counts = await readTextItem(item, {
          emit,
          onRecord: logSummary?.onRecord.bind(logSummary),
          onQueueDone: logSummary?.onQueueDone.bind(logSummary),
          now: io.now?.(),
        });
        if (logSummary !== null) logSummary.skippedLines += counts.skipped;
        if (counts.skipped > 0 && textMode && opts.quiet !== true) {
          warn(session, item.name, `${counts.skipped} ${counts.skipped === 1 ? 'line' : 'lines'} without an SMTP error skipped`);
        }
        continue;
      }
      // From the second email on, or for one big email: its young generation
      // grown to full size held ~30 MB more at the peak (process-io.ts).
      if (item.kind === 'data' && (++emails === 2 || item.data.length > BIG_EMAIL_BYTES)) io.tuneForBatch?.();
      const waiting = emit(diagnoseItemSync(item, itemOptions) ?? (await diagnoseItem(item, itemOptions)));
      if (waiting !== undefined) await waiting;
    }
  }
  progress.clear();
  await output.write(sink.end());

  logSummary?.finish();
  if (summary !== null && opts.quiet !== true) {
    if (opts.json === true) await output.write(escapeJsonText(JSON.stringify(summaryRecord(summary), null, 2)) + '\n');
    else if (opts.ndjson === true) await output.write(escapeJsonText(JSON.stringify(summaryRecord(summary))) + '\n');
    else await output.write(renderSummaryText(summary, chalk));
  }
  return exitCode();
}
