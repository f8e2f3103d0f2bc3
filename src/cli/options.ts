// The options of a diagnosing run, and the checks commander cannot make.
import { parseOnly, type OnlyTerm } from './only';

export interface Options {
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

/** A mistake in the arguments: main() prints its message, and the exit code is 2. */
export class UsageError extends Error {}

/** Checks the options together; returns the --only terms (null when --only is not given). */
export function checkOptions(opts: Options): OnlyTerm[] | null {
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
