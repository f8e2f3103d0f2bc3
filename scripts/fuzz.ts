// Mutation fuzzer: feeds diagnose() and the renderers broken versions of our
// fixtures (test/fixtures/*.eml) and reports every crash, every internal error
// and every input that takes over a second.
//
//   npm run fuzz -- --runs 100000 [--seed 42] [--slow-ms 1000] [--only 1234]
//
// Each run is built from (seed, run number) alone, so `--only N` rebuilds and
// replays run N. The runs go in a child process; the parent watches it, so an
// infinite loop is caught too (no progress for --hang-ms), and the child is
// restarted after it. Failing inputs are written under the system temp folder.
import { fork } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Chalk } from 'chalk';
import { diagnose } from '../src/pipeline/diagnose';
import { renderJson, renderNdjsonLine } from '../src/render/json';
import { renderText } from '../src/render/text';
import { nestedMime } from './bench-hostile';

const FIXTURES = join(__dirname, '..', 'test', 'fixtures');
const MB = 1024 * 1024;

// ---------------------------------------------------------------- random ----

/** A small seeded PRNG (mulberry32): the same seed gives the same run. */
export class Rng {
  private state: number;
  constructor(seed: number) {
    this.state = seed >>> 0;
  }
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(max: number): number {
    return Math.floor(this.next() * max);
  }
  pick<T>(items: readonly T[]): T {
    const item = items[this.int(items.length)];
    if (item === undefined) throw new Error('pick from an empty list');
    return item;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
}

// -------------------------------------------------------------- mutators ----

type Mutator = (input: Buffer, rng: Rng) => Buffer;

function lines(input: Buffer): string[] {
  return input.toString('latin1').split('\n');
}

function join_(parts: readonly string[]): Buffer {
  return Buffer.from(parts.join('\n'), 'latin1');
}

function headerLineIndexes(ls: readonly string[]): number[] {
  const out: number[] = [];
  ls.forEach((l, i) => {
    if (/^[\w-]{1,76}:/.test(l)) out.push(i);
  });
  return out;
}

const LONG_LINE_UNITS = ['5.1.1.', '550-', '0123456789.', 'a', ' ', '<a@b.c>', '\t', '=', 'A=', '.', '-', '\u00e9', '@'];
const CHARSETS = ['x-unknown', 'utf-7', 'iso-2022-jp', 'utf-16', 'ks_c_5601-1987', '""', 'utf-8"; x="', '\u0000', 'windows-1252', 'gb18030', ''];
const ESCAPES = ['\u001b[2J', '\u001b]0;pwned\u0007', '\u009b31m', '\r', '\b', '\u202e', '\u001bP1;2|x\u001b\\', '\u0000', '\u007f', '\u2066', '\u001b[6n'];

export const MUTATORS: Readonly<Record<string, Mutator>> = {
  bitFlips: (input, rng) => {
    const out = Buffer.from(input);
    const flips = 1 + rng.int(16);
    for (let i = 0; i < flips && out.length > 0; i++) {
      const at = rng.int(out.length);
      out[at] = (out[at] ?? 0) ^ (1 << rng.int(8));
    }
    return out;
  },
  truncate: (input, rng) => input.subarray(0, rng.int(input.length + 1)),
  duplicateHeader: (input, rng) => {
    const ls = lines(input);
    const heads = headerLineIndexes(ls);
    if (heads.length === 0) return input;
    const at = rng.pick(heads);
    // At most about 16 MB of copies: a header made of a 10 MB line is copied a few times only.
    const most = Math.max(1, Math.floor((16 * MB) / ((ls[at]?.length ?? 0) + 1)));
    const times = Math.min(most, rng.chance(0.1) ? 1 + rng.int(5000) : 1 + rng.int(5));
    ls.splice(at, 0, ...Array.from({ length: times }, () => ls[at] ?? ''));
    return join_(ls);
  },
  dropHeader: (input, rng) => {
    const ls = lines(input);
    const heads = headerLineIndexes(ls);
    if (heads.length === 0) return input;
    ls.splice(rng.pick(heads), 1);
    return join_(ls);
  },
  breakBoundary: (input, rng) => {
    const text = input.toString('latin1');
    const m = /boundary="?([^";\r\n]{1,200})"?/i.exec(text);
    if (m?.[1] === undefined) return input;
    const b = m[1];
    const what = rng.int(4);
    if (what === 0) return Buffer.from(text.split(`--${b}--`).join(''), 'latin1'); // no closing delimiter
    if (what === 1) return Buffer.from(text.split(`--${b}`).join(`--${b}x`), 'latin1'); // delimiters that do not match
    if (what === 2) return Buffer.from(text.replace(m[0], 'boundary=""'), 'latin1'); // empty boundary
    return Buffer.from(text.replace(m[0], `boundary="${b.slice(0, 1)}"`), 'latin1'); // a boundary that is everywhere
  },
  nestMime: (input, rng) => {
    const depth = rng.chance(0.1) ? 1000 + rng.int(500) : 1 + rng.int(100);
    const { head, tail } = nestedMime(depth, rng.chance(0.3));
    return Buffer.concat([Buffer.from(head, 'latin1'), input, Buffer.from(tail, 'latin1')]);
  },
  longLine: (input, rng) => {
    // Mostly up to 64 KiB, one in ten up to 1 MiB, one in a hundred the full 10 MB.
    const roll = rng.next();
    const bytes = roll < 0.01 ? 10 * MB : roll < 0.1 ? rng.int(MB) : rng.int(64 * 1024);
    const unit = rng.pick(LONG_LINE_UNITS);
    const line = Buffer.from(unit.repeat(Math.ceil(bytes / unit.length)), 'latin1');
    const at = rng.int(input.length + 1);
    return Buffer.concat([input.subarray(0, at), line, input.subarray(at)]);
  },
  badCharset: (input, rng) => {
    const text = input.toString('latin1');
    const withCharset = /charset="?[^";\s]{1,40}"?/gi;
    const cs = rng.pick(CHARSETS);
    if (withCharset.test(text)) return Buffer.from(text.replace(withCharset, `charset="${cs}"`), 'latin1');
    return Buffer.from(text.replace(/^Content-Type: ([^\n;]{1,80})/im, `Content-Type: $1; charset="${cs}"`), 'latin1');
  },
  badEncoding: (input, rng) => {
    const text = input.toString('latin1');
    const enc = rng.pick(['base64', 'quoted-printable', 'x-uuencode', '8bit', 'bogus']);
    const noise = rng.pick(['!!!!====', '=ZZ=\n=', 'QUJD\u0000REVG', '====', '=\r\n=\r\n', 'a'.repeat(1 + rng.int(4096))]);
    // Every part claims the encoding; the first body gets garbage.
    const marked = text.replace(/^(Content-Type: [^\n]{1,200})$/gim, `$1\nContent-Transfer-Encoding: ${enc}`);
    const blank = marked.indexOf('\n\n');
    return Buffer.from(blank === -1 ? marked + noise : marked.slice(0, blank + 2) + noise + marked.slice(blank + 2), 'latin1');
  },
  nulBytes: (input, rng) => {
    const out = Buffer.from(input);
    const n = 1 + rng.int(64);
    for (let i = 0; i < n && out.length > 0; i++) out[rng.int(out.length)] = 0;
    return out;
  },
  escapes: (input, rng) => {
    const text = input.toString('utf8');
    const at = rng.int(text.length + 1);
    return Buffer.from(text.slice(0, at) + rng.pick(ESCAPES).repeat(1 + rng.int(20)) + text.slice(at), 'utf8');
  },
  crlf: (input, rng) => {
    const text = input.toString('latin1');
    const eol = rng.pick(['\r\n', '\r', '\n\r', '\r\r\n']);
    return Buffer.from(text.replace(/\r?\n/g, eol), 'latin1');
  },
  splice: (input, rng) => {
    const a = rng.int(input.length + 1);
    const b = rng.int(input.length + 1);
    const [from, to] = a < b ? [a, b] : [b, a];
    return Buffer.concat([input.subarray(0, to), input.subarray(from)]);
  },
  randomBytes: (_input, rng) => {
    const out = Buffer.alloc(rng.int(4096));
    for (let i = 0; i < out.length; i++) out[i] = rng.int(256);
    return out;
  },
};

