// Times whybounce on pathological bounces and prints seconds per MB for each,
// at a quarter, half and the full size: when the figure stays flat as the size
// grows, the time is proportional to the size (a super-linear step would make
// it grow). These are figures to read, not a pass/fail test.
//
//   npm run bench:hostile            # full sizes (10 MB line, 100,000 "550-" lines,
//                                    #   10,000 recipients, 50 MB attachment)
//   npm run bench:hostile -- --scale 0.1   # a tenth of each, quicker
//   npm run bench:hostile -- --input-only  # only the input layer (mbox splitting
//                                          #   of one long line, 16 to 128 MB)
//   npm run bench:hostile -- --line-gb 1   # one 1 GB line in an mbox on stdin
//   npm run bench:hostile -- --memory      # the CLI's peak RSS on one 30 MB message per
//                                          #   shape (each in a process of its own; --scale too)
//   npm run bench:hostile -- --fallback DIR   # which .eml of DIR the light reader
//                                          #   declines and why, and what each kind costs
//   npm run bench:hostile -- --json-mbox   # --json and --ndjson over an mbox of 10,000
//                                          #   to 80,000 small bounces (--scale too)
//
// The generators are exported for test/hostile.test.ts, which runs small ones.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diagnose, diagnoseSync } from '../src/pipeline/diagnose';
import { lightDeclineReason } from '../src/email/light';
import { renderJson } from '../src/render/json';
import { readArgumentBatches } from '../src/input/read-input';
import { main as cliMain } from '../src/cli/main';
import type { CliIo } from '../src/cli/io';

const MB = 1024 * 1024;

const DSN_HEAD = [
  'From: Mail Delivery System <MAILER-DAEMON@mx.example.org>',
  'To: sender@example.com',
  'Subject: Undelivered Mail Returned to Sender',
  'MIME-Version: 1.0',
  'Content-Type: multipart/report; report-type=delivery-status; boundary="BOUND"',
  '',
  '--BOUND',
  'Content-Type: text/plain; charset=us-ascii',
  '',
  'Your message could not be delivered.',
  '',
  '--BOUND',
  'Content-Type: message/delivery-status',
  '',
  'Reporting-MTA: dns; mx.example.org',
  '',
  '',
].join('\n');

const PLAIN_HEAD = [
  'From: Mail Delivery System <MAILER-DAEMON@mx.example.org>',
  'To: sender@example.com',
  'Subject: Undelivered Mail Returned to Sender',
  'Content-Type: text/plain; charset=us-ascii',
  '',
  'This is the mail system. Your message could not be delivered to <user@example.net>:',
  '',
  '',
].join('\n');

const DIGITS_AND_DOTS = '5.1.1.550.';
const CONTINUATION = '550-5.1.1 The email account that you tried to reach does not exist.\n';

function repeat(unit: string, count: number): string {
  return unit.repeat(Math.max(1, Math.round(count)));
}

function dsnWith(groups: string, after = ''): string {
  return `${DSN_HEAD}${groups}\n${after}--BOUND--\n`;
}

function continuationLines(lines: number): string {
  return `${repeat(CONTINUATION, lines - 1)}550 5.1.1 https://support.example.com/mail/?p=NoSuchUser\n`;
}

function recipientGroup(i: number): string {
  return `Final-Recipient: rfc822; user${i}@example.net\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1 <user${i}@example.net>: Recipient address rejected: User unknown\n\n`;
}

/**
 * A bounce nested `depth` levels deep, as the text before and after what is
 * innermost: multipart/mixed parts (each with its own boundary) or, with
 * `rfc822`, message/rfc822 parts. Used by the fuzz script and the limit tests.
 */
export function nestedMime(depth: number, rfc822: boolean): { head: string; tail: string } {
  let head = 'From: MAILER-DAEMON@example.org\nSubject: Undelivered Mail\nMIME-Version: 1.0\n';
  let tail = '';
  for (let i = 0; i < depth; i++) {
    if (rfc822) head += 'Content-Type: message/rfc822\n\n';
    else {
      head += `Content-Type: multipart/mixed; boundary="n${i}"\n\n--n${i}\n`;
      tail = `\n--n${i}--\n${tail}`;
    }
  }
  return { head, tail };
}

