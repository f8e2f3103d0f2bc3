// The command line's entry (bin/whybounce.js runs its bundle, dist/cli.cjs):
// main() with the real process, its answer as the exit code.
import { main } from './main';
import { processIo } from './process-io';
import { EXIT_TROUBLE } from './exit-codes';

const io = processIo();
main(process.argv.slice(2), io).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    io.stderr.write(`whybounce: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = EXIT_TROUBLE;
  },
);
