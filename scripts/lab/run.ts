// `npm run lab`: real mail servers from Debian's packages make real bounces on
// loopback, and whybounce must diagnose each as its scenario says.
//
// Outer run: fetch the packages (apt-get download), unpack them (dpkg -x) into
// a temp dir, check the generated configs, then start the inner run in new
// PID, mount, UTS and network namespaces (unshare). Inside, only loopback
// exists, /etc/resolv.conf, /etc/passwd, /etc/group and /etc/hosts are the
// lab's own (bind mounts seen by the lab alone), and when the inner run ends
// the kernel ends every process left in its PID namespace. Nothing is
// installed; the temp dir is removed at the end.
//
// Flags: --save (write fresh fixtures), --servers=postfix,exim (a subset), --keep (keep the temp dir).
import { spawnSync, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, openSync, closeSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { startDns } from './dns';
import { NOTLS_IP, SERVER_IP, COLLECTOR_IP, DNSBL_IP, DNSBL_ZONE, DNS_IP, REMOTE_IP, SENDER_REJECT_IP, SPF_IP, labZone } from './layout';
import { listedIn, spfPasses, startSmtp, submit, type Received, type RemoteScript } from './fake-smtp';
import { SCENARIOS, messageFor, senderFor, type ExpectedDiagnosis } from './scenarios';
import { configProblems } from './check-config';
import { SERVERS } from './servers';
import type { LabContext, LabServer } from './servers/types';
import { compareDiagnoses, judge, sanitize, type LabExpected } from './compare';
import { diagnose } from '../../src/pipeline/diagnose';
import { KNOWN_MISMATCHES } from './known-mismatches';

const ROOT = resolve(__dirname, '../..');
const FIXTURES = join(ROOT, 'test/fixtures/lab');
const args = process.argv.slice(2);
const flag = (name: string): boolean => args.includes(`--${name}`);
const opt = (name: string): string | undefined => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];

/** The lab's service accounts, known only inside the lab's mount namespace. */
const ACCOUNTS: Array<[string, number]> = [
  ['postfix', 2901],
  ['postdrop', 2902],
  ['Debian-exim', 2903],
  ['opensmtpd', 2904],
  ['opensmtpq', 2905],
  ['smmta', 2906],
  ['smmsp', 2907],
];
const idOf = (name: string): number => {
  const hit = ACCOUNTS.find(([n]) => n === name);
  if (hit === undefined) throw new Error(`no lab account ${name}`);
  return hit[1];
};

function selectedServers(): LabServer[] {
  const want = opt('servers')?.split(',');
  return SERVERS.filter((s) => want === undefined || want.includes(s.id));
}

function contextFor(labTmp: string, s: LabServer): LabContext {
  return { pkgRoot: (p) => join(labTmp, 'root', p), dir: join(labTmp, 'state', s.id), uid: idOf, gid: idOf };
}

function sh(cmd: string, argv: string[], cwd?: string, timeoutMs = 90_000): { ok: boolean; out: string } {
  const r = spawnSync(cmd, argv, { cwd, encoding: 'utf8', timeout: timeoutMs, killSignal: 'SIGKILL' });
  return { ok: r.status === 0, out: `${r.stdout}${r.stderr}` };
}

// ---------------------------------------------------------------- outer run
/**
 * Exit codes: 0 every bounce read as expected (or as a known mismatch says);
 * 1 a mismatch or a missing bounce (CI fails); 2 the lab itself broke (CI
 * fails); 3 skipped: this machine cannot run the lab (no root, no unshare or
 * namespaces, no apt-get or no package source reachable). .ci/run prints a
 * skip for 3 and fails on the others.
 */
const SKIPPED = 3;

function skip(why: string): number {
  console.log(`lab: SKIPPED: ${why}`);
  return SKIPPED;
}

function has(cmd: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' }).status === 0;
}