export interface HostileCase {
  name: string;
  /** The full size, in the case's own unit. */
  full: number;
  unit: 'MB' | 'lines' | 'recipients' | 'levels';
  /** Builds the input for `n` units. */
  make(n: number): string;
}

export const HOSTILE_CASES: readonly HostileCase[] = [
  {
    name: 'line of digits and dots, as an argument',
    full: 10,
    unit: 'MB',
    make: (n) => repeat(DIGITS_AND_DOTS, (n * MB) / DIGITS_AND_DOTS.length),
  },
  {
    name: 'line of digits and dots, in a bounce body',
    full: 10,
    unit: 'MB',
    make: (n) => `${PLAIN_HEAD}550 5.1.1 ${repeat(DIGITS_AND_DOTS, (n * MB) / DIGITS_AND_DOTS.length)}\n`,
  },
  {
    name: 'line of digits and dots, as a Diagnostic-Code',
    full: 10,
    unit: 'MB',
    make: (n) =>
      dsnWith(
        `Final-Recipient: rfc822; user@example.net\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 ${repeat(DIGITS_AND_DOTS, (n * MB) / DIGITS_AND_DOTS.length)}\n`,
      ),
  },
  {
    name: '"550-" continuation lines, as text',
    full: 100_000,
    unit: 'lines',
    make: (n) => continuationLines(n),
  },
  {
    name: '"550-" continuation lines, in a bounce body',
    full: 100_000,
    unit: 'lines',
    make: (n) => `${PLAIN_HEAD}${continuationLines(n)}`,
  },
  {
    name: '"550-" continuation lines, folded in a Diagnostic-Code',
    full: 100_000,
    unit: 'lines',
    make: (n) =>
      dsnWith(
        `Final-Recipient: rfc822; user@example.net\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp;\n${continuationLines(n).replace(/^/gm, ' ')}`,
      ),
  },
  {
    name: 'recipients in one delivery report',
    full: 10_000,
    unit: 'recipients',
    make: (n) => dsnWith(Array.from({ length: Math.max(1, Math.round(n)) }, (_, i) => recipientGroup(i)).join('')),
  },
  {
    // Issue 15: 998 levels (under MAX_MIME_PARTS) took ~4 s on a loaded machine.
    name: 'MIME nested levels deep (multipart)',
    full: 998,
    unit: 'levels',
    make: (n) => {
      const { head, tail } = nestedMime(Math.max(1, Math.round(n)), false);
      return `${head}Content-Type: text/plain\n\n550 5.1.1 <user@example.net>: User unknown\n${tail}`;
    },
  },
  {
    name: 'attachment (base64) returned with a bounce',
    full: 50,
    unit: 'MB',
    make: (n) => {
      const line = 'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0\n';
      const attachment = `--BOUND\nContent-Type: application/octet-stream; name="big.bin"\nContent-Transfer-Encoding: base64\nContent-Disposition: attachment; filename="big.bin"\n\n${repeat(line, (n * MB) / line.length)}\n`;
      return dsnWith(
        'Final-Recipient: rfc822; user@example.net\nAction: failed\nStatus: 5.2.2\nDiagnostic-Code: smtp; 552 5.2.2 Mailbox full\n',
        attachment,
      );
    },
  },
];

export interface Timing {
  bytes: number;
  seconds: number;
  diagnoses: number;
  warnings: string[];
}

/** Diagnoses one input the way the CLI does (bytes in, JSON rendered) and times it. */
export async function timeOne(input: string): Promise<Timing> {
  const data = Buffer.from(input, 'latin1');
  const start = process.hrtime.bigint();
  const result = await diagnose(data, { input: 'bench' });
  renderJson([result]);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { bytes: data.length, seconds, diagnoses: result.diagnoses.length, warnings: result.warnings };
}

