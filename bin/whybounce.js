#!/usr/bin/env node
'use strict';
// Runs dist/cli.cjs. `npm run build` also leaves a V8 code cache of it in
// dist/ for the Node version that built it: compiling the bundle from that
// cache skips parsing and compiling ~370 KB of JavaScript, about a third of a
// raw string's run (docs/performance.md). Under any other Node version the
// bundle is required the ordinary way, with Node's own compile cache where it
// has one (22.1 and later); if V8 rejects a cache, it compiles as usual.
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const bundle = path.join(__dirname, '..', 'dist', 'cli.cjs');
// Set by scripts/build.mjs only: run once and write the cache there.
const cacheOut = process.env.WHYBOUNCE_CODE_CACHE_OUT;

function run() {
  const source = readFileSync(bundle, 'utf8');
  // The first line names the build; a cache made for another build (or another
  // V8) is never used: V8 itself checks little more than the source's length.
  const build = /^\/\/ whybounce build ([\w-]+)/.exec(source);
  if (build === null) return false;
  const cacheFile = `${bundle}.${build[1]}.v8-${process.versions.v8}.cache`;
  if (cacheOut === undefined && !existsSync(cacheFile)) return false;
  const vm = require('node:vm');
  // This module's own constructor is the CommonJS Module class (what node:module
  // exports), without loading node:module's public wrapper (~0.3 ms).
  const Module = module.constructor;
  const script = new vm.Script(Module.wrap(source), {
    filename: bundle,
    cachedData: cacheOut === undefined ? readFileSync(cacheFile) : undefined,
  });
  const mod = new Module(bundle, module);
  mod.filename = bundle;
  mod.paths = Module._nodeModulePaths(path.dirname(bundle));
  mod.loaded = true;
  if (cacheOut !== undefined) process.on('exit', () => writeFileSync(cacheOut, script.createCachedData()));
  script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(bundle), mod, bundle, path.dirname(bundle));
  return true;
}

if (!run()) {
  const Module = require('node:module');
  // Node 22.1+: a cache in the system's temp folder, kept by Node itself (~4 ms a run).
  if (typeof Module.enableCompileCache === 'function') Module.enableCompileCache();
  require(bundle);
}
