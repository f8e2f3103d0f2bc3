// `npm run bench`: the four figures of issue 4, printed one per line.
//   1. startup, raw SMTP string: whole process, as a ratio to `node -e 0`  (goal ≤ 1.5)
//   2. startup, one bounce email file: ratio to `node -e 0`                (goal ≤ 5)
//   3. throughput on an mbox of ≥ 5,000 bounces built from test/fixtures   (goal ≥ 4,000 msgs/s)
//   4. peak memory (max RSS) on a generated 1 GB mbox                       (goal ≤ 150 MB)
// Options: --quick (a 100 MB mbox for figure 4, fewer runs), --size-mb N, --keep (leave
// the generated files in the temp folder), --runs N, --mailparser (read every email with
// mailparser only, WHYBOUNCE_READER=mailparser: the figures without the light reader). Uses hyperfine when it is installed,
// else a loop of spawnSync timed with process.hrtime. NODE_EXTRA_CA_CERTS is unset for
// every run: Node 20 spends ~35 ms parsing that CA bundle at start (notes/ECOSYSTEM.md).
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';

const ROOT = new URL('..', import.meta.url).pathname;
const BIN = join(ROOT, 'bin', 'whybounce.js');
const FIXTURES = join(ROOT, 'test', 'fixtures');
const args = process.argv.slice(2);
const quick = args.includes('--quick');
const keep = args.includes('--keep');
const valueOf = (name, fallback) => {
  const i = args.indexOf(name);
  return i === -1 ? fallback : Number(args[i + 1]);
};
const RUNS = valueOf('--runs', quick ? 15 : 40);
const SIZE_MB = valueOf('--size-mb', quick ? 100 : 1024);
const THROUGHPUT_MESSAGES = 5000;

const env = { ...process.env };
delete env.NODE_EXTRA_CA_CERTS;
delete env.FORCE_COLOR;
if (args.includes('--mailparser')) env.WHYBOUNCE_READER = 'mailparser';

if (!existsSync(join(ROOT, 'dist', 'cli.cjs'))) {
  spawnSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { stdio: 'inherit', cwd: ROOT });
}

const work = mkdtempSync(join(tmpdir(), 'whybounce-bench-'));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const hasCommand = (cmd, flag = '--version') => spawnSync(cmd, [flag], { stdio: 'ignore' }).status === 0;
const hyperfine = hasCommand('hyperfine');
// Figure 3 is "on one core": pin the process when taskset is there.
const pin = hasCommand('taskset', '--version') ? ['taskset', '-c', '0'] : [];

/**
 * Median wall time in ms of each command (arrays of argv). The machine's speed
 * drifts from one minute to the next, and hyperfine times one command's runs
 * back to back: the runs are made in rounds, each command's share of a round
 * taken in turn and the order turned each round, so a slow minute weighs on
 * every command alike (one round once gave `node -e 0` 32.6 ms and a raw
 * string 31.5 ms: a ratio of 0.97).
 */
