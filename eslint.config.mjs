// Lint: eslint's and typescript-eslint's recommended rules, and every regex
// checked by eslint-plugin-regexp. Bounce text is hostile input, so on top of
// `flat/recommended` (which has no-super-linear-backtracking) the opt-in
// no-super-linear-move rule is on: a regex must not take quadratic time when it
// is tried at every position of a long line (notes/ECOSYSTEM.md §6 and §7).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import regexp from 'eslint-plugin-regexp';
import { defineConfig } from 'eslint/config';

export default defineConfig(
  { ignores: ['dist/**', 'coverage/**', 'node_modules/**', '.bench/**'] },
  js.configs.recommended,
  regexp.configs['flat/recommended'],
  {
    // Only src/ reads bounces; tests and scripts build their own inputs.
    files: ['src/**/*.ts'],
    rules: {
      'regexp/no-super-linear-move': 'error',
    },
  },
  {
    // Tests and the fuzzer look for control characters on purpose.
    files: ['test/**/*.ts', 'scripts/**/*.ts'],
    rules: {
      'no-control-regex': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        __filename: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        URL: 'readonly',
      },
    },
  },
  {
    // The type-aware block is limited to TypeScript: the project service does
    // not know eslint.config.js and fails on it.
    files: ['**/*.ts'],
    extends: [tseslint.configs.strictTypeChecked, tseslint.configs.stylisticTypeChecked],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['test', 'it', 'describe', 'suite'] }] },
      ],
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // T[] and Array<T> are both used (Array<[input, expected]> reads better in test tables).
      '@typescript-eslint/array-type': 'off',
    },
  },
  {
    // `const { source: _source, ...rest } = item` is how these files drop a key
    // from an object (an item, a JSON record) while keeping every other key as
    // it is; ignoreRestSiblings accepts exactly that idiom and nothing else.
    files: ['src/input/read-input.ts', 'test/cli/batch.test.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  {
    // Start-up time: these modules are loaded on first use, with a `require` in
    // the function that needs them, so that a run that never needs them never
    // pays for them (docs/performance.md). `require('../pipeline/diagnose')` is also where
    // the build splits off dist/diagnose.cjs, and `require('mailparser')` picks
    // its CJS build (notes/ECOSYSTEM.md §2a); node:stream is for gzip input and
    // node:v8 tunes V8 for a batch. The log and ESP event readers (issue 13) are
    // loaded on the first text that is no email. Only these are allowed.
    files: [
      'src/cli/diagnose-item.ts',
      'src/cli/process-io.ts',
      'src/email/parse-email.ts',
      'src/input/read-input.ts',
      'src/cli/text-input.ts',
      'src/cli/log-summary.ts',
      'src/input/gunzip.ts',
    ],
    rules: {
      '@typescript-eslint/no-require-imports': [
        'error',
        {
          allow: [
            '^\\.\\./pipeline/diagnose$',
            '^mailparser$',
            '^node:zlib$',
            '^node:stream$',
            '^node:v8$',
            '^\\.\\./logs/(?:index|parser|final-states)$',
            '^\\.\\./events/index$',
          ],
        },
      ],
    },
  },
);
