import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as api from '../../src/index';
import { FIXTURES, ROOT } from '../helpers/cli';

// The library as people use it: what it exports, and that it never prints.

test('the names README.md\'s "Library" section uses are exported', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Library'), readme.indexOf('\n## ', readme.indexOf('## Library') + 1));
  const imported = /import \{([^}]*)\} from 'whybounce'/.exec(section)?.[1]?.split(',').map((n) => n.trim()) ?? [];
  const limits = /import \{ (\w+) \} from 'whybounce'/.exec(readme)?.[1];
  assert.ok(imported.length >= 4, section);
  for (const name of [...imported, limits ?? 'MAX_MESSAGE_BYTES']) {
    assert.equal(typeof (api as Record<string, unknown>)[name], name.startsWith('MAX_') ? 'number' : 'function', name);
  }
});

// Run in a child process on the built library (dist/index.cjs, what a user
// requires): its stdout and stderr must stay empty, and fd 3 gets the report.
const SCRIPT = `
const fs = require('node:fs');
const path = require('node:path');
const lib = require(process.argv[1]);
const fixtures = process.argv[2];
const raw = [
  '554 5.1.0 Sender Denied',
  '550 5.1.1 <jane@example.com>: Recipient address rejected: User unknown',
  'PERM_FAILURE: SMTP Error (state 8 ): 554 5.1.0 Sender Denied',
  '421 4.7.0 Try again later\\u001b[2J\\u0007',
  'hello world',
  '',
  '550 ' + 'x'.repeat(100000),
];
(async () => {
  let results = 0;
  for (const name of fs.readdirSync(fixtures).filter((f) => f.endsWith('.eml')).sort()) {
    const data = fs.readFileSync(path.join(fixtures, name));
    for (const reader of ['auto', 'mailparser']) {
      await lib.diagnose(data, { input: name, reader });
      results++;
    }
    await lib.diagnose(data.toString('utf8'), { kind: 'text' });
    await lib.diagnose(data.subarray(0, 200));
    results += 2;
  }
  for (const text of raw) {
    const result = lib.diagnoseText(text);
    await lib.diagnose(text);
    await lib.diagnose(Buffer.from(text));
    lib.parseSmtpLine(text);
    lib.renderJson([result]);
    lib.toJsonRecord(result);
    results += 3;
  }
  await lib.diagnose(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13]));
  lib.lookupReplyCode(550);
  lib.lookupReplyCode(999);
  lib.lookupStatus('5.7.26');
  lib.lookupStatus('9.9.9');
  lib.explainCode('5.7.26');
  lib.explainCode('nonsense');
  lib.listCodes({ class: 5 });
  fs.writeSync(3, JSON.stringify({ results: results + 1 }));
})();
`;

test('the library never writes to stdout or stderr: diagnose on every fixture and on raw strings', () => {
  const r = spawnSync(process.execPath, ['--no-deprecation', '-e', SCRIPT, join(ROOT, 'dist', 'index.cjs'), FIXTURES], {
    stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, NODE_EXTRA_CA_CERTS: undefined },
  });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, '');
  // The script ran to its end: four results per fixture, three per raw string, one binary input.
  const emails = readdirSync(FIXTURES).filter((f) => f.endsWith('.eml')).length;
  assert.deepEqual(JSON.parse(String(r.output[3])), { results: emails * 4 + 7 * 3 + 1 });
});

test('only the CLI\'s port to the process reads `process`: the rest of src/ is pure', () => {
  const allowed = new Set(['cli/entry.ts', 'cli/process-io.ts', 'cli/stdio-kind.ts']);
  const src = join(ROOT, 'src');
  const files = (readdirSync(src, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts')).map((f) => f.replaceAll('\\', '/'));
  assert.ok(files.length > 50);
  const readers = files.filter((f) => {
    const code = readFileSync(join(src, f), 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/^\s*\/\/.*$/gm, '');
    return /\bprocess\.(?:stdout|stderr|stdin|env|exit|argv|on)\b/.test(code);
  });
  assert.deepEqual(readers.filter((f) => !allowed.has(f)), []);
  assert.deepEqual(readers.sort(), [...allowed].sort(), 'the port files are where process is read');
});