function outer(): number {
  const started = Date.now();
  if (process.getuid?.() !== 0) return skip('needs root (it unpacks packages, starts mail servers on port 25 and makes namespaces)');
  const missing = ['unshare', 'apt-get', 'dpkg', 'dpkg-deb', 'ip', 'mount', 'hostname'].filter((c) => !has(c));
  if (missing.length > 0) return skip(`missing command${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`);
  // Namespaces may be refused (a container without CAP_SYS_ADMIN, a seccomp filter).
  const probe = spawnSync('unshare', [...UNSHARE, 'true'], { encoding: 'utf8', timeout: 20_000 });
  if (probe.status !== 0) return skip(`cannot make namespaces here (unshare: ${(probe.error?.message ?? (probe.stderr.trim() === '' ? `exit ${String(probe.status)}` : probe.stderr)).trim()})`);
  const labTmp = mkdtempSync(join(tmpdir(), 'whybounce-lab-'));
  chmodSync(labTmp, 0o755); // the servers' own accounts must reach their folders
  const servers = selectedServers();
  try {
    const debs = join(labTmp, 'debs');
    mkdirSync(debs, { recursive: true });
    const pkgs = servers.flatMap((s) => s.packages);
    // Short network time-outs: an unreachable mirror is a skip, not a hang.
    const APT = ['-o', 'Acquire::http::Timeout=15', '-o', 'Acquire::https::Timeout=15', '-o', 'Acquire::Retries=1'];
    let dl = sh('apt-get', [...APT, 'download', ...pkgs], debs);
    let updated = false;
    if (!dl.ok) {
      console.log('apt-get download failed; running apt-get update once and trying again');
      updated = sh('apt-get', [...APT, 'update']).ok;
      dl = sh('apt-get', [...APT, 'download', ...pkgs], debs);
    }
    if (!dl.ok && updated && /Unable to locate package|has no installation candidate/i.test(dl.out)) {
      // The package lists are fresh and still lack a package: the lab's list is wrong, not the machine.
      console.error(`lab: a package the lab needs is not in this machine's package sources:\n${dl.out.trim()}`);
      return 2;
    }
    if (!dl.ok) return skip(`apt-get download ${pkgs.join(' ')} failed (no package source reachable?):\n${dl.out.trim()}`);
    const versions: Record<string, string> = {};
    mkdirSync(join(labTmp, 'root'), { recursive: true });
    for (const file of readdirSync(debs).filter((f) => f.endsWith('.deb'))) {
      const name = file.split('_')[0] ?? file;
      const x = sh('dpkg', ['-x', join(debs, file), join(labTmp, 'root', name)]);
      if (!x.ok) throw new Error(`dpkg -x ${file}: ${x.out}`);
      versions[name] = sh('dpkg-deb', ['-f', join(debs, file), 'Version']).out.trim();
    }
    writeFileSync(join(labTmp, 'versions.json'), JSON.stringify(versions, null, 2));
    // The network rule, before any server starts.
    const problems = servers.flatMap((s) => configProblems(s.configFiles(contextFor(labTmp, s))).map((p) => `${s.id}: ${p}`));
    problems.push(...configProblems({ 'resolv.conf': RESOLV_CONF }));
    if (problems.length > 0) {
      console.error(`lab: the generated configs break the loopback rule:\n${problems.join('\n')}`);
      return 2;
    }
    console.log(`lab: packages ready in ${Math.round((Date.now() - started) / 1000)} s (${Object.entries(versions).map(([k, v]) => `${k} ${v}`).join(', ')})`);
    // --kill-child: should unshare be killed (the time limit below), the
    // inner run, PID 1 of its namespace, is killed too, and with it every
    // process of the namespace.
    const inner = spawnSync('unshare', [...UNSHARE, process.execPath, '--import', 'tsx', __filename, '--inner', ...args], {
      stdio: 'inherit',
      env: { ...process.env, WHYBOUNCE_LAB_TMP: labTmp },
      timeout: INNER_LIMIT_S * 1000,
      killSignal: 'SIGKILL',
    });
    const took = Math.round((Date.now() - started) / 1000);
    if (inner.error) console.error(`lab: inner run stopped: ${inner.error.message}${inner.signal === 'SIGKILL' ? ` (over its ${INNER_LIMIT_S} s limit)` : ''}`);
    console.log(`lab: finished in ${took} s (exit ${inner.status ?? 2})`);
    return inner.status ?? 2;
  } finally {
    if (flag('keep')) console.log(`lab: kept ${labTmp}`);
    else rmSync(labTmp, { recursive: true, force: true });
  }
}

const UNSHARE = ['--fork', '--kill-child', '--pid', '--mount-proc', '--mount', '--uts', '--net', '--propagation', 'private'];
/** The inner run (servers, submissions, waiting) is killed after this many seconds. */
const INNER_LIMIT_S = 360;

const RESOLV_CONF = `nameserver ${DNS_IP}\noptions timeout:1 attempts:1\n`;

// ---------------------------------------------------------------- inner run
const GREY_SECONDS = 25;

