// Diagnoses every .eml file of a folder in one process and prints one NDJSON
// record per file, for `score.py --ndjson` (much faster than one process a file):
//   node --import tsx scripts/corpus.ts ../shared/corpus > /tmp/out.ndjson
//   python3 ../shared/tools/score.py --labels ../shared/corpus/labels.json --ndjson /tmp/out.ndjson
// Files are read the way the CLI reads them (an mbox is split into its messages,
// and their diagnoses are folded into one record for the file, as `--json` does).
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { diagnose } from '../src/pipeline/diagnose';
import { readArgument } from '../src/input/read-input';
import { renderNdjsonLine } from '../src/render/json';
import type { DiagnoseResult } from '../src/types';

// The corpus never reads stdin.
function noStdin(): AsyncIterable<Buffer> {
  return { [Symbol.asyncIterator]: () => ({ next: () => Promise.resolve({ done: true, value: undefined }) }) };
}

/** The next message of an mbox folded into its file's record, as the CLI's --json does. */
function fold(file: DiagnoseResult | null, message: DiagnoseResult): DiagnoseResult {
  if (file === null) return message;
  return {
    ...file,
    isBounce: file.isBounce || message.isBounce,
    diagnoses: [...file.diagnoses, ...message.diagnoses],
    warnings: [...file.warnings, ...message.warnings],
  };
}

async function main(): Promise<void> {
  const dir = process.argv[2] ?? '../shared/corpus';
  const files = readdirSync(dir).filter((f) => f.endsWith('.eml')).sort();
  for (const f of files) {
    const path = join(dir, f);
    let record: DiagnoseResult | null = null;
    for await (const item of readArgument(path, { stdin: noStdin })) {
      if (item.kind !== 'data') continue;
      record = fold(record, await diagnose(item.data, { input: path }));
    }
    if (record !== null) process.stdout.write(renderNdjsonLine(record));
  }
}

void main();