/** A stream input: `head`, then `unit` repeated up to `bytes` in all, then `tail`, in 64 KiB chunks (as stdin gives). */
export interface StreamCase {
  name: string;
  /** The largest size, in MB; the bench runs it and its half, quarter and eighth. */
  full: number;
  head: string;
  unit: string;
  tail: string;
}

export const STREAM_CASES: readonly StreamCase[] = [
  // Issue 15, item 1: the mbox splitter joined and searched the unfinished line again for every chunk.
  { name: 'mbox of one message, one long line (stdin)', full: 128, head: 'From a@example.com Mon Nov 16 10:00:00 2026\n', unit: 'x', tail: '\n' },
  { name: 'mbox, one long line of ">" (stdin)', full: 128, head: 'From a@example.com Mon Nov 16 10:00:00 2026\n', unit: '>', tail: 'From x\n' },
];

const CHUNK = 64 * 1024;

export async function* streamOf(c: StreamCase, bytes: number): AsyncGenerator<Buffer> {
  const head = Buffer.from(c.head, 'latin1');
  const tail = Buffer.from(c.tail, 'latin1');
  const unit = Buffer.alloc(CHUNK, c.unit, 'latin1');
  await Promise.resolve();
  yield head;
  for (let left = bytes - head.length - tail.length; left > 0; left -= CHUNK) yield left >= CHUNK ? unit : unit.subarray(0, left);
  yield tail;
}

/** Reads one stream case through the input layer (sniffing, gzip, mbox splitting) as the CLI does, and times it. */
export async function timeStream(c: StreamCase, bytes: number): Promise<{ seconds: number; items: number }> {
  const start = process.hrtime.bigint();
  let items = 0;
  for await (const batch of readArgumentBatches('-', { stdin: () => streamOf(c, bytes) })) items += batch.length;
  return { seconds: Number(process.hrtime.bigint() - start) / 1e9, items };
}

async function streamBench(scale: number, only: string | undefined): Promise<void> {
  console.log('\ninput layer (stdin stream) | input MB | seconds | s/MB | items');
  for (const c of STREAM_CASES) {
    if (only !== undefined && !c.name.includes(only)) continue;
    for (const fraction of [0.125, 0.25, 0.5, 1]) {
      const mb = c.full * scale * fraction;
      const t = await timeStream(c, Math.round(mb * MB));
      console.log(`${c.name} | ${mb.toFixed(1)} | ${t.seconds.toFixed(3)} | ${(t.seconds / mb).toFixed(4)} | ${t.items}`);
    }
  }
}

/**
 * Shapes of one message for the peak-memory figures (issue 15, item 2: some
 * single messages under the 32 MiB cap cost ~40 bytes of memory per byte).
 * Each is run by the CLI in a process of its own (memoryBench).
 */
