// `whybounce explain <code>…` and `whybounce codes [--class N] [--subject N] [--provider id] [--json]`.
// Pure: takes the arguments after "whybounce", returns what to print and the
// exit code; src/cli/main.ts does the printing.
import { Chalk } from 'chalk';
import { explainCode, listCodes, PROVIDER_IDS, type CodeFilter } from './lookup';
import { renderCodesText, renderEntryText } from './render';
import { sanitizeInline } from '../render/sanitize';

export interface ReferenceOutput {
  stdout: string;
  stderr: string;
  exitCode: number;
}

export interface ReferenceOptions {
  /** The colour level the CLI chose (it honours NO_COLOR); --color / --no-color here override it. */
  colorLevel: 0 | 1 | 2 | 3;
}

const USAGE = [
  'Usage: whybounce explain <code>...     explain a code: 5.7.26, 550, 5.7.606, TSS04',
  '       whybounce codes [--class 2|4|5] [--subject 0-7] [--provider <id>]',
  '',
  'Both take --json, --color and --no-color.',
  '',
].join('\n');

const EXIT_OK = 0;
const EXIT_NOT_FOUND = 1;
const EXIT_USAGE = 2;

/** Whether these arguments are a reference command ("explain" or "codes" first). */
export function isReferenceCommand(args: readonly string[]): boolean {
  return args[0] === 'explain' || args[0] === 'codes';
}

interface Parsed {
  words: string[];
  flags: Map<string, string | true>;
}

const VALUE_FLAGS = new Set(['--class', '--subject', '--provider']);
const BOOLEAN_FLAGS = new Set(['--json', '--color', '--no-color', '--help', '-h']);

function parse(args: readonly string[]): Parsed | string {
  const words: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    const eq = a.indexOf('=');
    const name = a.startsWith('--') && eq > 0 ? a.slice(0, eq) : a;
    if (VALUE_FLAGS.has(name)) {
      const value = eq > 0 ? a.slice(eq + 1) : args[++i];
      if (value === undefined) return `${name} needs a value`;
      flags.set(name, value);
    } else if (BOOLEAN_FLAGS.has(a)) {
      flags.set(a, true);
    } else if (a.startsWith('-') && a.length > 1) {
      return `unknown option ${sanitizeInline(a.slice(0, 40))}`;
    } else {
      words.push(a);
    }
  }
  return { words, flags };
}

function usage(message: string): ReferenceOutput {
  return { stdout: '', stderr: `whybounce: ${message}\n${USAGE}`, exitCode: EXIT_USAGE };
}

/** Runs `explain` or `codes`; args start with the command word. */
export function runReference(args: readonly string[], options: ReferenceOptions): ReferenceOutput {
  const command = args[0];
  const parsed = parse(args.slice(1));
  if (typeof parsed === 'string') return usage(parsed);
  const { words, flags } = parsed;
  if (flags.has('--help') || flags.has('-h')) return { stdout: USAGE, stderr: '', exitCode: EXIT_OK };
  const level = flags.has('--no-color') ? 0 : flags.has('--color') && options.colorLevel === 0 ? 1 : options.colorLevel;
  const chalk = new Chalk({ level });
  const json = flags.has('--json');

  if (command === 'explain') {
    if (words.length === 0) return usage('explain needs a code, such as 5.7.26 or 550');
    const entries = [];
    const missing: string[] = [];
    for (const w of words) {
      const e = explainCode(w);
      if (e === null) missing.push(w);
      else entries.push(e);
    }
    const stderr = missing.map((m) => `whybounce: "${sanitizeInline(m.slice(0, 40))}" is not a reply code (550), an enhanced status code (5.7.26) or a known provider code\n`).join('');
    const stdout = json
      ? JSON.stringify(entries.length === 1 && words.length === 1 ? entries[0] : entries, null, 2) + '\n'
      : entries.map((e) => renderEntryText(e, chalk)).join('\n');
    return { stdout, stderr, exitCode: missing.length > 0 ? EXIT_NOT_FOUND : EXIT_OK };
  }

  if (words.length > 0) return usage(`codes takes no arguments, only options (got "${sanitizeInline(words[0]?.slice(0, 40) ?? '')}")`);
  const filter: CodeFilter = {};
  const cls = flags.get('--class');
  const subject = flags.get('--subject');
  const provider = flags.get('--provider');
  if (cls !== undefined) {
    if (cls !== '2' && cls !== '4' && cls !== '5') return usage('--class takes 2, 4 or 5');
    filter.class = cls;
  }
  if (subject !== undefined) {
    if (typeof subject !== 'string' || !/^[0-7]$/.test(subject)) return usage('--subject takes a digit from 0 to 7');
    filter.subject = subject;
  }
  if (provider !== undefined) {
    if (typeof provider !== 'string' || !PROVIDER_IDS.includes(provider)) {
      return usage(`--provider takes one of ${PROVIDER_IDS.join(', ')}`);
    }
    filter.provider = provider;
  }
  const rows = listCodes(filter) ?? [];
  const stdout = json ? JSON.stringify(rows, null, 2) + '\n' : renderCodesText(rows, chalk);
  return { stdout, stderr: '', exitCode: rows.length > 0 ? EXIT_OK : EXIT_NOT_FOUND };
}
