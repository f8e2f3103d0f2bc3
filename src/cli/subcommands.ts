// The subcommands that diagnose nothing: `explain <code>` and `codes`
// (src/reference/command.ts reads their arguments) and `completion <shell>`.
import type { Command } from 'commander';
import { isReferenceCommand, runReference } from '../reference/command';
import { renderCompletion, SHELLS, type OptionSpec, type Shell } from '../render/completion';
import { ONLY_TERMS } from './only';
import { UsageError } from './options';

export { runReference };

/**
 * The options of a diagnosing run that take a value (kept in step with
 * program.ts by a test), and those of the reference commands: the word after
 * one of them is its value, not a subcommand.
 */
export const VALUE_OPTIONS: ReadonlySet<string> = new Set(['--only', '--header', '--class', '--subject', '--provider']);

/**
 * `explain` or `codes` wherever the options put it (`whybounce --json explain
 * 5.7.26`): the first word that is neither an option nor an option's value.
 * Returns the arguments with that word first, as runReference takes them;
 * null when the first word is something else, or comes after "--".
 */
export function referenceArgs(argv: readonly string[]): string[] | null {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] ?? '';
    if (a === '--') return null;
    if (VALUE_OPTIONS.has(a)) i++;
    else if (!a.startsWith('-') || a === '-') {
      return isReferenceCommand([a]) ? [a, ...argv.slice(0, i), ...argv.slice(i + 1)] : null;
    }
  }
  return null;
}

/** `whybounce completion <shell>` (`words` after "completion"): the script for that shell; a UsageError for any other word, or more than one. */
export function completion(program: Command, words: readonly string[]): string {
  const shell = words[0];
  if (words.length !== 1 || shell === undefined || !(SHELLS as readonly string[]).includes(shell)) {
    throw new UsageError(`completion takes one of ${SHELLS.join(', ')}${words.length > 1 ? `, and nothing after it` : ''}`);
  }
  return renderCompletion(shell as Shell, 'whybounce', optionSpecs(program));
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
