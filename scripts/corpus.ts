// Diagnoses every .eml file of a folder in one process and prints one NDJSON
// record per file, for `score.py --ndjson` (much faster than one process a file):
//   node --import tsx scripts/corpus.ts ../shared/corpus > /tmp/out.ndjson
//   python3 ../shared/tools/score.py --labels ../shared/corpus/labels.json --ndjson /tmp/out.ndjson
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { diagnose } from '../src/diagnose';
import { renderNdjsonLine } from '../src/render/json';

async function main(): Promise<void> {
  const dir = process.argv[2] ?? '../shared/corpus';
  const files = readdirSync(dir).filter((f) => f.endsWith('.eml')).sort();
  for (const f of files) {
    const path = join(dir, f);
    const result = await diagnose(readFileSync(path), { input: path });
    process.stdout.write(renderNdjsonLine(result));
  }
}

void main();
