#!/usr/bin/env node
'use strict';
// Runs dist/cli.cjs. `npm run build` also leaves V8 code caches in dist/ for
// the Node version that built it: one of dist/cli.cjs, made on a raw SMTP
// string, and one of dist/diagnose.cjs (the email path, which cli.cjs requires
// on the first email), made on the test fixtures. Compiling a bundle from its
// cache skips parsing and compiling it, and the functions a run needs come
// ready (docs/performance.md). Under any other Node version the bundles are
// required the ordinary way, with Node's own compile cache where it has one
// (22.1 and later); if V8 rejects a cache, it compiles as usual.
const { existsSync, readFileSync, writeFileSync } = require('node:fs');
const path = require('node:path');

const dist = path.join(__dirname, '..', 'dist');
// Set by scripts/build.mjs only: the bundle ("cli.cjs" or "diagnose.cjs")
// whose cache this run writes, at its end.
const cacheOut = process.env.WHYBOUNCE_CODE_CACHE_OUT;
// This module's own constructor is the CommonJS Module class (what node:module
// exports), without loading node:module's public wrapper (~0.3 ms).
const Module = module.constructor;

/** A bundle's exports, compiled from its code cache; null when there is no cache for this build and this V8. */
function loadCached(name) {
  const bundle = path.join(dist, name);
  const source = readFileSync(bundle, 'utf8');
  // The first line names the build; a cache made for another build (or another
  // V8) is never used: V8 itself checks little more than the source's length.
  const build = /^\/\/ whybounce build ([\w-]+)/.exec(source);
  if (build === null) return null;
  const cacheFile = `${bundle}.${build[1]}.v8-${process.versions.v8}.cache`;
  const writing = cacheOut === name;
  if (!writing && !existsSync(cacheFile)) return null;
  const vm = require('node:vm');
  const script = new vm.Script(Module.wrap(source), {
    filename: bundle,
    cachedData: writing ? undefined : readFileSync(cacheFile),
  });
  const mod = new Module(bundle, module);
  mod.filename = bundle;
  mod.paths = Module._nodeModulePaths(dist);
  mod.loaded = true;
  // Written at the end of the run: the cache then holds every function the run compiled.
  if (writing) process.on('exit', () => writeFileSync(cacheFile, script.createCachedData()));
  const plain = Module.createRequire(bundle);
  // cli.cjs loads the email path with require('./diagnose.cjs'): from its cache too.
  const bundleRequire = (id) => (id === './diagnose.cjs' ? (loadCached('diagnose.cjs') ?? plain(id)) : plain(id));
  bundleRequire.resolve = plain.resolve;
  bundleRequire.cache = plain.cache;
  script.runInThisContext().call(mod.exports, mod.exports, bundleRequire, mod, bundle, dist);
  return mod.exports;
}

if (loadCached('cli.cjs') === null) {
  const NodeModule = require('node:module');
  // Node 22.1+: a cache in the system's temp folder, kept by Node itself (~4 ms a run).
  if (typeof NodeModule.enableCompileCache === 'function') NodeModule.enableCompileCache();
  require(path.join(dist, 'cli.cjs'));
}