function remoteScript(): RemoteScript {
  const firstSeen = new Map<string, number>();
  return {
    onRcpt(rcpt) {
      const [local, domain] = rcpt.split('@');
      if (domain !== 'remote.lab.example' && domain !== 'notls.lab.example') return `554 5.7.1 <${rcpt}>: Relay access denied`;
      if (local === 'nouser') return `550 5.1.1 <${rcpt}>: Recipient address rejected: User unknown in local recipient table`;
      if (local === 'full') return `552 5.2.2 <${rcpt}>: Recipient address rejected: Mailbox full`;
      if (local === 'grey') {
        const t = firstSeen.get(rcpt) ?? Date.now();
        firstSeen.set(rcpt, t);
        if (Date.now() - t < GREY_SECONDS * 1000) return `450 4.2.0 <${rcpt}>: Recipient address rejected: Greylisted, see https://greylist.lab.example/`;
      }
      // The limit is two recipients a message: many3 is one too many. (Keyed on
      // the name, since servers send RCPTs in orders of their own.)
      if (local === 'many3') return '550 5.5.3 Error: too many recipients';
      return null;
    },
    onData(rcpts, size) {
      if (size > 4000) return '552 5.3.4 Message size exceeds fixed limit';
      if (rcpts.some((r) => r.startsWith('content@'))) return '550 5.7.1 Message content rejected';
      return null;
    },
  };
}

interface Notice {
  server: string;
  scenario: string;
  msg: Received;
}

