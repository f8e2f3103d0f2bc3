import { Command, CommanderError, Option } from 'commander';
import { Chalk, supportsColor, type ChalkInstance } from 'chalk';
import { diagnoseText } from './diagnose-text';
import { readInputBatches, type InputItem } from './input/read-input';
import { filterDiagnoses, ONLY_TERMS, parseOnly, type OnlyTerm } from './filter-diagnoses';
import { renderJson, renderNdjsonLine } from './render/json';
import { renderText } from './render/text';
import { isReferenceCommand, runReference } from './reference/command';
import { renderCsvHeader, renderCsvRows } from './render/csv';
import { addErrorToSummary, addToSummary, createSummary, renderSummaryText, summaryRecord } from './render/summary';
import { renderCompletion, SHELLS, type OptionSpec, type Shell } from './render/completion';
import { sanitizeInline, escapeJsonText } from './render/sanitize';
import type { DiagnoseResult } from './types';
import { stdioKind } from './stdio-kind';
import { writeSync } from 'node:fs';

declare const WHYBOUNCE_VERSION: string;

interface Options {
  json?: boolean;
  ndjson?: boolean;
  csv?: boolean;
  summary?: boolean;
  only?: string;
  quiet?: boolean;
  /** true for --color, false for --no-color, undefined when neither was given. */
  color?: boolean;
  debug?: boolean;
  /** --why: show the evidence behind each verdict (issue 6). */
  why?: boolean;
}

const EXIT_DIAGNOSED = 0;
const EXIT_NOTHING = 1;
const EXIT_TROUBLE = 2;

// The progress line on stderr: drawn only after this long, then at most this often.
const PROGRESS_AFTER_MS = 500;
const PROGRESS_EVERY_MS = 200;

class UsageError extends Error {}

// WHYBOUNCE_READER=mailparser reads every email with mailparser only, the
// reference reader, instead of trying the light reader first (to compare them).
const READER = process.env.WHYBOUNCE_READER === 'mailparser' ? 'mailparser' : 'auto';

type EmailPath = typeof import('./diagnose');
let emailPath: EmailPath | undefined;

// The email path (diagnose.ts: extractors, MIME readers, mailparser) is loaded
// on the first email only, so a raw SMTP string never pays for it. The build
// makes it a second bundle, dist/diagnose.cjs (scripts/build.mjs); under tsx
// this is the plain module.
function loadEmailPath(): EmailPath {
  emailPath ??= require('./diagnose') as EmailPath;
  return emailPath;
}

// A batch of emails runs the same few hundred functions thousands of times, and
// V8 compiles the hottest with its optimising compiler, TurboFan, on a second
// thread. Before V8 13 (Node 20 and 22), whose mid tier is missing (20) or
// young (22), TurboFan inlines callees into each function it compiles, up to
// 920 bytes of their bytecode; on one core that compile time was about a third
// of a 5,000-message run. With at most 100 bytes inlined it compiles ~4x less code
// for nearly the same speed once compiled: ~10% off the whole run on Node 20
// and 22, measured pinned to one core (docs/performance.md); Node 24 gained
// nothing and is left alone. Set from the second email on: a single email
// never pays for loading node:v8, and the code caches, which record V8's flags,
// are read by then.
function tuneForBatch(): void {
  if (Number.parseInt(process.versions.v8, 10) >= 13) return;
  try {
    (require('node:v8') as typeof import('node:v8')).setFlagsFromString('--max-inlined-bytecode-size-cumulative=100');
  } catch {
    // Only a speed-up.
  }
}

// chalk 5 does not read NO_COLOR: the colour level is decided here, once.
// An explicit flag wins; then NO_COLOR (no-color.org); then chalk's own
// detection (a terminal on stdout, FORCE_COLOR, TERM=dumb).
function colorLevel(opts: Options): 0 | 1 | 2 | 3 {
  const detected = supportsColor === false ? 0 : supportsColor.level;
  if (opts.color === false) return 0;
  if (opts.color === true) return detected === 0 ? 1 : detected;
  if ((process.env.NO_COLOR ?? '') !== '') return 0;
  return detected;
}

