import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { checkSync } from 'recheck';

// Every regex in src/ runs on text written by strangers, so each one must match
// in linear time. The regexes are found by parsing the sources (regex literals
// and `new RegExp('literal')`), so a regex added tomorrow is checked without
// anyone listing it. recheck proves each one safe or reports an attack string.

const SRC = join(__dirname, '..', '..', 'src');

interface FoundRegex {
  where: string;
  source: string;
  flags: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Regex literals and RegExp constructor calls of one file; a RegExp built from a non-literal is reported as dynamic. */
function regexesOf(path: string): { found: FoundRegex[]; dynamic: string[] } {
  const file = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: FoundRegex[] = [];
  const dynamic: string[] = [];
  const where = (node: ts.Node): string => {
    const { line } = file.getLineAndCharacterOfPosition(node.getStart(file));
    return `${relative(join(SRC, '..'), path)}:${line + 1}`;
  };
  const visit = (node: ts.Node): void => {
    if (ts.isRegularExpressionLiteral(node)) {
      const text = node.text;
      const end = text.lastIndexOf('/');
      found.push({ where: where(node), source: text.slice(1, end), flags: text.slice(end + 1) });
    } else if (
      (ts.isNewExpression(node) || ts.isCallExpression(node)) &&
      ts.isIdentifier(node.expression) &&
      node.expression.text === 'RegExp'
    ) {
      const [pattern, flags] = node.arguments ?? [];
      if (pattern !== undefined && ts.isStringLiteralLike(pattern) && (flags === undefined || ts.isStringLiteralLike(flags))) {
        found.push({ where: where(node), source: pattern.text, flags: flags?.text ?? '' });
      } else {
        dynamic.push(where(node));
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return { found, dynamic };
}

/**
 * Shrinks every bounded repetition ({m,n}, {m}) to at most 3 steps. recheck
 * unrolls bounded repetitions into its automaton and times out on the {1,253}
 * of an address or a host name; a bound only costs a constant factor per start
 * position (which the bench of scripts/bench-hostile.ts measures), so what is
 * worth proving is the shape around it: overlapping or nested unbounded
 * quantifiers, the cause of polynomial and exponential backtracking.
 * Unbounded repetitions ({m,}, *, +) keep their meaning ({m,} becomes {≤2,}).
 */
function shrinkBounds(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source.charAt(i);
    if (c === '\\') {
      out += c + source.charAt(i + 1);
      i++;
    } else if (inClass) {
      if (c === ']') inClass = false;
      out += c;
    } else if (c === '[') {
      inClass = true;
      out += c;
    } else {
      const m = c === '{' ? /^\{(\d{1,9})(?:(,)(\d{0,9}))?\}/.exec(source.slice(i, i + 24)) : null;
      if (m === null) {
        out += c;
        continue;
      }
      const min = Math.min(Number(m[1]), 2);
      if (m[2] === undefined) out += `{${min}}`;
      else if (m[3] === '' || m[3] === undefined) out += `{${min},}`;
      else out += `{${min},${Math.max(min, Math.min(Number(m[3]), 3))}}`;
      i += m[0].length - 1;
    }
  }
  return out;
}

const files = sourceFiles(SRC);
const scanned = files.map(regexesOf);
const regexes = scanned.flatMap((s) => s.found);

test('the scan finds the regexes of src/ (sanity: the parser and a known one)', () => {
  assert.ok(files.length > 5, 'src/ has files');
  assert.ok(regexes.length >= 10, `found ${regexes.length} regexes`);
  assert.ok(
    regexes.some((r) => r.where.startsWith('src/smtp/parse-smtp-line.ts')),
    'the SMTP line parser regexes are among them',
  );
});

test('bounded repetitions are shrunk, escapes and classes left alone', () => {
  const rows: [string, string][] = [
    ['[^<>\\s]{1,254}@', '[^<>\\s]{1,3}@'],
    ['a{3}b{5,}c{0,80}', 'a{2}b{2,}c{0,3}'],
    ['\\{1,5\\}[{1,5}]', '\\{1,5\\}[{1,5}]'],
    ['x{1}', 'x{1}'],
  ];
  for (const [input, expected] of rows) assert.equal(shrinkBounds(input), expected, input);
});

test('no RegExp is built from a non-literal pattern (it could not be checked here)', () => {
  assert.deepEqual(scanned.flatMap((s) => s.dynamic), []);
});

test('recheck proves every regex in src/ linear (no ReDoS)', { timeout: 600_000 }, () => {
  // Identical patterns are checked once.
  const unique = new Map<string, FoundRegex[]>();
  for (const r of regexes) {
    const key = `/${r.source}/${r.flags}`;
    unique.set(key, [...(unique.get(key) ?? []), r]);
  }
  const bad: string[] = [];
  for (const [key, [first, ...rest]] of unique) {
    if (first === undefined) continue;
    // recheck gives up after its time-out and answers 'unknown' (seen on a busy
    // machine): such a regex is checked again with more time, never passed.
    let result = checkSync(shrinkBounds(first.source), first.flags, { timeout: 10_000 });
    if (result.status === 'unknown' && result.error.kind === 'timeout') {
      result = checkSync(shrinkBounds(first.source), first.flags, { timeout: 60_000 });
    }
    const complexity = result.status === 'vulnerable' ? result.complexity.type : result.status;
    const ok = result.status === 'safe' && (result.complexity.type === 'safe' || result.complexity.type === 'linear');
    if (!ok) {
      const at = [first, ...rest].map((r) => r.where).join(', ');
      const attack = result.status === 'vulnerable' ? ` attack: ${result.attack.pattern}` : '';
      const error = result.status === 'unknown' ? ` (${result.error.kind})` : '';
      bad.push(`${at} ${key}: ${result.status} ${complexity}${error}${attack}`);
    }
  }
  assert.deepEqual(bad, [], `regexes that are not provably linear:\n${bad.join('\n')}`);
});