export const MEMORY_SHAPES: Readonly<Record<string, (mb: number) => string>> = {
  'nothing (the baseline: node and the CLI)': () => 'x',
  'bare CRs after the headers': (mb) => `${PLAIN_HEAD}${'\r'.repeat(mb * MB)}`,
  'blank lines under a koi8-r charset': (mb) =>
    `${PLAIN_HEAD.replace('charset=us-ascii', 'charset=koi8-r')}550 5.1.1 unknown\n${'\n'.repeat(mb * MB)}`,
  'HTML made of blank lines': (mb) =>
    `${PLAIN_HEAD.replace('text/plain; charset=us-ascii', 'text/html; charset=utf-8')}<p>550 5.1.1 unknown</p>${'\n'.repeat(mb * MB)}`,
  'empty boundary lines in a Diagnostic-Code': (mb) =>
    dsnWith(`Final-Recipient: rfc822; user@example.net\nAction: failed\nStatus: 5.1.1\nDiagnostic-Code: smtp; 550 5.1.1\n${' --BOUND\n'.repeat((mb * MB) / 9)}`),
  'plain text body of short lines': (mb) => `${PLAIN_HEAD}${'550 5.1.1 <user@example.net>: unknown\n'.repeat((mb * MB) / 38)}`,
  'base64 attachment': (mb) => HOSTILE_CASES.find((c) => c.name.startsWith('attachment'))?.make(mb) ?? '',
  // Text parts decoded whole (180-280 MB at 30 MB, each step keeping a copy of the text, before MAX_TEXT_PART_BYTES).
  'koi8-r text of 1,000-byte lines (mailparser)': (mb) =>
    `${PLAIN_HEAD.replace('charset=us-ascii', 'charset=koi8-r')}550 5.1.1 unknown\n${`${'\xc1'.repeat(999)}\n`.repeat((mb * MB) / 1000)}`,
  'quoted-printable UTF-8 text': (mb) =>
    `${PLAIN_HEAD.replace('charset=us-ascii', 'charset=utf-8\nContent-Transfer-Encoding: quoted-printable')}550 5.1.1 unknown\n${`${'=C3=A9'.repeat(12)}=\n`.repeat((mb * MB) / 75)}`,
  'base64 UTF-8 text': (mb) =>
    `${PLAIN_HEAD.replace('charset=us-ascii', 'charset=utf-8\nContent-Transfer-Encoding: base64')}${Buffer.from(`550 5.1.1 <user@example.net>: unknown ${'\u00e9'.repeat(60)}\n`.repeat((mb * MB * 0.75) / 160)).toString('base64').replace(/.{76}/g, '$&\n')}\n`,
  'HTML of 1.9 MB (turned into text: under MAX_HTML_TO_TEXT)': () =>
    `${PLAIN_HEAD.replace('text/plain; charset=us-ascii', 'text/html; charset=utf-8')}${'<p>550 5.1.1 unknown <b>x</b></p>\n'.repeat((1.9 * MB) / 35)}`,
  // Issue 15, item 16: mailparser parsed a long From whole (~2 s, ~230 MB). Under MAX_HEADER_BYTES whatever the size asked.
  'a 1 MB From header of non-UTF-8 bytes': () => `From: ${'\xe9'.repeat(1000 * 1000)} <MAILER-DAEMON@example.org>\n${PLAIN_HEAD.slice(PLAIN_HEAD.indexOf('\n') + 1)}550 5.1.1 <user@example.net>: unknown\n`,
};

/**
 * Peak RSS of the CLI (`node bin/whybounce.js --json FILE`, dist/ as built) on
 * one file per shape: what a user sees, the file's reading and the CLI's V8
 * tuning included. A preload prints the process's peak RSS when it exits.
 */
