import { Command, CommanderError } from 'commander';
import { Chalk, supportsColor } from 'chalk';
import { diagnose, diagnoseText } from './diagnose';
import { readArgument, readStream, type InputItem } from './input/read-input';
import { renderJson, renderNdjsonLine } from './render/json';
import { renderText } from './render/text';
import { sanitizeInline, escapeJsonText } from './render/sanitize';
import type { DiagnoseResult } from './types';

declare const WHYBOUNCE_VERSION: string;

interface Options {
  json?: boolean;
  ndjson?: boolean;
  /** true for --color, false for --no-color, undefined when neither was given. */
  color?: boolean;
  debug?: boolean;
}

const EXIT_DIAGNOSED = 0;
const EXIT_NOTHING = 1;
const EXIT_TROUBLE = 2;

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

function write(text: string): void {
  process.stdout.write(text);
}

function warn(name: string, message: string): void {
  process.stderr.write(`whybounce: ${sanitizeInline(name)}: ${sanitizeInline(message)}\n`);
}

async function diagnoseItem(item: InputItem): Promise<DiagnoseResult | { input: string; error: string }> {
  if (item.kind === 'error') return { input: item.name, error: item.error };
  if (item.kind === 'string') return diagnoseText(item.text, 'argv');
  return diagnose(item.data, { input: item.name });
}

async function run(inputs: string[], opts: Options): Promise<number> {
  const stdin = () => readStream(process.stdin);
  const args = inputs.length === 0 ? ['-'] : inputs;
  const chalk = new Chalk({ level: colorLevel(opts) });
  const results: DiagnoseResult[] = [];
  let diagnosed = false;
  let trouble = false;
  const jsonRecords: string[] = [];
  for (const arg of args) {
    const item = await readArgument(arg, stdin);
    const result = await diagnoseItem(item);
    if ('error' in result) {
      trouble = true;
      warn(result.input, result.error);
      if (opts.ndjson) write(escapeJsonText(JSON.stringify(result)) + '\n');
      else if (opts.json) jsonRecords.push(escapeJsonText(JSON.stringify(result, null, 2)));
      continue;
    }
    if (result.diagnoses.length > 0) diagnosed = true;
    if (opts.ndjson) write(renderNdjsonLine(result));
    else if (opts.json) jsonRecords.push(renderJson([result]).trimEnd());
    else {
      if (results.length > 0) write('\n');
      write(renderText(result, chalk, args.length > 1 || result.input !== 'argv'));
    }
    results.push(result);
  }
  if (opts.json && !opts.ndjson) {
    write(jsonRecords.length === 1 ? `${jsonRecords[0] ?? ''}\n` : `[\n${jsonRecords.join(',\n')}\n]\n`);
  }
  if (trouble) return EXIT_TROUBLE;
  return diagnosed ? EXIT_DIAGNOSED : EXIT_NOTHING;
}

function buildProgram(): Command {
  return new Command()
    .name('whybounce')
    .description(
      'Tells why an email bounced: reads bounce emails (files or stdin) or raw SMTP error strings\nand explains the reply code and the enhanced status code in plain English.',
    )
    .version(typeof WHYBOUNCE_VERSION === 'string' ? WHYBOUNCE_VERSION : '0.0.0-dev', '-V, --version')
    .argument('[inputs...]', 'bounce files, "-" for stdin, or an SMTP error string such as "554 5.1.0 Sender Denied"')
    .option('--json', 'print JSON: one object per input (an array for several)')
    .option('--ndjson', 'print one JSON object per line per input message')
    .option('--color', 'colour the output even when it is not a terminal')
    .option('--no-color', 'never colour the output (NO_COLOR is honoured too)')
    .option('--debug', 'show stack traces of internal errors')
    .addHelpText(
      'after',
      '\nExamples:\n  whybounce "554 5.1.0 Sender Denied"\n  cat bounce.eml | whybounce\n  whybounce --json a.eml b.eml\n\nExit codes: 0 diagnosed, 1 nothing found (not a bounce), 2 usage error or unreadable input.',
    )
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
}

export async function main(argv: readonly string[]): Promise<number> {
  const program = buildProgram();
  let debug = argv.includes('--debug');
  try {
    program.parse(argv as string[]);
    const opts = program.opts<Options>();
    debug = opts.debug === true;
    const inputs = program.args;
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
    if (debug && err instanceof Error) process.stderr.write(`${err.stack ?? err.message}\n`);
    else warn('error', err instanceof Error ? err.message : String(err));
    return EXIT_TROUBLE;
  }
}

// A reader that stops early (`whybounce --ndjson big.mbox | head -1`) closes
// the pipe: end quietly instead of printing an EPIPE stack trace.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw err;
});

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`whybounce: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = EXIT_TROUBLE;
  },
);
