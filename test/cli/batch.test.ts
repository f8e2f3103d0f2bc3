import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { FIXTURES, runCli, spawnCli, type CliRun } from '../helpers/cli';

// Batch inputs and outputs of the built binary. Every mbox, Maildir and .gz
// here is built at test time from the hand-written fixtures.
const TMP = mkdtempSync(join(tmpdir(), 'whybounce-batch-'));
after(() => {
  rmSync(TMP, { recursive: true, force: true });
});

function run(args: string[], input: string | Buffer = ''): CliRun {
  return runCli(args, { input });
}

const BOUNCES = ['rfc3464-single.eml', 'rfc3464-multi.eml', 'rfc3464-multi-crlf.eml'] as const;
const NOT_BOUNCE = 'not-bounce-newsletter.eml';

function fixture(name: string): Buffer {
  return readFileSync(join(FIXTURES, name));
}

/** mboxrd: a From_ line before each message, one more ">" on every /^>*From / line. */
function mboxOf(names: readonly string[]): Buffer {
  return Buffer.concat(
    names.map((name) => {
      const text = fixture(name).toString('latin1').replace(/^(>*From )/gm, '>$1');
      return Buffer.from(`From MAILER-DAEMON Mon Nov 16 10:02:11 2026\n${text}${text.endsWith('\n') ? '' : '\n'}\n`, 'latin1');
    }),
  );
}

function file(path: string, data: string | Buffer): string {
  const full = join(TMP, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, data);
  return full;
}

interface Record {
  input: string;
  isBounce: boolean;
  diagnoses: { recipient: string | null; status: string | null; reason: string; hardBounce: boolean; class: string | null; format: string }[];
}

const ndjson = (stdout: string): Record[] =>
  stdout
    .trimEnd()
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Record);

/** What whybounce says of one fixture on its own, without the input name. */
function alone(name: string): Omit<Record, 'input'> {
  const { input: _input, ...rest } = JSON.parse(run(['--json', join(FIXTURES, name)]).stdout) as Record;
  return rest;
}

test('an mbox file: one NDJSON line per message, in order, named path#N, same results as the files alone', () => {
  const names = [...BOUNCES, NOT_BOUNCE, BOUNCES[0]];
  const path = file('five.mbox', mboxOf(names));
  const r = run(['--ndjson', path]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, '');
  const records = ndjson(r.stdout);
  assert.deepEqual(
    records.map((x) => x.input),
    names.map((_, i) => `${path}#${i + 1}`),
  );
  records.forEach((record, i) => {
    const { input: _input, ...rest } = record;
    const name = names[i];
    assert.ok(name !== undefined);
    assert.deepEqual(rest, alone(name), name);
  });
});

test('an mbox on stdin is split too (named -#N); an mbox of one message keeps the plain name', () => {
  const r = run(['--ndjson'], mboxOf(BOUNCES));
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(
    ndjson(r.stdout).map((x) => x.input),
    ['-#1', '-#2', '-#3'],
  );
  const one = file('one.mbox', mboxOf(['rfc3464-single.eml']));
  assert.deepEqual(
    ndjson(run(['--ndjson', one]).stdout).map((x) => x.input),
    [one],
  );
});

test('.gz files are unpacked whatever their name: an mbox, a single email, stdin', () => {
  const mbox = file('bounces.mbox.gz', gzipSync(mboxOf(BOUNCES)));
  const eml = file('single.eml.gz', gzipSync(fixture('rfc3464-single.eml')));
  const r = run(['--ndjson', mbox, eml]);
  assert.equal(r.status, 0, r.stderr);
  const records = ndjson(r.stdout);
  assert.deepEqual(
    records.map((x) => x.input),
    [`${mbox}#1`, `${mbox}#2`, `${mbox}#3`, eml],
  );
  assert.deepEqual(records[3]?.diagnoses[0]?.status, '5.1.1');
  const piped = run(['--ndjson', '-'], gzipSync(fixture('rfc3464-single.eml')));
  assert.equal(ndjson(piped.stdout)[0]?.diagnoses[0]?.status, '5.1.1');
});

test('a damaged .gz is an unreadable input (exit 2) and the other inputs are still read', () => {
  const good = gzipSync(fixture('rfc3464-single.eml'));
  const bad = file('damaged.gz', Buffer.concat([good.subarray(0, 20), Buffer.alloc(40, 0x41)]));
  const r = run(['--ndjson', bad, join(FIXTURES, 'rfc3464-single.eml')]);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /damaged\.gz/);
  const lines = r.stdout.trimEnd().split('\n');
  assert.equal(lines.length, 2);
  assert.ok('error' in (JSON.parse(lines[0] ?? '') as object));
  assert.equal((JSON.parse(lines[1] ?? '') as Record).diagnoses.length, 1);
});

