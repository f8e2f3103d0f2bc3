// Builds the CLI and the library into CommonJS bundles with esbuild.
//
// The CLI is two bundles, so that a raw SMTP string loads as little as
// possible (issue 4, figure 1; docs/performance.md):
//   dist/cli.cjs       the command line, the raw-string pipeline, lookup
//                      tables, reasons, advice and renderers;
//   dist/diagnose.cjs  the email path (src/pipeline/diagnose.ts: extractors,
//                      the light MIME reader, the mailparser wrapper),
//                      required by cli.cjs on the first email only.
// The modules both need (explain, reasons, lookup tables…) are in both files:
// an email run parses them twice (~3 ms), a raw string never parses the email
// path at all. mailparser stays outside every bundle and is required lazily,
// so only an email the light reader declines pays its ~85 ms load.
import { build } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  external: ['mailparser'],
  define: { WHYBOUNCE_VERSION: JSON.stringify(pkg.version) },
  logLevel: 'warning',
};

// In src/cli/diagnose-item.ts, `require('../pipeline/diagnose')` is the lazy
// load of the email path: it becomes a require of the second bundle, next to
// cli.cjs in dist/.
const emailPathAsBundle = {
  name: 'email-path-as-bundle',
  setup(b) {
    b.onResolve({ filter: /^\.\.\/pipeline\/diagnose$/ }, (args) =>
      args.importer.endsWith('src/cli/diagnose-item.ts') ? { path: './diagnose.cjs', external: true } : undefined,
    );
  },
};

// Built-in modules that the CLI's dependencies load at start but seldom use
// cost ~5 ms of a ~30 ms run when stdout is not a terminal: commander requires
// node:child_process for executable subcommands (which whybounce has none of),
// and chalk's supports-color requires node:tty (which pulls in node:net) only
// to call isatty(1) and isatty(2), and node:os only for os.release() on
// Windows. Each gets a stand-in that loads the real module on first use;
// isatty on stdout and stderr is answered by src/cli/stdio-kind.ts.
const LAZY_BUILTINS = {
  'node:child_process': {
    from: /node_modules[\\/]commander[\\/]/,
    contents: `let real;
module.exports = { spawn: (...args) => (real ??= require('node:child_process')).spawn(...args) };`,
  },
  // chalk's supports-color reads os.release() on Windows only.
  'node:os': {
    from: /node_modules[\\/]chalk[\\/]/,
    contents: `module.exports = { release: () => require('node:os').release() };`,
  },
  'node:tty': {
    from: /node_modules[\\/]chalk[\\/]/,
    // src/cli/stdio-kind.ts tells a terminal on stdout or stderr without creating
    // process.stdout or process.stderr (Node's stream modules, ~2 ms).
    contents: `const { stdioKind } = require('./cli/stdio-kind');
module.exports = {
  isatty: (fd) => fd === 1 || fd === 2 ? stdioKind(fd) === 'terminal' : require('node:tty').isatty(fd),
};`,
  },
};
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(b) {
    b.onResolve({ filter: /^node:(child_process|os|tty)$/ }, (args) =>
      LAZY_BUILTINS[args.path].from.test(args.importer) ? { path: args.path, namespace: 'lazy-builtin' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({
      contents: LAZY_BUILTINS[args.path].contents,
      loader: 'js',
      resolveDir: fileURLToPath(new URL('../src', import.meta.url)),
    }));
  },
};

const cli = await build({
  ...common,
  entryPoints: ['src/cli/entry.ts'],
  outfile: 'dist/cli.cjs',
  plugins: [emailPathAsBundle, lazyBuiltins],
  write: false,
  // Whitespace and comments only (names stay, for stack traces): a third less
  // source to read and hash at each start, ~2 ms of a raw string's run.
  minifyWhitespace: true,
});
// The first line of each CLI bundle names its build by its content;
// bin/whybounce.js uses a code cache only when it was made for that build (and
// for the running V8).
// A clean checkout has no dist/ yet (esbuild only creates it when it writes).
mkdirSync('dist', { recursive: true });
for (const f of readdirSync('dist')) if (/^(?:cli|diagnose)\.cjs\..*\.cache$/.test(f)) rmSync(`dist/${f}`);
writeWithBuildId('dist/cli.cjs', cli.outputFiles[0].text);
const emailPath = await build({ ...common, entryPoints: ['src/pipeline/diagnose.ts'], outfile: 'dist/diagnose.cjs', write: false });
writeWithBuildId('dist/diagnose.cjs', emailPath.outputFiles[0].text);
// cli.cjs's cache comes from a raw SMTP string (figure 1: the smallest cache
// that covers it); diagnose.cjs's from every fixture, so that the functions a
// batch needs are compiled already.
writeCodeCache('cli.cjs', ['550 5.1.1 <someone@example.com>: Recipient address rejected: User unknown']);
const fixtures = readdirSync('test/fixtures').filter((f) => f.endsWith('.eml')).sort();
writeCodeCache('diagnose.cjs', ['--ndjson', ...fixtures.map((f) => `test/fixtures/${f}`)]);

await build({ ...common, entryPoints: ['src/index.ts'], outfile: 'dist/index.cjs' });
// Type declarations for library users.
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });

function writeWithBuildId(file, code) {
  const id = createHash('sha256').update(code).digest('hex').slice(0, 16);
  writeFileSync(file, `// whybounce build ${id}\n${code}`);
}

/**
 * The V8 code cache of a CLI bundle for this Node: bin/whybounce.js runs once
 * on `args` and saves what V8 compiled of it, so that later runs skip that
 * work. A failure here only costs the speed-up.
 */
function writeCodeCache(bundle, args) {
  const run = spawnSync(process.execPath, ['bin/whybounce.js', ...args], {
    env: { ...process.env, WHYBOUNCE_CODE_CACHE_OUT: bundle, NO_COLOR: '1' },
    stdio: 'ignore',
  });
  // Exit 0 or 1 (nothing diagnosed) is a run that went through; 2 is trouble.
  if (run.status !== 0 && run.status !== 1) process.stderr.write(`build: the code cache of ${bundle} was not written (exit ${run.status})\n`);
}