const MUTATOR_NAMES = Object.keys(MUTATORS);

export interface FuzzCase {
  run: number;
  fixture: string;
  mutations: string[];
  data: Buffer;
}

export function loadFixtures(): { name: string; data: Buffer }[] {
  return readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.eml'))
    .sort()
    .map((name) => ({ name, data: readFileSync(join(FIXTURES, name)) }));
}

/** Run number `run` of seed `seed`: a fixture and one to four mutations, rebuilt identically every time. */
export function makeCase(fixtures: readonly { name: string; data: Buffer }[], seed: number, run: number): FuzzCase {
  const rng = new Rng((seed * 1_000_003 + run) >>> 0);
  const fixture = rng.pick(fixtures);
  let data = fixture.data;
  const mutations: string[] = [];
  const count = 1 + rng.int(4);
  for (let i = 0; i < count; i++) {
    const name = rng.pick(MUTATOR_NAMES);
    const mutate = MUTATORS[name];
    if (mutate === undefined) continue;
    // Two huge inputs in one run would only measure memory copying.
    if ((name === 'longLine' || name === 'nestMime') && mutations.includes(name)) continue;
    data = mutate(data, rng);
    mutations.push(name);
  }
  return { run, fixture: fixture.name, mutations, data };
}

// ----------------------------------------------------------------- check ----

