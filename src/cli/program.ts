// The command line's options and help, as commander reads them. Built only
// when there are options to read (~3 ms of a raw string's run, figure 1).
import { Command, Option } from 'commander';
import type { CliIo } from './io';
import { sanitizeForTerminal } from '../render/sanitize';

declare const WHYBOUNCE_VERSION: string;

export function buildProgram(io: CliIo): Command {
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
    .option('--json', 'print JSON: one object per input, a whole mbox included (an array for several arguments or a folder)')
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
    .option(
      '--header <name>',
      'copy this header of the returned original into each diagnosis (repeatable; JSON "headers", a CSV column each)',
      (name: string, names: string[] | undefined) => [...(names ?? []), name],
    )
    .option('--sisimai', "print each diagnosis in Sisimai's dump JSON shape (an array; one object per line with --ndjson)")
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
        '  whybounce --csv --header X-Campaign-ID bounces.mbox',
        '  whybounce --sisimai bounces.mbox            Sisimai dump JSON, see docs/sisimai.md',
        '  tail -F /var/log/mail.log | whybounce --ndjson   a record per error line of a log, as it comes',
        '  whybounce completion bash|zsh|fish   print a shell completion script',
        '  whybounce explain 5.7.26             explain a code (also 550, 5.7.606, TSS04)',
        '  whybounce codes --class 5 --subject 7   list codes with their titles (--json too)',
        '',
        'Messages of an mbox are named path#N (from 1); an mbox of one message is named path.',
        'Lines of a log or any text that is no email are named path:N (-:N on stdin); ESP events path#N.',
        'Exit codes: 0 diagnosed, 1 nothing found (not a bounce, or nothing matched --only),',
        '2 usage error or unreadable input (the other inputs are still read).',
      ].join('\n'),
    )
    .exitOverride()
    .configureOutput({
      // --help and --version go to stdout as they are; help is wrapped at the terminal's width, else at commander's 80.
      writeOut: (s) => {
        io.stdout.stream().write(s);
      },
      // Usage errors quote the arguments (an unknown option may be a file
      // name picked up by a glob): their control characters are shown escaped.
      writeErr: (s) => {
        io.stderr.write(sanitizeForTerminal(s));
      },
      getOutHelpWidth: () => io.stdout.columns() ?? 80,
      getErrHelpWidth: () => io.stderr.columns() ?? 80,
    });
}
