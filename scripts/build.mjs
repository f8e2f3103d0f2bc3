// Builds the CLI and the library into CommonJS bundles with esbuild.
// mailparser stays outside the bundle and is required lazily, so a raw SMTP
// string never pays its ~100 ms load (notes/ECOSYSTEM.md §2).
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

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
await build({ ...common, entryPoints: ['src/cli.ts'], outfile: 'dist/cli.cjs' });
await build({ ...common, entryPoints: ['src/index.ts'], outfile: 'dist/index.cjs' });
// Type declarations for library users.
execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
