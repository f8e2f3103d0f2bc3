// The subcommands that diagnose nothing: `explain <code>` and `codes`
// (src/reference/command.ts reads their arguments) and `completion <shell>`.
import type { Command } from 'commander';
import { isReferenceCommand, runReference } from '../reference/command';
import { renderCompletion, SHELLS, type OptionSpec, type Shell } from '../render/completion';
import { ONLY_TERMS } from './only';
import { UsageError } from './options';

export { isReferenceCommand, runReference };

/** `whybounce completion <shell>`: the script for that shell; a UsageError for any other word. */
export function completion(program: Command, shell: string | undefined): string {
  if (shell === undefined || !(SHELLS as readonly string[]).includes(shell)) {
    throw new UsageError(`completion takes one of ${SHELLS.join(', ')}`);
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
