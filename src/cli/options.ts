// The options of a diagnosing run, and the checks commander cannot make.
import { parseOnly, type OnlyTerm } from './only';
import { MAX_HEADER_OPTIONS } from '../limits';

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
  /** --header NAME, repeatable: fields of the returned original copied into each diagnosis (issue 14). */
  header?: string[];
  /** --sisimai: print each diagnosis in Sisimai's dump JSON shape (issue 14, docs/sisimai.md). */
  sisimai?: boolean;
}

// A header field name (RFC 5322 §3.6.8): printable ASCII but the colon.
const FIELD_NAME = /^[\x21-\x39\x3b-\x7e]{1,76}$/;

/** A mistake in the arguments: main() prints its message, and the exit code is 2. */
export class UsageError extends Error {}

/** Checks the options together; returns the --only terms (null when --only is not given). */
export function checkOptions(opts: Options): OnlyTerm[] | null {
  const formats = [opts.json, opts.ndjson, opts.csv].filter((x) => x === true).length;
  if (formats > 1) throw new UsageError('choose one of --json, --ndjson and --csv');
  if (opts.summary === true && opts.csv === true) throw new UsageError('--summary prints a table or, with --json, an object; not CSV');
  if (opts.sisimai === true && (opts.csv === true || opts.summary === true)) {
    throw new UsageError('--sisimai prints JSON (one array, or one object per line with --ndjson); not with --csv or --summary');
  }
  const bad = opts.header?.find((name) => !FIELD_NAME.test(name));
  if (bad !== undefined) throw new UsageError(`--header takes a header field name such as X-Campaign-ID, not "${bad}"`);
  if ((opts.header?.length ?? 0) > MAX_HEADER_OPTIONS) throw new UsageError(`--header can be given at most ${MAX_HEADER_OPTIONS} times`);
  if (opts.only === undefined) return null;
  const terms = parseOnly(opts.only);
  if (terms === null) {
    throw new UsageError(`--only takes hard, soft, permanent, transient or a reason id (such as mailboxfull), not "${opts.only}"`);
  }
  return terms;
}