// Output that is not a terminal is gathered into pieces of up to this many
// bytes: a write per --ndjson line cost ~10% of a big batch. What is gathered
// goes out before the process waits for more input (setImmediate) and before
// any note on stderr (warn), so no line waits for more input and `2>&1` keeps
// the order.
const OUTPUT_PIECE = 64 * 1024;
// Lines are encoded as UTF-8 straight into the piece, which is handed to
// stdout whole and then replaced (stdout may hold it until the pipe takes
// it): no buffer per line, no copy to join them. Most lines are ASCII and
// encode quickly alone, where the whole piece as one string would become
// two-byte as soon as one line holds a non-Latin-1 character ("→"). Every
// write ends a line, so no character is split between two pieces.
let piece: Buffer | null = null;
let used = 0;
let flushQueued = false;

/** Writes to stdout, waiting when the reader is slower than we are (a pipe to a slow consumer). */
function write(text: string): Promise<void> | undefined {
  // Not async: a line that needs no waiting costs no promise (a batch writes thousands).
  if (text === '') return undefined;
  if (stdioKind(1) === 'terminal') {
    if (flushPending() && stdout().write(text)) return undefined;
    return drained();
  }
  // A UTF-16 unit takes at most three bytes in UTF-8.
  if (used > 0 && used + text.length * 3 > OUTPUT_PIECE && !flushPending()) {
    // The reader is behind: hand this text over as well, then wait.
    stdout().write(text);
    return drained();
  }
  if (text.length * 3 > OUTPUT_PIECE) {
    // Larger than a piece (a --json document): written as it is.
    return writeOut(Buffer.from(text, 'utf8')) ? undefined : drained();
  }
  piece ??= Buffer.allocUnsafe(OUTPUT_PIECE);
  used += piece.write(text, used, 'utf8');
  if (!flushQueued) {
    flushQueued = true;
    setImmediate(flushPending);
  }
  return undefined;
}

function drained(): Promise<void> {
  return new Promise<void>((resolve) => stdout().once('drain', resolve));
}

/** Writes what is gathered; false when stdout asks to wait for 'drain'. */
function flushPending(): boolean {
  flushQueued = false;
  if (piece === null || used === 0) return true;
  const out = piece.subarray(0, used);
  piece = null;
  used = 0;
  return writeOut(out);
}

/**
 * Bytes to stdout: to a file or the null device with writeSync (what Node's
 * own stream for a file does, without loading Node's stream modules: ~2 ms
 * of a raw string's run); to anything else through process.stdout.
 */
function writeOut(bytes: Buffer): boolean {
  if (stdioKind(1) !== 'file') return stdout().write(bytes);
  try {
    for (let done = 0; done < bytes.length; ) done += writeSync(1, bytes, done);
  } catch (err) {
    cannotWrite(err);
  }
  return true;
}

