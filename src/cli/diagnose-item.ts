// One input item (a string, an email, an error from reading) → its outcome.
import type { DiagnoseResult } from '../types';
import type { InputItem } from '../input/read-input';
import { diagnoseText } from '../pipeline/text';
import type { DiagnoseOptions } from '../pipeline/diagnose';

export type Outcome =
  | { ok: DiagnoseResult; source?: string }
  | { error: { input: string; error: string } }
  | { skipped: { name: string; reason: string } };

/** How emails are read: "mailparser" only (WHYBOUNCE_READER=mailparser, to compare the readers), or light reader first. */
export type Reader = 'auto' | 'mailparser';

/** The run's choices that reach the pipeline: the reader, and the `--header` names. */
export interface ItemOptions {
  reader: Reader;
  headers?: readonly string[];
}

type DataItem = InputItem & { kind: 'data' };

function pipelineOptions(item: DataItem, options: ItemOptions): DiagnoseOptions {
  return {
    input: item.name,
    reader: options.reader,
    ...(options.headers === undefined ? {} : { headers: options.headers }),
    ...(item.fromLine === undefined ? {} : { fromLine: item.fromLine }),
  };
}

type EmailPath = typeof import('../pipeline/diagnose');
let emailPath: EmailPath | undefined;

// The email path (pipeline/diagnose.ts: extractors, MIME readers, mailparser)
// is loaded on the first email only, so a raw SMTP string never pays for it.
// The build makes it a second bundle, dist/diagnose.cjs (scripts/build.mjs);
// under tsx this is the plain module.
function loadEmailPath(): EmailPath {
  emailPath ??= require('../pipeline/diagnose') as EmailPath;
  return emailPath;
}

export async function diagnoseItem(item: InputItem, options: ItemOptions): Promise<Outcome> {
  try {
    return await diagnoseOne(item, options);
  } catch (err) {
    // diagnose() is not meant to throw; if it does, that input fails alone.
    return { error: { input: item.name, error: err instanceof Error ? err.message : String(err) } };
  }
}

async function diagnoseOne(item: InputItem, options: ItemOptions): Promise<Outcome> {
  switch (item.kind) {
    case 'error':
      return { error: { input: item.name, error: item.error } };
    case 'skipped':
      return { skipped: item };
    case 'string':
      return { ok: diagnoseText(item.text, 'argv') };
    case 'text':
      // Read by the run itself, a line at a time (text-input.ts).
      return { error: { input: item.name, error: 'a text stream reached the message reader' } };
    case 'data':
      return dataOutcome(item, await loadEmailPath().diagnose(item.data, pipelineOptions(item, options)));
  }
}

function dataOutcome(item: DataItem, result: DiagnoseResult): Outcome {
  const ok = item.warnings === undefined ? result : { ...result, warnings: [...item.warnings, ...result.warnings] };
  return item.source === undefined ? { ok } : { ok, source: item.source };
}

/**
 * diagnoseItem without a promise: the same outcome for an email the light
 * reader reads, and null for anything else (then diagnoseItem answers).
 */
export function diagnoseItemSync(item: InputItem, options: ItemOptions): Outcome | null {
  if (item.kind !== 'data') return null;
  try {
    const result = loadEmailPath().diagnoseSync(item.data, pipelineOptions(item, options));
    return result === null ? null : dataOutcome(item, result);
  } catch (err) {
    return { error: { input: item.name, error: err instanceof Error ? err.message : String(err) } };
  }
}
