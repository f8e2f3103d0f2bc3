// `npm run bench`: the four figures of issue 4, printed one per line.
//   1. startup, raw SMTP string: whole process, as a ratio to `node -e 0`  (goal ≤ 1.5)
//   2. startup, one bounce email file: ratio to `node -e 0`                (goal ≤ 5)
//   3. throughput on an mbox of ≥ 5,000 bounces built from test/fixtures   (goal ≥ 4,000 msgs/s)
//   4. peak memory (max RSS) on a generated 1 GB mbox of a realistic mix   (goal ≤ 150 MB)
//   5. a Postfix log as big as figure 4's mbox: lines/s read, records/s diagnosed, peak RSS
//      (goals ≥ 100,000 lines/s, ≥ 20,000 records/s, ≤ 150 MB; issue 13)
//   6. error lines alone, --ndjson: records/s                               (goal ≥ 20,000)
//   7. a live stream, a line every 200 ms: the slowest record's lag        (goal ≤ 50 ms)
// Options: --quick (a 100 MB mbox for figure 4, fewer runs), --size-mb N, --log-mb N (the
// log of figure 5, default the mbox's size), --logs-only (figures 5 to 7 alone), --keep (leave
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

/** Every .eml under a folder of the tests, at any depth, in name order. */
function emlsUnder(dir) {
  return readdirSync(join(ROOT, dir), { recursive: true })
    .filter((f) => f.endsWith('.eml'))
    .sort()
    .map((f) => readFileSync(join(ROOT, dir, f)));
}

