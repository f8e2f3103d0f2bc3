// The command line: main(argv, io) reads the arguments, runs a subcommand or
// a diagnosing run, and returns the exit code. It writes only through `io`
// (the real process in entry.ts, memory in tests).
import { CommanderError } from 'commander';
import type { CliIo } from './io';
import { Output } from './output';
import { Progress } from './progress';
import { colorLevel } from './color';
import { buildProgram } from './program';
import { completion, referenceArgs, runReference } from './subcommands';
import { UsageError, type Options } from './options';
import { run, warn, type Session } from './run';
import { EXIT_TROUBLE } from './exit-codes';
import { sanitizeForTerminal, sanitizeInline } from '../render/sanitize';

/**
 * Runs whybounce on `argv` (the arguments after the program's name); resolves
 * to the exit code once all the output is handed to `io`.
 */
export async function main(argv: readonly string[], io: CliIo): Promise<number> {
  const session: Session = { io, output: new Output(io.stdout), progress: new Progress(io.stderr, false) };
  try {
    return await dispatch(argv, session);
  } finally {
    session.output.flush();
  }
}

async function dispatch(argv: readonly string[], session: Session): Promise<number> {
  const { io } = session;
  // Reference mode (issue 6): `whybounce explain 5.7.26`, `whybounce codes --class 5`,
  // options before the word too (`whybounce --json explain 5.7.26`).
  const reference = referenceArgs(argv);
  if (reference !== null) {
    const out = runReference(reference, { colorLevel: colorLevel(undefined, io.env, io.detectColor()) });
    io.stderr.write(sanitizeForTerminal(out.stderr));
    await session.output.write(out.stdout);
    return out.exitCode;
  }
  let debug = argv.includes('--debug');
  try {
    // The commonest call, one argument that is no option (an SMTP string, a
    // file, a folder), needs no option parsing: what commander would give is
    // known (no options set), and building its program is skipped (~3 ms of
    // a raw string's run, figure 1). "completion" still goes through commander.
    const only = argv.length === 1 ? argv[0] : undefined;
    if (only !== undefined && !only.startsWith('-') && only !== 'completion') return await run([only], {}, session);
    // Commander prints --help and --version to stdout itself: a pipe gets the
    // EPIPE handler before that.
    if (io.stdout.kind() !== 'file') io.stdout.stream();
    const program = buildProgram(io);
    program.parse(argv, { from: 'user' });
    const opts = program.opts<Options>();
    debug = opts.debug === true;
    const inputs = program.args;
    // The first word that is no option: commander has put the options aside.
    if (inputs[0] === 'completion') {
      await session.output.write(completion(program, inputs.slice(1)));
      return 0;
    }
    if (inputs.length === 0 && io.stdin.isTerminal()) {
      io.stderr.write(program.helpInformation());
      return EXIT_TROUBLE;
    }
    return await run(inputs, opts, session);
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end here with code 0; usage errors were already printed.
      return err.exitCode === 0 ? 0 : EXIT_TROUBLE;
    }
    if (err instanceof UsageError) {
      // The message may quote an argument (the --only value): shown escaped.
      io.stderr.write(`whybounce: ${sanitizeInline(err.message)}\n`);
      return EXIT_TROUBLE;
    }
    if (debug && err instanceof Error) io.stderr.write(`${err.stack ?? err.message}\n`);
    else warn(session, 'error', err instanceof Error ? err.message : String(err));
    return EXIT_TROUBLE;
  }
}