function timeCommands(commands) {
  const ROUNDS = 5;
  const perRound = Math.max(1, Math.round(RUNS / ROUNDS));
  const times = commands.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    const order = commands.map((_, i) => (i + round) % commands.length);
    if (hyperfine) {
      const out = join(work, 'hyperfine.json');
      const quote = (a) => `'${a.replace(/'/g, `'\\''`)}'`;
      const r = spawnSync(
        'hyperfine',
        ['-N', '--warmup', '3', '--runs', String(perRound), '--export-json', out, ...order.map((i) => commands[i].map(quote).join(' '))],
        { env, stdio: ['ignore', 'ignore', 'inherit'] },
      );
      if (r.status === 0) {
        JSON.parse(readFileSync(out, 'utf8')).results.forEach((x, k) => times[order[k]].push(...x.times.map((t) => t * 1000)));
        continue;
      }
    }
    for (let i = 0; i < perRound + (round === 0 ? 3 : 0); i++) {
      for (const j of order) {
        const c = commands[j];
        const t = process.hrtime.bigint();
        spawnSync(c[0], c.slice(1), { env, stdio: 'ignore' });
        if (round > 0 || i >= 3) times[j].push(Number(process.hrtime.bigint() - t) / 1e6);
      }
    }
  }
  return times.map(median);
}

function fixtureMessages() {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.eml'))
    .sort()
    .map((f) => readFileSync(join(FIXTURES, f)));
}

// mboxrd: every line matching /^>*From / gets one more ">".
function mboxEntry(message) {
  const text = message.toString('latin1').replace(/^(>*From )/gm, '>$1');
  return Buffer.from(`From MAILER-DAEMON Mon Nov 16 10:02:11 2026\n${text}${text.endsWith('\n') ? '' : '\n'}\n`, 'latin1');
}

// A bounce that returns the whole original message, with a large attachment:
// makes the 1 GB mbox hold big messages too, not only small ones.
function bigBounce(attachmentBytes) {
  const base64 = Buffer.alloc(attachmentBytes, 'whybounce').toString('base64').replace(/.{76}/g, '$&\n');
  return Buffer.from(`From: Mail Delivery System <mailer-daemon@relay.example.net>
To: sender@example.com
Subject: Undelivered Mail Returned to Sender
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="b1"

--b1
Content-Type: text/plain

The message could not be delivered to one recipient.

--b1
Content-Type: message/delivery-status

Reporting-MTA: dns; relay.example.net

Final-Recipient: rfc822; big.box@example.org
Action: failed
Status: 5.2.2
Remote-MTA: dns; mx.example.org
Diagnostic-Code: smtp; 552 5.2.2 Mailbox full

--b1
Content-Type: message/rfc822

From: sender@example.com
To: big.box@example.org
Subject: The report
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="b2"

--b2
Content-Type: text/plain

See the attachment.
--b2
Content-Type: application/octet-stream; name="report.bin"
Content-Transfer-Encoding: base64

${base64}
--b2--

--b1--
`);
}

async function writeMbox(path, blocks, targetBytes) {
  const out = createWriteStream(path);
  const block = Buffer.concat(blocks.map(mboxEntry));
  const perBlock = blocks.length;
  let written = 0;
  let messages = 0;
  while (written < targetBytes) {
    if (!out.write(block)) await once(out, 'drain');
    written += block.length;
    messages += perBlock;
  }
  out.end();
  await once(out, 'finish');
  return { bytes: written, messages };
}

function runTimed(argv, extraEnv = {}) {
  const t = process.hrtime.bigint();
  const r = spawnSync(argv[0], argv.slice(1), { env: { ...env, ...extraEnv }, stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  if (r.status !== 0) process.stderr.write(`bench: ${argv.join(' ')} exited ${r.status}\n${r.stderr}\n`);
  return ms;
}

const line = (label, value, goal, ok) => console.log(`${label.padEnd(52)} ${value.padEnd(26)} ${goal.padEnd(12)} ${ok ? 'ok' : 'MISSED'}`);

const reader = env.WHYBOUNCE_READER === 'mailparser' ? ' · mailparser only' : '';
console.log(`whybounce bench · Node ${process.version} · ${hyperfine ? 'hyperfine' : 'spawnSync loop'} · ${RUNS} runs · NODE_EXTRA_CA_CERTS unset${reader}`);
console.log('');

// 1 and 2: startup.
const node = process.execPath;
const email = join(FIXTURES, 'rfc3464-single.eml');
const [bare, raw, file] = timeCommands([
  [node, '-e', '0'],
  [node, BIN, '550 5.1.1 <someone@example.com>: Recipient address rejected: User unknown'],
  [node, BIN, email],
]);
line('1. raw SMTP string, whole process / node -e 0', `${(raw / bare).toFixed(2)} (${raw.toFixed(1)} / ${bare.toFixed(1)} ms)`, '≤ 1.5', raw / bare <= 1.5);
line('2. one bounce email file / node -e 0', `${(file / bare).toFixed(2)} (${file.toFixed(1)} / ${bare.toFixed(1)} ms)`, '≤ 5', file / bare <= 5);

// 3: throughput.
const fixtures = fixtureMessages();
const small = join(work, 'throughput.mbox');
const copies = Math.ceil(THROUGHPUT_MESSAGES / fixtures.length);
const { messages: n3 } = await writeMbox(small, fixtures, fixtures.reduce((s, m) => s + mboxEntry(m).length, 0) * copies);
const throughputRuns = quick ? 3 : 5;
const t3 = median(Array.from({ length: throughputRuns }, () => runTimed([...pin, node, BIN, '--ndjson', small])));
const rate = n3 / (t3 / 1000);
line(
  `3. throughput, mbox of ${n3} fixture bounces${pin.length ? ' (1 core)' : ''}`,
  `${Math.round(rate)} msgs/s (${(t3 / 1000).toFixed(2)} s)`,
  '≥ 4000',
  rate >= 4000,
);

// 4: peak memory on a big mbox.
let sizeMb = SIZE_MB;
try {
  const fs = statfsSync(tmpdir());
  const freeMb = (fs.bavail * fs.bsize) / 2 ** 20;
  if (freeMb < sizeMb * 1.2 + 200) {
    sizeMb = Math.max(50, Math.floor((freeMb - 200) / 1.5));
    console.log(`(only ${Math.round(freeMb)} MB free in ${tmpdir()}: figure 4 uses ${sizeMb} MB)`);
  }
} catch {
  // statfs is missing on some platforms: keep the size asked for.
}
const big = join(work, 'big.mbox');
const { bytes, messages: n4 } = await writeMbox(big, [...fixtures, bigBounce(2 * 1024 * 1024)], sizeMb * 2 ** 20);
const rssFile = join(work, 'rss');
const preload = join(work, 'rss.cjs');
writeFileSync(
  preload,
  `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)));\n`,
);
const t4 = runTimed([node, '--require', preload, BIN, '--ndjson', big]);
const rssMb = Number(readFileSync(rssFile, 'utf8')) / 1024;
line(
  `4. peak RSS, ${(bytes / 2 ** 30).toFixed(2)} GB mbox (${n4} msgs, ${Math.round(n4 / (t4 / 1000))}/s)`,
  `${rssMb.toFixed(1)} MB`,
  '≤ 150 MB',
  rssMb <= 150,
);

if (keep) console.log(`\nfiles kept in ${work}`);
else rmSync(work, { recursive: true, force: true });