const plain = new Chalk({ level: 0 });
const colour = new Chalk({ level: 3 });
// Characters that must never reach a terminal raw (see src/render/sanitize.ts).
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const SGR = /\u001b\[[0-9;]*m/g;

/** Diagnoses and renders one input; returns what is wrong with the outcome, or null. */
export async function checkOne(data: Buffer): Promise<string | null> {
  const result = await diagnose(data, { input: 'fuzz' });
  const internal = result.warnings.find((w) => w.startsWith('Internal error'));
  if (internal !== undefined) return internal;
  const text = renderText(result, plain);
  if (UNSAFE.test(text)) return 'renderText (no colour) let a control character through';
  if (UNSAFE.test(renderText(result, colour).replace(SGR, ''))) return 'renderText (colour) let a control character through';
  JSON.parse(renderJson([result]));
  JSON.parse(renderNdjsonLine(result));
  return null;
}

// ------------------------------------------------------------ processes ----

interface Options {
  runs: number;
  seed: number;
  slowMs: number;
  hangMs: number;
  only: number | null;
  from: number;
}

function parseOptions(argv: readonly string[]): Options {
  const get = (name: string, fallback: number): number => {
    const i = argv.indexOf(`--${name}`);
    const value = i === -1 ? undefined : Number(argv[i + 1]);
    return value === undefined || Number.isNaN(value) ? fallback : value;
  };
  const only = get('only', -1);
  return {
    runs: get('runs', 1000),
    seed: get('seed', 1),
    slowMs: get('slow-ms', 1000),
    hangMs: get('hang-ms', 30_000),
    only: only < 0 ? null : only,
    from: get('from', 0),
  };
}

type Report =
  | { type: 'start'; run: number }
  | { type: 'done'; run: number; ms: number; bytes: number; problem: string | null; mutations: string[]; fixture: string }
  | { type: 'end' };

async function child(opts: Options): Promise<void> {
  const fixtures = loadFixtures();
  const send = (r: Report): Promise<void> =>
    new Promise((resolve) => {
      process.send?.(r, () => {
        resolve();
      });
    });
  const last = opts.only ?? opts.runs - 1;
  for (let run = opts.only ?? opts.from; run <= last; run++) {
    let c: FuzzCase;
    try {
      c = makeCase(fixtures, opts.seed, run);
    } catch (err) {
      // The fuzzer's own mutations can outgrow a string; that is not whybounce's fault.
      await send({ type: 'done', run, ms: 0, bytes: 0, problem: null, mutations: [`unbuildable: ${String(err)}`], fixture: '-' });
      continue;
    }
    await send({ type: 'start', run });
    const start = process.hrtime.bigint();
    let problem: string | null;
    try {
      problem = await checkOne(c.data);
    } catch (err) {
      problem = `threw: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`;
    }
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    await send({ type: 'done', run, ms, bytes: c.data.length, problem, mutations: c.mutations, fixture: c.fixture });
  }
  await send({ type: 'end' });
}

function saveCase(opts: Options, run: number, why: string): string {
  try {
    const dir = join(tmpdir(), 'whybounce-fuzz');
    mkdirSync(dir, { recursive: true });
    const c = makeCase(loadFixtures(), opts.seed, run);
    const path = join(dir, `seed${opts.seed}-run${run}-${why}.eml`);
    writeFileSync(path, c.data);
    return path;
  } catch (err) {
    return `(not saved: ${String(err)}; replay with --seed ${opts.seed} --only ${run})`;
  }
}

async function parent(opts: Options): Promise<number> {
  const started = Date.now();
  let from = opts.only ?? opts.from;
  let done = 0;
  let slowest = { ms: 0, run: -1 };
  const crashes: string[] = [];
  const slow: string[] = [];
  const hangs: string[] = [];
  const total = opts.only === null ? opts.runs - opts.from : 1;
  while (done < total) {
    const ended = await new Promise<{ next: number; finished: boolean }>((resolve) => {
      const args = ['--child', '--seed', String(opts.seed), '--runs', String(opts.runs), '--from', String(from)];
      if (opts.only !== null) args.push('--only', String(opts.only));
      const proc = fork(__filename, args, { execArgv: ['--import', 'tsx'] });
      let current = from;
      let timer: NodeJS.Timeout | undefined;
      const arm = (): void => {
        clearTimeout(timer);
        timer = setTimeout(() => {
          hangs.push(`run ${current}: no answer in ${opts.hangMs} ms → ${saveCase(opts, current, 'hang')}`);
          proc.kill('SIGKILL');
        }, opts.hangMs);
      };
      arm();
      proc.on('message', (r: Report) => {
        if (r.type === 'start') {
          current = r.run;
          arm();
        } else if (r.type === 'done') {
          done++;
          if (r.ms > slowest.ms) slowest = { ms: r.ms, run: r.run };
          const what = `run ${r.run} (${r.fixture}: ${r.mutations.join('+')}, ${r.bytes} bytes)`;
          if (r.problem !== null) crashes.push(`${what}: ${r.problem.split('\n').slice(0, 4).join(' | ')} → ${saveCase(opts, r.run, 'crash')}`);
          if (r.ms > opts.slowMs) slow.push(`${what}: ${r.ms.toFixed(0)} ms → ${saveCase(opts, r.run, 'slow')}`);
          if (done % 1000 === 0) {
            const rate = done / ((Date.now() - started) / 1000);
            process.stderr.write(`fuzz: ${done}/${total} runs, ${crashes.length} crashes, ${slow.length} slow, ${hangs.length} hangs (${rate.toFixed(0)} runs/s)\n`);
          }
        } else {
          clearTimeout(timer);
          resolve({ next: current + 1, finished: true });
        }
      });
      proc.on('exit', (code) => {
        clearTimeout(timer);
        // A crash of the whole process (stack overflow, out of memory) or a hang: count the run and go on after it.
        if (code !== 0 && code !== null) crashes.push(`run ${current}: the process died (exit ${code}) → ${saveCase(opts, current, 'died')}`);
        resolve({ next: current + 1, finished: false });
      });
    });
    if (ended.finished) break;
    done++;
    from = ended.next;
    if (opts.only !== null) break;
  }
  const seconds = (Date.now() - started) / 1000;
  const lines = [
    `fuzz: ${done} runs (seed ${opts.seed}) in ${seconds.toFixed(0)} s: ${crashes.length} crashes, ${slow.length} inputs over ${opts.slowMs} ms, ${hangs.length} hangs; slowest ${slowest.ms.toFixed(0)} ms (run ${slowest.run})`,
    ...crashes.map((c) => `  crash ${c}`),
    ...slow.map((s) => `  slow  ${s}`),
    ...hangs.map((h) => `  hang  ${h}`),
  ];
  console.log(lines.join('\n'));
  return crashes.length + slow.length + hangs.length === 0 ? 0 : 1;
}

if (require.main === module) {
  const opts = parseOptions(process.argv);
  if (process.argv.includes('--child')) {
    child(opts).then(
      () => process.exit(0),
      (err: unknown) => {
        console.error(err);
        process.exit(3);
      },
    );
  } else {
    parent(opts).then(
      (code) => {
        process.exitCode = code;
      },
      (err: unknown) => {
        console.error(err);
        process.exitCode = 2;
      },
    );
  }
}