async function inner(): Promise<number> {
  const labTmp = process.env.WHYBOUNCE_LAB_TMP;
  if (labTmp === undefined) throw new Error('no lab dir');
  const servers = selectedServers();
  const versions = JSON.parse(readFileSync(join(labTmp, 'versions.json'), 'utf8')) as Record<string, string>;
  // Namespace set-up: loopback up, a lab hostname, the lab's resolver and accounts.
  const etc = join(labTmp, 'etc');
  mkdirSync(etc, { recursive: true });
  writeFileSync(join(etc, 'resolv.conf'), RESOLV_CONF);
  const extraPw = ACCOUNTS.map(([n, id]) => `${n}:x:${id}:${id}:lab account:/nonexistent:/usr/sbin/nologin`).join('\n');
  const extraGr = ACCOUNTS.map(([n, id]) => `${n}:x:${id}:`).join('\n');
  writeFileSync(join(etc, 'passwd'), readFileSync('/etc/passwd', 'utf8').trimEnd() + '\n' + extraPw + '\n');
  writeFileSync(join(etc, 'group'), readFileSync('/etc/group', 'utf8').trimEnd() + '\n' + extraGr + '\n');
  writeFileSync(join(etc, 'hosts'), '127.0.0.1 localhost host.lab.example\n');
  const setup: Array<[string, string[]]> = [
    ['ip', ['link', 'set', 'lo', 'up']],
    ['hostname', ['host.lab.example']],
    // Each lab address is an address of its own on lo, as servers want for inet_interfaces.
    ...[REMOTE_IP, NOTLS_IP, COLLECTOR_IP, DNSBL_IP, SPF_IP, SENDER_REJECT_IP, ...Object.values(SERVER_IP)].map(
      (ip): [string, string[]] => ['ip', ['addr', 'add', `${ip}/32`, 'dev', 'lo']],
    ),
    ...['resolv.conf', 'passwd', 'group', 'hosts'].map((f): [string, string[]] => ['mount', ['--bind', join(etc, f), `/etc/${f}`]]),
  ];
  for (const [cmd, argv] of setup) {
    const r = sh(cmd, argv);
    if (!r.ok) throw new Error(`${cmd} ${argv.join(' ')}: ${r.out}`);
  }

  const notices: Notice[] = [];
  const dns = await startDns(DNS_IP, 53, labZone());
  const remote = remoteScript();
  const collect = (m: Received): void => {
    for (const r of m.rcptTo) {
      const hit = /^([a-z]+)\.([a-z-]+)@sender\.lab\.example$/.exec(r);
      if (hit?.[1] !== undefined && hit[2] !== undefined) notices.push({ server: hit[1], scenario: hit[2], msg: m });
    }
  };
  const ignore = (): void => undefined;
  const fakes = await Promise.all([
    startSmtp(REMOTE_IP, 25, 'mx.remote.lab.example', remote, ignore),
    startSmtp(NOTLS_IP, 25, 'mx.notls.lab.example', remote, ignore),
    startSmtp(COLLECTOR_IP, 25, 'mx.sender.lab.example', {}, collect),
    startSmtp(DNSBL_IP, 25, 'mx.rbl.lab.example', {
      onRcpt: async (_r, _c, ip) =>
        (await listedIn(ip, DNSBL_ZONE, DNS_IP)) ? `554 5.7.1 Service unavailable; Client host [${ip}] blocked using ${DNSBL_ZONE}` : null,
    }, ignore),
    startSmtp(SPF_IP, 25, 'mx.spf.lab.example', {
      onMail: async (from, ip) => {
        const domain = from.split('@')[1] ?? '';
        return (await spfPasses(domain, ip, DNS_IP))
          ? null
          : `550 5.7.23 <${from}>: Sender address rejected: SPF check failed: ${domain} does not designate ${ip} as permitted sender`;
      },
    }, ignore),
    startSmtp(SENDER_REJECT_IP, 25, 'mx.senderreject.lab.example', {
      onMail: (from) => `553 5.7.1 <${from}>: Sender address rejected: not owned by user lab`,
    }, ignore),
  ]);

  const procs: Array<{ s: LabServer; p: ChildProcess }> = [];
  const t0 = Date.now();
  let status = 0;
  try {
    for (const s of servers) {
      const ctx = contextFor(labTmp, s);
      mkdirSync(ctx.dir, { recursive: true });
      s.prepare(ctx);
      const logFd = openSync(join(ctx.dir, 'server.log'), 'a');
      const p = s.start(ctx, logFd);
      closeSync(logFd);
      p.on('exit', (code, sig) => { console.log(`lab: ${s.id} exited (${code ?? sig})`); });
      p.on('error', (e) => { console.log(`lab: ${s.id} could not start: ${e.message}`); });
      procs.push({ s, p });
    }
    for (const { s } of procs) await waitForPort(s.ip, 25, 20_000);
    // Submit every scenario to every server.
    const date = new Date();
    const refused = new Set<string>();
    // One scenario after another on each server (OpenSMTPD drops connections
    // that arrive all at once), the servers side by side; one retry each.
    const submitAll = async (s: LabServer): Promise<void> => {
      for (const sc of SCENARIOS) {
        if (typeof s.overrides?.[sc.id] === 'string') continue;
        const local = s.localDomain;
        const sub = {
          from: senderFor(s.id, sc.id),
          rcpts: sc.rcpts.map((r) => ({ addr: r.addr.replace('{local}', local), ...(r.notify && s.dsn ? { notify: r.notify } : {}) })),
          data: messageFor(s.id, sc, local, date),
          ret: 'HDRS' as const,
        };
        try {
          await submit(s.ip, 25, sub, 10_000).catch(async () => {
            await sleep(1000);
            return submit(s.ip, 25, sub, 10_000);
          });
        } catch (e) {
          refused.add(`${s.id}/${sc.id}`);
          console.error(`lab: ${s.id}/${sc.id}: ${e instanceof Error ? e.message : String(e)}`);
        }
      }
    };
    await Promise.all(procs.map(({ s }) => submitAll(s)));
    // Wait for the notices: expiry scenarios take a queue lifetime.
    const deadline = Date.now() + Number(opt('wait') ?? 150) * 1000;
    const done = (): boolean =>
      procs.every(({ s }) =>
        SCENARIOS.every((sc) => typeof s.overrides?.[sc.id] === 'string' || refused.has(`${s.id}/${sc.id}`) || pickNotice(sc.pick, notices.filter((n) => n.server === s.id && n.scenario === sc.id)) !== undefined),
      );
    while (!done() && Date.now() < deadline) await sleep(1000);
    // Give late duplicates (a second warning) a moment, then judge.
    await sleep(2000);
  } finally {
    for (const { p } of procs) p.kill('SIGTERM');
    await sleep(1500);
    for (const { p } of procs) if (p.exitCode === null) p.kill('SIGKILL');
    dns.close();
    for (const f of fakes) f.close();
  }
  const elapsed = Math.round((Date.now() - t0) / 1000);

  // Judge and print the table.
  const rows: string[][] = [];
  const lines: string[] = [];
  for (const sc of SCENARIOS) {
    const row = [sc.id];
    for (const { s } of procs) {
      const ov = s.overrides?.[sc.id];
      if (typeof ov === 'string') {
        row.push('n/a');
        lines.push(`${s.id}/${sc.id}: n/a: ${ov}`);
        continue;
      }
      const got = notices.filter((n) => n.server === s.id && n.scenario === sc.id);
      const notice = pickNotice(sc.pick, got);
      if (notice === undefined) {
        row.push('✖ none');
        lines.push(`${s.id}/${sc.id}: no notice arrived`);
        status = 1;
        continue;
      }
      const local = s.localDomain;
      const expect: ExpectedDiagnosis[] = (Array.isArray(ov) ? ov : sc.expect).map((e) => ({ ...e, recipient: e.recipient.replace('{local}', local) }));
      const eml = sanitize(notice.msg.data);
      const result = await diagnose(eml, { input: `${s.id}/${sc.id}.eml` });
      const diff = compareDiagnoses(expect, result.diagnoses as unknown as Array<Record<string, unknown>>);
      const expPath = join(FIXTURES, s.id, `${sc.id}.expected.json`);
      const known = KNOWN_MISMATCHES[`${s.id}/${sc.id}`];
      const verdict = judge(expect, diff, known);
      if (verdict === 'right' && known === undefined) row.push('✔');
      else if (verdict === 'right') {
        row.push('✔ was known');
        lines.push(`${s.id}/${sc.id}: read right now: remove its entry from scripts/lab/known-mismatches.ts (and MISMATCHES.md)`);
      } else if (verdict === 'known' && known !== undefined) {
        row.push('◐ known');
        lines.push(`${s.id}/${sc.id}: known mismatch, ${known.fault} (${known.why}): ${diff.join('; ')}`);
      } else {
        row.push('✖');
        lines.push(`${s.id}/${sc.id}: ${diff.join('; ')}${known === undefined ? '' : ` (a known mismatch, but not the known answer: ${JSON.stringify(known.got)})`}`);
        lines.push(`  the bounce (its report part):\n${reportPart(eml)}`);
        status = 1;
      }
      if (flag('save')) {
        const dir = join(FIXTURES, s.id);
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, `${sc.id}.eml`), eml);
        const pkg = s.versionPackage;
        writeFileSync(
          join(dir, `${sc.id}.meta.json`),
          JSON.stringify({ server: s.id, package: pkg, version: versions[pkg] ?? null, scenario: sc.id, title: sc.title, notices: got.length, madeBy: 'npm run lab -- --save' }, null, 2) + '\n',
        );
        const out: LabExpected = { diagnoses: expect, ...(verdict === 'known' && known !== undefined ? { knownMismatch: known.why } : {}) };
        writeFileSync(expPath, JSON.stringify(out, null, 2) + '\n');
      }
    }
    rows.push(row);
  }
  printTable(['scenario', ...procs.map(({ s }) => `${s.id} ${versions[s.versionPackage] ?? ''}`)], rows);
  for (const l of lines) console.log('  ' + l);
  console.log(`lab: servers ran ${elapsed} s; ${notices.length} notices collected`);
  return status;
}