// Figure 4's mix (issue 15, item 19: on a 1 GB mbox of real bounces peak RSS
// was 166 MB where the fixtures alone gave less): every bounce of the tests
// (the fixtures; the real Postfix, Exim, Sendmail and OpenSMTPD bounces of
// test/fixtures/lab, made on a test machine; the parity and notice fixtures),
// and bigger ones as they come back in a real mailbox: HTML notices, returned
// originals with HTML and attachments, a notice in a charset the light reader
// leaves to mailparser, and a 2 MB returned attachment (bigBounce).
function realisticMix() {
  const filler = (n) => Buffer.alloc(n, 'Quarterly figures, see the table below. ').toString('base64').replace(/.{76}/g, '$&\n');
  const html = (n) => `<html><body>${'<p>Dear customer, <b>our offer</b> ends soon. <a href="https://shop.example.com/">Shop now</a></p>\n'.repeat(n)}</body></html>`;
  const returned = (to, attachmentBytes) => `From: sender@example.com
To: ${to}
Subject: Newsletter for December
Message-ID: <news-2026-12@example.com>
Date: Fri, 04 Dec 2026 09:00:00 +0000
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="orig-mixed"

--orig-mixed
Content-Type: multipart/alternative; boundary="orig-alt"

--orig-alt
Content-Type: text/plain; charset=utf-8

Dear customer, our offer ends soon.
--orig-alt
Content-Type: text/html; charset=utf-8
Content-Transfer-Encoding: 8bit

${html(400)}
--orig-alt--
--orig-mixed
Content-Type: application/pdf; name="figures.pdf"
Content-Transfer-Encoding: base64
Content-Disposition: attachment; filename="figures.pdf"

${filler(attachmentBytes)}
--orig-mixed--
`;
  const htmlNotice = Buffer.from(`From: postmaster@corp.example.org
To: sender@example.com
Subject: Undeliverable: Newsletter for December
MIME-Version: 1.0
Content-Type: multipart/report; report-type=delivery-status; boundary="ex-report"

--ex-report
Content-Type: multipart/alternative; boundary="ex-alt"

--ex-alt
Content-Type: text/plain; charset=us-ascii

Delivery has failed to these recipients or groups:

gone.person@corp.example.org
The email address you entered couldn't be found.

--ex-alt
Content-Type: text/html; charset=us-ascii

<html><body><p><b>Delivery has failed to these recipients or groups:</b></p>
<p><a href="mailto:gone.person@corp.example.org">gone.person@corp.example.org</a><br>
The email address you entered couldn't be found.</p>
<p>Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup'</p>
</body></html>
--ex-alt--

--ex-report
Content-Type: message/delivery-status

Reporting-MTA: dns;mail.corp.example.org

Final-recipient: RFC822; gone.person@corp.example.org
Action: failed
Status: 5.1.10
Diagnostic-Code: smtp;550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup

--ex-report
Content-Type: message/rfc822

${returned('gone.person@corp.example.org', 300 * 1024)}
--ex-report--
`);
  const koi8Notice = Buffer.from(`From: MAILER-DAEMON@mx.example.ru
To: sender@example.com
Subject: Undelivered Mail Returned to Sender
MIME-Version: 1.0
Content-Type: multipart/mixed; boundary="ru-mixed"

--ru-mixed
Content-Type: text/plain; charset=koi8-r
Content-Transfer-Encoding: 8bit

\xf3\xcf\xcf\xc2\xdd\xc5\xce\xc9\xc5 \xce\xc5 \xc4\xcf\xd3\xd4\xc1\xd7\xcc\xc5\xce\xcf.

<full.box@example.ru>: host mx.example.ru[192.0.2.44] said: 552 5.2.2
    Mailbox full (in reply to RCPT TO command)

--ru-mixed
Content-Type: message/rfc822

${returned('full.box@example.ru', 60 * 1024)}
--ru-mixed--
`, 'latin1');
  return [...emlsUnder('test/fixtures'), ...emlsUnder('test/email/fixtures'), ...emlsUnder('test/extract/fixtures'), htmlNotice, koi8Notice, bigBounce(2 * 1024 * 1024)];
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

// --logs-only: figures 5 to 7 alone (the mail log figures).
const logsOnly = args.includes('--logs-only');
let sizeMb = SIZE_MB;
const rssFile = join(work, 'rss');
const preload = join(work, 'rss.cjs');
writeFileSync(
  preload,
  `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(rssFile)}, String(process.resourceUsage().maxRSS)));\n`,
);
const node = process.execPath;
if (!logsOnly) {
// 1 and 2: startup.
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
const mix = realisticMix();
const { bytes, messages: n4 } = await writeMbox(big, mix, sizeMb * 2 ** 20);
const t4 = runTimed([node, '--require', preload, BIN, '--ndjson', big]);
const rssMb = Number(readFileSync(rssFile, 'utf8')) / 1024;
line(
  `4. peak RSS, ${(bytes / 2 ** 30).toFixed(2)} GB mbox of a mix (${n4} msgs, ${Math.round(n4 / (t4 / 1000))}/s)`,
  `${rssMb.toFixed(1)} MB`,
  '≤ 150 MB',
  rssMb <= 150,
);

}

// 5 to 7: mail logs (issue 13).
{
  // A Postfix log as a busy relay writes it: per message, smtpd's connect,
  // cleanup, qmgr, the delivery lines (sent, deferred, bounced) and the
  // disconnect. Queue ids and addresses change from block to block.
  const block = (i) => {
    const id = `4X${(i * 7919).toString(36).toUpperCase().padStart(8, '0')}`;
    const t = `Dec  4 10:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;
    return [
      `${t} mx1 postfix/smtpd[2101]: connect from mail.example.org[198.51.100.20]`,
      `${t} mx1 postfix/smtpd[2101]: ${id}: client=mail.example.org[198.51.100.20]`,
      `${t} mx1 postfix/cleanup[2110]: ${id}: message-id=<${i}@example.org>`,
      `${t} mx1 postfix/qmgr[880]: ${id}: from=<news@example.org>, size=4312, nrcpt=3 (queue active)`,
      `${t} mx1 postfix/smtp[2202]: ${id}: to=<user${i}@example.com>, relay=mx.example.com[192.0.2.10]:25, delay=1.4, delays=0.1/0.01/0.6/0.7, dsn=5.1.1, status=bounced (host mx.example.com[192.0.2.10] said: 550 5.1.1 <user${i}@example.com>: Recipient address rejected: User unknown in virtual mailbox table (in reply to RCPT TO command))`,
      `${t} mx1 postfix/smtp[2203]: ${id}: to=<user${i}@example.net>, relay=mx.example.net[192.0.2.20]:25, delay=2.1, delays=0.1/0/1/1, dsn=4.2.2, status=deferred (host mx.example.net[192.0.2.20] said: 452 4.2.2 Mailbox full (in reply to RCPT TO command))`,
      `${t} mx1 postfix/smtp[2205]: ${id}: to=<user${i}@example.org>, relay=mx.example.org[203.0.113.5]:25, delay=0.9, delays=0.1/0/0.3/0.5, dsn=2.0.0, status=sent (250 2.0.0 Ok: queued as 9F1E2D3C4B)`,
      `${t} mx1 postfix/qmgr[880]: ${id}: removed`,
      `${t} mx1 postfix/smtpd[2101]: disconnect from mail.example.org[198.51.100.20] ehlo=1 mail=1 rcpt=3 data=1 quit=1 commands=7`,
      '',
    ].join('\n');
  };
  const LINES_PER_BLOCK = 9;
  const RECORDS_PER_BLOCK = 3;
  const writeLog = async (path, targetBytes, blockOf) => {
    const out = createWriteStream(path);
    let written = 0;
    let blocks = 0;
    while (written < targetBytes) {
      // 64 blocks per write: few calls, distinct lines.
      const text = Array.from({ length: 64 }, (_, k) => blockOf(blocks + k)).join('');
      if (!out.write(text)) await once(out, 'drain');
      written += Buffer.byteLength(text);
      blocks += 64;
    }
    out.end();
    await once(out, 'finish');
    return { bytes: written, blocks };
  };
  const logMb = valueOf('--log-mb', sizeMb);
  const log = join(work, 'mail.log');
  const { bytes: logBytes, blocks } = await writeLog(log, logMb * 2 ** 20, block);
  const lines = blocks * LINES_PER_BLOCK;
  const records = blocks * RECORDS_PER_BLOCK;
  // 5: lines read, as `--summary` reads a log: every line split and recognised, every record diagnosed.
  const t5 = runTimed([...pin, node, '--require', preload, BIN, '--summary', log]);
  const rss5 = Number(readFileSync(rssFile, 'utf8')) / 1024;
  const lineRate = lines / (t5 / 1000);
  line(
    `5. ${(logBytes / 2 ** 30).toFixed(2)} GB Postfix log, lines read${pin.length ? ' (1 core)' : ''}`,
    `${Math.round(lineRate)} lines/s (${(t5 / 1000).toFixed(1)} s)`,
    '≥ 100000',
    lineRate >= 100000,
  );
  line(`   records diagnosed in it (${records})`, `${Math.round(records / (t5 / 1000))} records/s`, '≥ 20000', records / (t5 / 1000) >= 20000);
  line('   peak RSS', `${rss5.toFixed(1)} MB`, '≤ 150 MB', rss5 <= 150);
  // 6: error records alone, written out as NDJSON.
  const errors = join(work, 'errors.log');
  const errorBlock = (i) => block(i).split('\n').slice(4, 6).join('\n') + '\n';
  const { blocks: errorBlocks } = await writeLog(errors, Math.min(logMb, 50) * 2 ** 20, errorBlock);
  const t6 = runTimed([...pin, node, BIN, '--ndjson', errors]);
  const errorRate = (errorBlocks * 2) / (t6 / 1000);
  line(`6. error lines only, --ndjson (${errorBlocks * 2})${pin.length ? ' (1 core)' : ''}`, `${Math.round(errorRate)} records/s`, '≥ 20000', errorRate >= 20000);
  // 7: a live stream, one line at a time: how long each record takes to come out.
  const { spawn } = await import('node:child_process');
  const child = spawn(node, [BIN, '--ndjson'], { env, stdio: ['pipe', 'pipe', 'ignore'] });
  const lags = [];
  let sentAt = 0;
  let pending = '';
  child.stdout.on('data', (chunk) => {
    pending += chunk.toString('utf8');
    for (let nl = pending.indexOf('\n'); nl !== -1; nl = pending.indexOf('\n')) {
      pending = pending.slice(nl + 1);
      lags.push(Number(process.hrtime.bigint() - BigInt(sentAt)) / 1e6);
    }
  });
  const liveLines = block(1).split('\n').slice(4, 7);
  for (let i = 0; i < 6; i++) {
    await new Promise((resolve) => setTimeout(resolve, i === 0 ? 300 : 200));
    sentAt = Number(process.hrtime.bigint());
    child.stdin.write(`${liveLines[i % 3]}\n`);
  }
  await new Promise((resolve) => setTimeout(resolve, 300));
  child.stdin.end();
  await once(child, 'exit');
  // The first line waits for the process to start; the others show the answer time.
  const lag = Math.max(...lags.slice(1));
  line('7. live stream, a line every 200 ms: slowest record out', `${lag.toFixed(1)} ms (${lags.length}/6 out)`, '≤ 50 ms', lag <= 50 && lags.length === 6);
}

if (keep) console.log(`\nfiles kept in ${work}`);
else rmSync(work, { recursive: true, force: true });