test('a Maildir: cur/ then new/, tmp/ and its own files left alone', () => {
  const md = join(TMP, 'Maildir');
  file('Maildir/cur/1700000000.1.host:2,S', fixture('rfc3464-multi.eml'));
  file('Maildir/new/1700000001.2.host', fixture('rfc3464-single.eml'));
  file('Maildir/tmp/1700000002.3.host', 'half written');
  file('Maildir/dovecot-uidlist', '3 V1 N4\n');
  file('Maildir/.Archive/cur/1700000003.4.host:2,S', fixture('rfc3464-multi-crlf.eml'));
  file('Maildir/.Archive/new/.keep', '');
  const r = run(['--ndjson', md]);
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(
    ndjson(r.stdout).map((x) => x.input.slice(md.length + 1)),
    ['cur/1700000000.1.host:2,S', 'new/1700000001.2.host', '.Archive/cur/1700000003.4.host:2,S'],
  );
});

test('a folder is walked recursively; files that are not mail are skipped with a note on stderr', () => {
  file('tree/a/bounce.eml', fixture('rfc3464-single.eml'));
  file('tree/b/c/more.mbox', mboxOf(BOUNCES.slice(1)));
  file('tree/b/picture.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]));
  file('tree/notes.txt', 'shopping list: milk, eggs\n');
  const r = run(['--ndjson', join(TMP, 'tree')]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(ndjson(r.stdout).length, 3);
  const notes = r.stderr.trimEnd().split('\n');
  assert.equal(notes.length, 2);
  assert.match(notes[0] ?? '', /picture\.png: skipped: not an email/);
  assert.match(notes[1] ?? '', /notes\.txt: skipped: not an email/);
});

test('--json: one object per input, an mbox included; an array for several inputs', () => {
  const mbox = JSON.parse(run(['--json', file('j.mbox', mboxOf(BOUNCES))]).stdout) as Record;
  assert.ok(!Array.isArray(mbox));
  assert.equal(mbox.input, file('j.mbox', mboxOf(BOUNCES)));
  const diagnoses = mbox.diagnoses as { message?: string }[];
  // Every diagnosis names the message of the mbox it came from, in order.
  const messages = diagnoses.map((d) => d.message);
  assert.deepEqual([...new Set(messages)], BOUNCES.map((_, i) => `${mbox.input}#${i + 1}`));
  const several = JSON.parse(run(['--json', file('j.mbox', mboxOf(BOUNCES)), '550 5.1.1 no such user']).stdout) as Record[];
  assert.ok(Array.isArray(several));
  assert.equal(several.length, 2);
  assert.equal(several[1]?.input, 'argv');
  const one = JSON.parse(run(['--json'], mboxOf(['rfc3464-single.eml'])).stdout) as Record;
  assert.equal(one.input, '-');
});

/** A small RFC 4180 reader, to check that what we write reads back. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charAt(i);
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  return rows;
}

test('--csv: a header row, one row per diagnosis, fields that read back', () => {
  const path = file('c.mbox', mboxOf([...BOUNCES, NOT_BOUNCE]));
  const r = run(['--csv', path, '550 5.1.1 <a@example.com>: no such user, "sorry"']);
  assert.equal(r.status, 0, r.stderr);
  const rows = parseCsv(r.stdout);
  // The first ten columns keep their places; issue 14's columns come after them.
  const header = rows.at(0) ?? [];
  assert.deepEqual(header.slice(0, 10), ['input', 'recipient', 'replyCode', 'status', 'class', 'reason', 'hardBounce', 'format', 'remoteMta', 'diagnostic']);
  assert.equal(header[10], 'originalMessageId');
  const expected = ndjson(run(['--ndjson', path]).stdout).flatMap((x) => x.diagnoses.map((d) => [x.input, d.recipient ?? '', d.status ?? '']));
  assert.deepEqual(
    rows.slice(1, -1).map((row) => [row[0], row[1], row[3]]),
    expected,
  );
  assert.deepEqual(rows.at(-1)?.slice(0, 10), ['argv', 'a@example.com', '550', '5.1.1', 'permanent', 'userunknown', 'true', 'argv', '', '550 5.1.1 <a@example.com>: no such user, "sorry"']);
  // a raw string has no original, no date, no sender: the new cells are empty
  assert.ok(rows.at(-1)?.slice(10).every((cell) => cell === ''));
  assert.equal(rows.at(-1)?.length, header.length);
});

test('--only keeps matching diagnoses; exit 1 when none match; -q prints nothing', () => {
  const path = file('o.mbox', mboxOf(BOUNCES));
  const all = ndjson(run(['--ndjson', path]).stdout).flatMap((x) => x.diagnoses);
  const hard = ndjson(run(['--ndjson', '--only', 'hard', path]).stdout).flatMap((x) => x.diagnoses);
  assert.ok(hard.length > 0);
  assert.deepEqual(hard, all.filter((d) => d.hardBounce));
  const soft = ndjson(run(['--ndjson', '--only', 'soft', path]).stdout).flatMap((x) => x.diagnoses);
  assert.deepEqual(soft, all.filter((d) => !d.hardBounce && d.class !== 'success' && d.reason !== 'delivered'));
  const transient = ndjson(run(['--ndjson', '--only', 'transient,mailboxfull', path]).stdout).flatMap((x) => x.diagnoses);
  assert.deepEqual(transient, all.filter((d) => d.class === 'transient' || d.reason === 'mailboxfull'));

  const cases: [string[], number][] = [
    [['--only', 'hard', '-q', join(FIXTURES, 'rfc3464-single.eml')], 0],
    [['--only', 'vacation', '-q', join(FIXTURES, 'rfc3464-single.eml')], 1],
    [['--only', 'permanent', '--quiet', '550 5.1.1 no such user'], 0],
    [['--only', 'transient', '--quiet', '550 5.1.1 no such user'], 1],
    [['-q', join(FIXTURES, NOT_BOUNCE)], 1],
    [['--only', 'hardish', '550 5.1.1 x'], 2],
  ];
  for (const [args, status] of cases) {
    const r = run(args);
    assert.equal(r.status, status, args.join(' '));
    assert.equal(r.stdout, '', args.join(' '));
  }
});

test('--summary counts by reason, class, recipient domain and format; --json gives the same counts', () => {
  const path = file('s.mbox', mboxOf([...BOUNCES, NOT_BOUNCE]));
  const records = ndjson(run(['--ndjson', path]).stdout);
  const diagnoses = records.flatMap((x) => x.diagnoses);
  const count = (key: (d: Record['diagnoses'][number]) => string): Map<string, number> => {
    const m = new Map<string, number>();
    for (const d of diagnoses) m.set(key(d), (m.get(key(d)) ?? 0) + 1);
    return m;
  };
  const r = run(['--summary', '--json', path]);
  assert.equal(r.status, 0, r.stderr);
  const s = JSON.parse(r.stdout) as {
    messages: number;
    bounces: number;
    notBounces: number;
    diagnoses: number;
    hardBounces: number;
    by: { reason: object; class: object; domain: object; format: object };
  };
  assert.equal(s.messages, 4);
  assert.equal(s.bounces, 3);
  assert.equal(s.notBounces, 1);
  assert.equal(s.diagnoses, diagnoses.length);
  assert.equal(s.hardBounces, diagnoses.filter((d) => d.hardBounce).length);
  assert.deepEqual(new Map(Object.entries(s.by.reason)), count((d) => d.reason));
  assert.deepEqual(new Map(Object.entries(s.by.class)), count((d) => d.class ?? '(none)'));
  assert.deepEqual(new Map(Object.entries(s.by.format)), count((d) => d.format));
  assert.deepEqual(new Map(Object.entries(s.by.domain)), count((d) => d.recipient?.split('@')[1]?.toLowerCase() ?? '(none)'));

  const text = run(['--summary', path]);
  assert.equal(text.status, 0);
  assert.match(text.stdout, /4 messages · 3 bounces · 1 not a bounce/);
  assert.match(text.stdout, /By reason\n/);
  assert.match(text.stdout, /By recipient domain\n/);
  assert.match(text.stdout, /█/);
});

test('no progress line and nothing else on stderr when stderr is a pipe', () => {
  const names = Array.from({ length: 60 / BOUNCES.length }, () => BOUNCES).flat();
  const r = run(['--summary', file('p.mbox', mboxOf(names))]);
  assert.equal(r.status, 0);
  assert.equal(r.stderr, '');
});

test('--ndjson streams: the first line comes out before the input has ended', async () => {
  const child = spawnCli(['--ndjson']);
  // A message is known to be complete when the next one starts, and an mbox of
  // one message is named differently (one message of look-ahead): three are
  // sent, and stdin stays open.
  child.stdin.write(mboxOf(BOUNCES));
  // Guard: never let a regression hang the suite.
  const timer = setTimeout(() => child.kill(), 15_000);
  try {
    const line = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('\n')) resolve(out.split('\n')[0] ?? '');
      });
      child.on('exit', () => {
        reject(new Error(`exited before printing a line: ${JSON.stringify(out)}`));
      });
    });
    assert.equal((JSON.parse(line) as Record).input, '-#1');
  } finally {
    clearTimeout(timer);
    child.stdin.end();
    child.kill();
  }
});

test('--ndjson to a reader that falls behind: every line arrives, whole and in order', async () => {
  // ~3,000 lines (~8 MB) against a reader that stops for a while: stdout asks
  // the CLI to wait many times, and no line may be lost, cut or reordered.
  const names = Array.from({ length: 1000 }, () => BOUNCES).flat();
  const mbox = file('slow-reader.mbox', mboxOf(names));
  const child = spawnCli(['--ndjson', mbox]);
  child.stdin.end();
  const timer = setTimeout(() => child.kill(), 60_000);
  try {
    const chunks: Buffer[] = [];
    let pauses = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      if (pauses < 20) {
        pauses++;
        child.stdout.pause();
        setTimeout(() => child.stdout.resume(), 25);
      }
    });
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(status, 0);
    const lines = Buffer.concat(chunks).toString('utf8').split('\n');
    assert.equal(lines.pop(), '');
    assert.equal(lines.length, names.length);
    assert.deepEqual(
      lines.map((line) => (JSON.parse(line) as Record).input),
      names.map((_, i) => `${mbox}#${i + 1}`),
    );
  } finally {
    clearTimeout(timer);
    child.kill();
  }
});

test('stdout to a file (written without Node\'s streams) holds what a pipe gets', () => {
  // A regular file or /dev/null on stdout is written with writeSync; a pipe
  // through process.stdout. Both must give the same bytes and exit code.
  // ~120 messages: several 64 KB pieces of output, under spawnSync's 1 MB buffer.
  const names = Array.from({ length: 40 }, () => BOUNCES).flat();
  const mbox = file('to-file.mbox', mboxOf(names));
  const cases = [['554 5.1.0 Sender Denied'], ['--ndjson', mbox], ['--json', mbox], ['--csv', mbox], [join(FIXTURES, NOT_BOUNCE)]];
  for (const args of cases) {
    const piped = run(args);
    const out = join(TMP, 'stdout.txt');
    const fd = openSync(out, 'w');
    const r = runCli(args, { stdio: ['ignore', fd, 'pipe'] });
    closeSync(fd);
    assert.equal(r.status, piped.status, args.join(' '));
    assert.equal(readFileSync(out, 'utf8'), piped.stdout, args.join(' '));
    assert.equal(r.stderr, piped.stderr, args.join(' '));
    const devNull = openSync('/dev/null', 'w');
    const n = runCli(args, { stdio: ['ignore', devNull, 'pipe'] });
    closeSync(devNull);
    assert.equal(n.status, piped.status, `${args.join(' ')} > /dev/null`);
  }
});

test('output that cannot be written (a full disk) is one line on stderr and exit 2, no stack trace', { skip: !existsSync('/dev/full') }, () => {
  for (const args of [['554 5.1.0 Sender Denied'], ['--ndjson', join(FIXTURES, BOUNCES[0])]]) {
    const full = openSync('/dev/full', 'w');
    const r = runCli(args, { stdio: ['ignore', full, 'pipe'] });
    closeSync(full);
    assert.equal(r.status, 2, args.join(' '));
    assert.match(r.stderr, /^whybounce: cannot write the output: ENOSPC[^\n]*\n$/, args.join(' '));
  }
});

test('completion scripts for bash, zsh and fish; another shell is a usage error', () => {
  const bash = run(['completion', 'bash']);
  assert.equal(bash.status, 0);
  assert.match(bash.stdout, /complete -o filenames -F _whybounce whybounce/);
  assert.match(bash.stdout, /--ndjson/);
  assert.match(bash.stdout, /--only\) COMPREPLY=\(\$\(compgen -W "hard soft permanent transient/);
  const zsh = run(['completion', 'zsh']);
  assert.match(zsh.stdout, /^#compdef whybounce/);
  assert.match(zsh.stdout, /'--csv\[/);
  const fish = run(['completion', 'fish']);
  assert.match(fish.stdout, /complete -c whybounce -l quiet -s q/);
  assert.equal(run(['completion', 'powershell']).status, 2);
  if (spawnSync('bash', ['--version']).status === 0) {
    const check = spawnSync('bash', ['-n'], { input: bash.stdout });
    assert.equal(check.status, 0, check.stderr.toString());
  }
});