/**
 * The notice a scenario keeps: the first one; the first final one: a report
 * with no "Action: delayed" line, or one whose status is x.4.7 (delivery time
 * expired; OpenSMTPD 6.8 marks its expiry report "Action: delayed"); or the
 * first warning: a report that is not final.
 */
function pickNotice(pick: 'first' | 'final' | 'warning', got: Notice[]): Notice | undefined {
  if (pick === 'first') return got[0];
  const final = (n: Notice): boolean => !/^Action:\s*delayed/im.test(n.msg.data) || /^Status:\s*[45]\.4\.7\b/im.test(n.msg.data);
  return got.find((n) => final(n) === (pick === 'final'));
}

/** The lines of a bounce from its Subject on, at most 45: enough to see why it was read as it was. */
function reportPart(eml: string): string {
  const all = eml.split('\n');
  const from = Math.max(0, all.findIndex((l) => /^Subject:/i.test(l)));
  return all.slice(from, from + 45).map((l) => `    | ${l}`).join('\n');
}

function printTable(head: string[], rows: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const fmt = (r: string[]): string => '| ' + r.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ') + ' |';
  console.log(fmt(head));
  console.log('|' + widths.map((w) => '-'.repeat(w + 2)).join('|') + '|');
  for (const r of rows) console.log(fmt(r));
}

function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

async function waitForPort(host: string, port: number, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const ok = await new Promise<boolean>((res) => {
      const c = connect(port, host);
      c.once('connect', () => {
        c.destroy();
        res(true);
      });
      c.once('error', () => { res(false); });
    });
    if (ok) return;
    await sleep(300);
  }
  throw new Error(`nothing listens on ${host}:${port} after ${ms / 1000} s`);
}

if (args.includes('--inner')) {
  inner().then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error('lab (inner):', e);
      process.exit(2);
    },
  );
} else {
  process.exitCode = outer();
}