function memoryBench(mb: number): void {
  console.log(`\npeak RSS of the CLI on one message (${mb} MB of each shape) | input MB | seconds | peak RSS MB | RSS bytes per input byte over the baseline`);
  const dir = mkdtempSync(join(tmpdir(), 'whybounce-memory-'));
  const preload = join(dir, 'rss.cjs');
  // Linux keeps the larger of the parent's and the child's peak RSS in a
  // spawned child's maxRSS (getrusage), and this process holds 30 MB strings:
  // the child's own peak (VmHWM) is read where /proc has it.
  writeFileSync(
    preload,
    `process.on('exit', () => {
      let kb = process.resourceUsage().maxRSS;
      try { kb = Number(/VmHWM:\\s*(\\d+)/.exec(require('node:fs').readFileSync('/proc/self/status', 'utf8'))[1]); } catch {}
      process.stderr.write('\\nRSS ' + kb * 1024 + '\\n');
    });\n`,
  );
  const bin = join(__dirname, '..', 'bin', 'whybounce.js');
  let baseline = 0;
  try {
    for (const [shape, make] of Object.entries(MEMORY_SHAPES)) {
      const file = join(dir, 'message.eml');
      const data = Buffer.from(make(mb), 'latin1');
      writeFileSync(file, data);
      const start = process.hrtime.bigint();
      const run = spawnSync(process.execPath, ['--require', preload, bin, '--json', file], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      const rss = Number(/RSS (\d+)/.exec(run.stderr)?.[1] ?? Number.NaN);
      if (Number.isNaN(rss)) {
        console.log(`${shape} | failed: ${run.stderr.slice(0, 200)}`);
        continue;
      }
      if (baseline === 0) baseline = rss;
      const inputMb = data.length / MB;
      const perByte = inputMb > 0.01 ? ((rss - baseline) / data.length).toFixed(1) : '-';
      console.log(`${shape} | ${inputMb.toFixed(1)} | ${seconds.toFixed(2)} | ${(rss / MB).toFixed(0)} | ${perByte}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Issue 15, item 17: which messages of a folder the light reader declines (they
 * go to mailparser), and what each kind costs. Read-only figures.
 */
async function fallbackBench(dir: string): Promise<void> {
  const files = readdirSync(dir).filter((f) => f.endsWith('.eml'));
  const groups = { light: { n: 0, seconds: 0 }, mailparser: { n: 0, seconds: 0 } };
  const declined: string[] = [];
  for (const f of files) await diagnose(readFileSync(join(dir, f)), { input: f }); // warm up
  for (const f of files) {
    const data = readFileSync(join(dir, f));
    const start = process.hrtime.bigint();
    const quick = diagnoseSync(data, { input: f });
    if (quick === null) await diagnose(data, { input: f });
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    const group = quick === null ? groups.mailparser : groups.light;
    group.n++;
    group.seconds += seconds;
    if (quick === null) declined.push(f);
  }
  const reasons = new Map<string, string[]>();
  for (const f of declined) {
    // The reason is read again from the file's bytes (diagnose may have cleaned them first: a BOM, CR-only lines).
    const reason = lightDeclineReason(readFileSync(join(dir, f))) ?? 'read when given the raw bytes';
    reasons.set(reason, [...(reasons.get(reason) ?? []), f]);
  }
  console.log(`\nreader per message, ${dir} | messages | share | ms per message | share of the time`);
  const total = groups.light.seconds + groups.mailparser.seconds;
  for (const [name, g] of Object.entries(groups)) {
    console.log(`${name} | ${g.n} | ${files.length > 0 ? ((100 * g.n) / files.length).toFixed(1) : '-'}% | ${g.n > 0 ? ((1000 * g.seconds) / g.n).toFixed(2) : '-'} | ${total > 0 ? ((100 * g.seconds) / total).toFixed(1) : '-'}%`);
  }
  const prefixes = new Map<string, number>();
  for (const f of declined) {
    const kind = f.replace(/-?\d*\.eml$/, '');
    prefixes.set(kind, (prefixes.get(kind) ?? 0) + 1);
  }
  // What sends messages to mailparser: decline() names its reason (src/email/light/decline.ts).
  console.log('why declined | messages | files');
  for (const [reason, names] of [...reasons].sort((a, b) => b[1].length - a[1].length)) {
    console.log(`${reason} | ${names.length} | ${names.slice(0, 4).join(' ')}${names.length > 4 ? ' …' : ''}`);
  }
  console.log(`declined, by file name prefix: ${[...prefixes].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ')}`);
}

/** An mbox of `count` small bounces, each with its own recipient. */
export function smallBouncesMbox(count: number): string {
  const parts: string[] = [];
  for (let i = 0; i < count; i++) {
    parts.push(
      `From MAILER-DAEMON Mon Nov 16 10:00:00 2026\nFrom: MAILER-DAEMON@example.org\nSubject: Undelivered\n\n550 5.1.1 <u${i}@example.net>: unknown\n\n`,
    );
  }
  return parts.join('');
}

/** The CLI's io with stdout and stderr counted and dropped, stdin the given bytes. */
function countingIo(stdin: Buffer): { io: CliIo; bytes: () => number } {
  let bytes = 0;
  const take = (chunk: string | Uint8Array): boolean => {
    bytes += typeof chunk === 'string' ? Buffer.byteLength(chunk) : chunk.length;
    return true;
  };
  const io: CliIo = {
    stdout: { kind: () => 'file', writeAll: take, stream: () => ({ write: take, once: () => undefined }), columns: () => undefined },
    stderr: { kind: () => 'other', write: () => undefined, columns: () => undefined },
    stdin: {
      isTerminal: () => false,
      read: async function* () {
        await Promise.resolve();
        for (let at = 0; at < stdin.length; at += CHUNK) yield stdin.subarray(at, at + CHUNK);
      },
    },
    env: {},
    detectColor: () => 0,
  };
  return { io, bytes: () => bytes };
}

/**
 * Issue 15, item 3: `--json` over one mbox gathers its messages into one
 * record, and each message copied all the earlier diagnoses (quadratic: 40,000
 * messages took 80 s against 1.2 s for --ndjson). Flat ms per 1,000 messages
 * as the count doubles is linear.
 */
async function jsonMboxBench(scale: number): Promise<void> {
  console.log('\n--json / --ndjson over one mbox on stdin | messages | seconds | ms per 1,000 messages | output MB | peak RSS MB so far');
  await cliMain(['--json'], countingIo(Buffer.from(smallBouncesMbox(2000))).io); // warm up
  for (const count of [10_000, 20_000, 40_000, 80_000].map((n) => Math.round(n * scale))) {
    const data = Buffer.from(smallBouncesMbox(count));
    for (const mode of ['--json', '--ndjson']) {
      const { io, bytes } = countingIo(data);
      const start = process.hrtime.bigint();
      await cliMain([mode], io);
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      const rss = process.resourceUsage().maxRSS / 1024;
      console.log(`${mode} | ${count} | ${seconds.toFixed(2)} | ${((1000 * seconds * 1000) / count).toFixed(0)} | ${(bytes() / MB).toFixed(1)} | ${rss.toFixed(0)}`);
    }
  }
}

async function main(): Promise<void> {
  const i = process.argv.indexOf('--scale');
  const scale = i === -1 ? 1 : Number(process.argv[i + 1]);
  const o = process.argv.indexOf('--only');
  const only = o === -1 ? undefined : process.argv[o + 1];
  const f = process.argv.indexOf('--fallback');
  if (f !== -1) {
    await fallbackBench(process.argv[f + 1] ?? 'test/fixtures');
    return;
  }
  if (process.argv.includes('--json-mbox')) {
    await jsonMboxBench(scale);
    return;
  }
  if (process.argv.includes('--memory')) {
    memoryBench(Math.max(1, Math.round(30 * scale)));
    return;
  }
  const g = process.argv.indexOf('--line-gb');
  if (g !== -1) {
    // One line of this many GB in an mbox on stdin (issue 15: a 1 GB line must finish).
    const gb = Number(process.argv[g + 1]);
    const c = STREAM_CASES[0];
    if (c === undefined) return;
    const t = await timeStream(c, Math.round(gb * 1024 * MB));
    console.log(`${c.name} | ${gb} GB | ${t.seconds.toFixed(1)} s | ${(t.seconds / (gb * 1024)).toFixed(4)} s/MB | ${t.items} items`);
    return;
  }
  await streamBench(scale, only);
  if (process.argv.includes('--input-only')) return;
  // Warm up: load mailparser and JIT the hot paths, so the first case is not charged for it.
  for (const c of HOSTILE_CASES) await timeOne(c.make(c.full / 1000));
  console.log('case | size | input MB | seconds | s/MB | diagnoses | warnings');
  for (const c of HOSTILE_CASES) {
    if (only !== undefined && !c.name.includes(only)) continue;
    for (const fraction of [0.25, 0.5, 1]) {
      const n = c.full * scale * fraction;
      const t = await timeOne(c.make(n));
      const mb = t.bytes / MB;
      const size = `${c.unit === 'MB' ? n.toFixed(1) : Math.round(n).toLocaleString('en-US')} ${c.unit}`;
      const warn = t.warnings.map((w) => w.slice(0, 60)).join(' / ') || '-';
      console.log(
        `${c.name} | ${size} | ${mb.toFixed(2)} | ${t.seconds.toFixed(3)} | ${(t.seconds / mb).toFixed(4)} | ${t.diagnoses} | ${warn}`,
      );
    }
  }
}

if (require.main === module) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exitCode = 1;
  });
}
