// Where results go: each output format is a Sink, fed in input order, that
// returns the text to print.
import type { ChalkInstance } from 'chalk';
import type { DiagnoseResult } from '../types';
import { renderJson, renderNdjsonLine } from '../render/json';
import { renderText } from '../render/text';
import { renderCsvHeader, renderCsvRows } from '../render/csv';
import { escapeJsonText } from '../render/sanitize';
import type { Options } from './options';

export interface Sink {
  begin(): string;
  /** `source` is the mbox file a message came from, when it held several. */
  result(r: DiagnoseResult, source?: string): string;
  error(e: { input: string; error: string }): string;
  end(): string;
}

/** The sink of the output format the options choose. */
export function chooseSink(opts: Options, chalk: ChalkInstance, withHeadings: boolean): Sink {
  if (opts.quiet === true || opts.summary === true) {
    return { begin: () => '', result: () => '', error: () => '', end: () => '' };
  }
  if (opts.ndjson === true) {
    return {
      begin: () => '',
      result: renderNdjsonLine,
      error: (e) => escapeJsonText(JSON.stringify(e)) + '\n',
      end: () => '',
    };
  }
  if (opts.json === true) return jsonSink();
  if (opts.csv === true) {
    return { begin: renderCsvHeader, result: renderCsvRows, error: () => '', end: () => '' };
  }
  let first = true;
  return {
    begin: () => '',
    result: (r) => {
      const gap = first ? '' : '\n';
      first = false;
      return gap + renderText(r, chalk, withHeadings || r.input !== 'argv', { why: opts.why === true });
    },
    error: () => '',
    end: () => '',
  };
}

/** Folds the next message of an mbox into the record of its file. */
function mergeMessage(file: DiagnoseResult, message: DiagnoseResult): DiagnoseResult {
  return {
    input: file.input,
    isBounce: file.isBounce || message.isBounce,
    diagnoses: [...file.diagnoses, ...message.diagnoses.map((d) => ({ ...d, message: message.input }))],
    warnings: [...file.warnings, ...message.warnings.map((w) => `${message.input}: ${w}`)],
  };
}

/**
 * `--json`: one object per input (DESIGN.md): a file, stdin or a string
 * argument. The messages of one mbox file become one object for that file,
 * each diagnosis naming its message (`path#N`), so `jq '.diagnoses[]'` works
 * whatever the mbox holds. Several inputs give an array, streamed with one
 * record of look-ahead. (`--ndjson` gives one line per message instead, and
 * holds nothing back: the choice for very large mboxes.)
 */
function jsonSink(): Sink {
  let held: string | null = null;
  let count = 0;
  let group: { source: string; result: DiagnoseResult } | null = null;
  const add = (record: string): string => {
    count++;
    if (count === 1) {
      held = record;
      return '';
    }
    const out = count === 2 ? `[\n${held ?? ''},\n${record}` : `,\n${record}`;
    held = null;
    return out;
  };
  const flush = (): string => {
    if (group === null) return '';
    const record = renderJson([group.result]).trimEnd();
    group = null;
    return add(record);
  };
  return {
    begin: () => '',
    result: (r, source) => {
      if (source !== undefined && group?.source === source) {
        group.result = mergeMessage(group.result, r);
        return '';
      }
      const out = flush();
      if (source === undefined) return out + add(renderJson([r]).trimEnd());
      group = { source, result: mergeMessage({ input: source, isBounce: false, diagnoses: [], warnings: [] }, r) };
      return out;
    },
    error: (e) => {
      const out = flush();
      return out + add(escapeJsonText(JSON.stringify(e, null, 2)));
    },
    end: () => {
      const out = flush();
      return out + (count === 0 ? '[]\n' : count === 1 ? `${held ?? ''}\n` : '\n]\n');
    },
  };
}