/** Output that cannot be written (a full disk, say): one line, no stack trace, and no use going on. */
function cannotWrite(err: unknown): never {
  process.stderr.write(`whybounce: cannot write the output: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(EXIT_TROUBLE);
}

let stdoutReady = false;

/** process.stdout, created on first use. */
function stdout(): NodeJS.WriteStream {
  if (!stdoutReady) {
    stdoutReady = true;
    // A reader that stops early (`whybounce --ndjson big.mbox | head -1`)
    // closes the pipe: end quietly instead of printing an EPIPE stack trace.
    process.stdout.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      cannotWrite(err);
    });
  }
  return process.stdout;
}

/** The stderr progress line: only on a terminal, never in a pipe or a log file. */
class Progress {
  private shown = false;
  private last = 0;
  private readonly start = Date.now();
  messages = 0;
  errors = 0;

  constructor(private readonly enabled: boolean) {}

  tick(): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.start < PROGRESS_AFTER_MS || now - this.last < PROGRESS_EVERY_MS) return;
    this.last = now;
    const rate = Math.round(this.messages / ((now - this.start) / 1000));
    const errors = this.errors > 0 ? `, ${this.errors} unreadable` : '';
    process.stderr.write(`\r\u001b[Kwhybounce: ${this.messages.toLocaleString('en')} messages (${rate.toLocaleString('en')}/s)${errors}`);
    this.shown = true;
  }

  clear(): void {
    if (this.shown) process.stderr.write('\r\u001b[K');
    this.shown = false;
  }
}

let progress = new Progress(false);

function warn(name: string, message: string): void {
  flushPending();
  progress.clear();
  process.stderr.write(`whybounce: ${sanitizeInline(name)}: ${sanitizeInline(message)}\n`);
}

type Outcome = { ok: DiagnoseResult; source?: string } | { error: { input: string; error: string } } | { skipped: { name: string; reason: string } };

async function diagnoseItem(item: InputItem): Promise<Outcome> {
  try {
    return await diagnoseOne(item);
  } catch (err) {
    // diagnose() is not meant to throw; if it does, that input fails alone.
    return { error: { input: item.name, error: err instanceof Error ? err.message : String(err) } };
  }
}

async function diagnoseOne(item: InputItem): Promise<Outcome> {
  switch (item.kind) {
    case 'error':
      return { error: { input: item.name, error: item.error } };
    case 'skipped':
      return { skipped: item };
    case 'string':
      return { ok: diagnoseText(item.text, 'argv') };
    case 'data':
      return dataOutcome(item, await loadEmailPath().diagnose(item.data, { input: item.name, reader: READER }));
  }
}

function dataOutcome(item: InputItem & { kind: 'data' }, result: DiagnoseResult): Outcome {
  const ok = item.warnings === undefined ? result : { ...result, warnings: [...item.warnings, ...result.warnings] };
  return item.source === undefined ? { ok } : { ok, source: item.source };
}

/**
 * diagnoseItem without a promise: the same outcome for an email the light
 * reader reads, and null for anything else (then diagnoseItem answers).
 */
function diagnoseItemSync(item: InputItem): Outcome | null {
  if (item.kind !== 'data') return null;
  try {
    const result = loadEmailPath().diagnoseSync(item.data, { input: item.name, reader: READER });
    return result === null ? null : dataOutcome(item, result);
  } catch (err) {
    return { error: { input: item.name, error: err instanceof Error ? err.message : String(err) } };
  }
}

/** Where results go: each output format is one of these, fed in input order. */
interface Sink {
  begin(): string;
  /** `source` is the mbox file a message came from, when it held several. */
  result(r: DiagnoseResult, source?: string): string;
  error(e: { input: string; error: string }): string;
  end(): string;
}

/** Folds the next message of an mbox into the record of its file. */
function mergeMessage(file: DiagnoseResult, message: DiagnoseResult): DiagnoseResult {
  return {
    input: file.input,
    isBounce: file.isBounce || message.isBounce,
    diagnoses: [...file.diagnoses, ...message.diagnoses.map((d) => ({ ...d, message: message.input }))],
    warnings: [...file.warnings, ...message.warnings.map((w) => `${message.input}: ${w}`)],
  };
}

/**
 * `--json`: one object per input (DESIGN.md): a file, stdin or a string
 * argument. The messages of one mbox file become one object for that file,
 * each diagnosis naming its message (`path#N`), so `jq '.diagnoses[]'` works
 * whatever the mbox holds. Several inputs give an array, streamed with one
 * record of look-ahead. (`--ndjson` gives one line per message instead, and
 * holds nothing back: the choice for very large mboxes.)
 */
function jsonSink(): Sink {
  let held: string | null = null;
  let count = 0;
  let group: { source: string; result: DiagnoseResult } | null = null;
  const add = (record: string): string => {
    count++;
    if (count === 1) {
      held = record;
      return '';
    }
    const out = count === 2 ? `[\n${held ?? ''},\n${record}` : `,\n${record}`;
    held = null;
    return out;
  };
  const flush = (): string => {
    if (group === null) return '';
    const record = renderJson([group.result]).trimEnd();
    group = null;
    return add(record);
  };
  return {
    begin: () => '',
    result: (r, source) => {
      if (source !== undefined && group?.source === source) {
        group.result = mergeMessage(group.result, r);
        return '';
      }
      const out = flush();
      if (source === undefined) return out + add(renderJson([r]).trimEnd());
      group = { source, result: mergeMessage({ input: source, isBounce: false, diagnoses: [], warnings: [] }, r) };
      return out;
    },
    error: (e) => {
      const out = flush();
      return out + add(escapeJsonText(JSON.stringify(e, null, 2)));
    },
    end: () => {
      const out = flush();
      return out + (count === 0 ? '[]\n' : count === 1 ? `${held ?? ''}\n` : '\n]\n');
    },
  };
}

function chooseSink(opts: Options, chalk: ChalkInstance, withHeadings: boolean): Sink {
  if (opts.quiet === true || opts.summary === true) {
    return { begin: () => '', result: () => '', error: () => '', end: () => '' };
  }
  if (opts.ndjson === true) {
    return {
      begin: () => '',
      result: renderNdjsonLine,
      error: (e) => escapeJsonText(JSON.stringify(e)) + '\n',
      end: () => '',
    };
  }
  if (opts.json === true) return jsonSink();
  if (opts.csv === true) {
    return { begin: renderCsvHeader, result: renderCsvRows, error: () => '', end: () => '' };
  }
  let first = true;
  return {
    begin: () => '',
    result: (r) => {
      const gap = first ? '' : '\n';
      first = false;
      return gap + renderText(r, chalk, withHeadings || r.input !== 'argv', { why: opts.why === true });
    },
    error: () => '',
    end: () => '',
  };
}

function checkOptions(opts: Options): OnlyTerm[] | null {
  const formats = [opts.json, opts.ndjson, opts.csv].filter((x) => x === true).length;
  if (formats > 1) throw new UsageError('choose one of --json, --ndjson and --csv');
  if (opts.summary === true && opts.csv === true) throw new UsageError('--summary prints a table or, with --json, an object; not CSV');
  if (opts.only === undefined) return null;
  const terms = parseOnly(opts.only);
  if (terms === null) {
    throw new UsageError(`--only takes hard, soft, permanent, transient or a reason id (such as mailboxfull), not "${opts.only}"`);
  }
  return terms;
}

async function run(inputs: string[], opts: Options): Promise<number> {
  const only = checkOptions(opts);
  const args = inputs.length === 0 ? ['-'] : inputs;
  const chalk = new Chalk({ level: colorLevel(opts) });
  const sink = chooseSink(opts, chalk, args.length > 1);
  const summary = opts.summary === true ? createSummary() : null;
  // Progress goes with output that is not on the same terminal (a file, a pipe, a summary).
  progress = new Progress(
    stdioKind(2) === 'terminal' && opts.quiet !== true && (opts.summary === true || stdioKind(1) !== 'terminal'),
  );
  // Set inside emit(): an object, so that the checks after the loop see the updates.
  const seen = { diagnosed: false, trouble: false };

  // Not async: returns a promise only when output must wait for 'drain'.
  const emit = (outcome: Outcome): Promise<void> | undefined => {
    if ('skipped' in outcome) {
      if (opts.quiet !== true) warn(outcome.skipped.name, `skipped: ${outcome.skipped.reason}`);
      return undefined;
    }
    progress.messages++;
    if ('error' in outcome) {
      seen.trouble = true;
      progress.errors++;
      warn(outcome.error.input, outcome.error.error);
      if (summary !== null) addErrorToSummary(summary);
      return write(sink.error(outcome.error));
    }
    const result = only === null ? outcome.ok : filterDiagnoses(outcome.ok, only);
    progress.tick();
    if (result === null) return undefined;
    if (result.diagnoses.length > 0) seen.diagnosed = true;
    if (summary !== null) addToSummary(summary, result);
    const text = sink.result(result, outcome.source);
    progress.clear();
    return write(text);
  };

  await write(sink.begin());
  // One message at a time: each result is written as soon as it is known. A
  // batch is the messages one 256 KB chunk of an mbox completes (or one message,
  // ≤ MAX_MESSAGE_BYTES), so little is held however big the mbox.
  let emails = 0;
  for await (const batch of readInputBatches(args, { stdin: () => process.stdin as AsyncIterable<Buffer> })) {
    for (const item of batch) {
      if (item.kind === 'data' && ++emails === 2) tuneForBatch();
      const waiting = emit(diagnoseItemSync(item) ?? (await diagnoseItem(item)));
      if (waiting !== undefined) await waiting;
    }
  }
  progress.clear();
  await write(sink.end());

  if (summary !== null && opts.quiet !== true) {
    if (opts.json === true) await write(escapeJsonText(JSON.stringify(summaryRecord(summary), null, 2)) + '\n');
    else if (opts.ndjson === true) await write(escapeJsonText(JSON.stringify(summaryRecord(summary))) + '\n');
    else await write(renderSummaryText(summary, chalk));
  }
  if (seen.trouble) return EXIT_TROUBLE;
  return seen.diagnosed ? EXIT_DIAGNOSED : EXIT_NOTHING;
}

/** The options as the completion scripts list them (kept in step with the parser by reading it). */
function optionSpecs(program: Command): OptionSpec[] {
  const specs: OptionSpec[] = program.options
    .filter((o) => o.long !== undefined)
    .map((o) => ({
      long: o.long ?? '',
      ...(o.short === undefined ? {} : { short: o.short }),
      description: o.description,
      ...(o.long === '--only' ? { values: ONLY_TERMS } : {}),
    }));
  specs.push({ long: '--help', short: '-h', description: 'show the help' });
  return specs;
}

function completion(program: Command, shell: string | undefined): string {
  if (shell === undefined || !(SHELLS as readonly string[]).includes(shell)) {
    throw new UsageError(`completion takes one of ${SHELLS.join(', ')}`);
  }
  return renderCompletion(shell as Shell, 'whybounce', optionSpecs(program));
}

function buildProgram(): Command {
  return new Command()
    .name('whybounce')
    .description(
      'Tells why an email bounced: reads bounce emails (files, folders, mboxes, Maildirs, .gz, stdin) or raw SMTP error strings and explains the reply code and the enhanced status code in plain English.',
    )
    .version(typeof WHYBOUNCE_VERSION === 'string' ? WHYBOUNCE_VERSION : '0.0.0-dev', '-V, --version')
    .argument(
      '[inputs...]',
      'bounce files, folders, mboxes, Maildirs, .gz files, "-" for stdin, or an SMTP error string such as "554 5.1.0 Sender Denied"',
    )
    .option('--json', 'print JSON: one object per input, a whole mbox included (an array for several)')
    .option('--ndjson', 'print one JSON object per line per message, as each is done')
    .option('--csv', 'print one CSV row per diagnosis, with a header row')
    .addOption(
      new Option('--only <what>', 'keep only hard|soft|permanent|transient bounces or a reason id (comma-separated: any)'),
    )
    .option('-q, --quiet', 'print nothing: only set the exit code')
    .option('--summary', 'print counts by reason, class, recipient domain and format (JSON with --json)')
    .option('--color', 'colour the output even when it is not a terminal')
    .option('--no-color', 'never colour the output (NO_COLOR is honoured too)')
    .option('--debug', 'show stack traces of internal errors')
    .option('--why', 'show the evidence for each verdict: the line, code and rule behind it (always in JSON)')
    .addHelpText(
      'after',
      [
        '',
        'Examples:',
        '  whybounce "554 5.1.0 Sender Denied"',
        '  cat bounce.eml | whybounce',
        '  whybounce --ndjson bounces.mbox.gz ~/Maildir',
        '  whybounce --only hard -q bounce.eml && echo "remove the address"',
        '  whybounce --summary bounces/',
        '  whybounce completion bash|zsh|fish   print a shell completion script',
        '  whybounce explain 5.7.26             explain a code (also 550, 5.7.606, TSS04)',
        '  whybounce codes --class 5 --subject 7   list codes with their titles (--json too)',
        '',
        'Messages of an mbox are named path#N (from 1); an mbox of one message is named path.',
        'Exit codes: 0 diagnosed, 1 nothing found (not a bounce, or nothing matched --only),',
        '2 usage error or unreadable input (the other inputs are still read).',
      ].join('\n'),
    )
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
}

export async function main(argv: readonly string[]): Promise<number> {
  // Reference mode (issue 6): `whybounce explain 5.7.26`, `whybounce codes --class 5`.
  if (isReferenceCommand(argv.slice(2))) {
    const out = runReference(argv.slice(2), { colorLevel: colorLevel({}) });
    process.stderr.write(out.stderr);
    await write(out.stdout);
    return out.exitCode;
  }
  let debug = argv.includes('--debug');
  try {
    // The commonest call, one argument that is no option (an SMTP string, a
    // file, a folder), needs no option parsing: what commander would give is
    // known (no options set), and building its program is skipped (~3 ms of
    // a raw string's run, figure 1). "completion" still goes through commander.
    const only = argv.length === 3 ? argv[2] : undefined;
    if (only !== undefined && !only.startsWith('-') && only !== 'completion') return await run([only], {});
    // Commander prints --help and --version to process.stdout itself: a pipe
    // gets the EPIPE handler before that.
    if (stdioKind(1) !== 'file') stdout();
    const program = buildProgram();
    program.parse(argv);
    const opts = program.opts<Options>();
    debug = opts.debug === true;
    const inputs = program.args;
    if (inputs[0] === 'completion' && inputs.length <= 2) {
      await write(completion(program, inputs[1]));
      return 0;
    }
    if (inputs.length === 0 && process.stdin.isTTY) {
      process.stderr.write(program.helpInformation());
      return EXIT_TROUBLE;
    }
    return await run(inputs, opts);
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end here with code 0; usage errors were already printed.
      return err.exitCode === 0 ? 0 : EXIT_TROUBLE;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`whybounce: ${err.message}\n`);
      return EXIT_TROUBLE;
    }
    if (debug && err instanceof Error) process.stderr.write(`${err.stack ?? err.message}\n`);
    else warn('error', err instanceof Error ? err.message : String(err));
    return EXIT_TROUBLE;
  }
}

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`whybounce: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = EXIT_TROUBLE;
  },
);
