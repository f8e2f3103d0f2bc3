// Where results go: each output format is a Sink, fed in input order, that
// returns the text to print.
import type { ChalkInstance } from 'chalk';
import type { DiagnoseResult } from '../types';
import { JsonRecordBuilder, renderJson, renderNdjsonLine } from '../render/json';
import { renderText } from '../render/text';
import { renderCsvHeader, renderCsvRows } from '../render/csv';
import { escapeJsonText } from '../render/sanitize';
import { renderSisimaiLines } from '../render/sisimai';
import type { Options } from './options';

export interface Sink {
  begin(): string;
  /** `source` is the mbox file a message came from, when it held several. */
  result(r: DiagnoseResult, source?: string): string;
  /**
   * Set when a result that --only leaves nothing of is still written, with no
   * diagnoses: --json's one object for one input keeps its type.
   */
  keepsUnmatched?: boolean;
  error(e: { input: string; error: string }): string;
  end(): string;
}

/**
 * The sink of the output format the options choose. `oneInput`: the arguments
 * name one file, one string or stdin (no folder), so --json prints one object.
 */
export function chooseSink(opts: Options, chalk: ChalkInstance, withHeadings: boolean, oneInput = !withHeadings): Sink {
  if (opts.quiet === true || opts.summary === true) {
    return { begin: () => '', result: () => '', error: () => '', end: () => '' };
  }
  if (opts.sisimai === true) return sisimaiSink(opts.ndjson === true);
  if (opts.ndjson === true) {
    return {
      begin: () => '',
      result: renderNdjsonLine,
      error: (e) => escapeJsonText(JSON.stringify(e)) + '\n',
      end: () => '',
    };
  }
  if (opts.json === true) return jsonSink(oneInput);
  if (opts.csv === true) {
    const names = opts.header ?? [];
    return { begin: () => renderCsvHeader(names), result: (r) => renderCsvRows(r, names), error: () => '', end: () => '' };
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

/**
 * `--json`: one object per input (DESIGN.md): a file, stdin or a string
 * argument. The messages of one mbox file become one object for that file,
 * each diagnosis naming its message (`path#N`), so `jq '.diagnoses[]'` works
 * whatever the mbox holds. The top-level type follows the arguments, not the
 * count of records (issue 15, item 9): one object when they name one file, one
 * string or stdin; an array, streamed as it grows, for several arguments or a
 * folder (`[]` for an empty one). (`--ndjson` gives one line per message
 * instead, and holds nothing back: the choice for very large mboxes.)
 */
function jsonSink(oneInput: boolean): Sink {
  let held: string | null = null;
  let count = 0;
  // The mbox file whose messages are being gathered into one record.
  let group: { source: string; record: JsonRecordBuilder } | null = null;
  const add = (record: string): string => {
    count++;
    if (oneInput && count === 1) {
      // Held until the end: should a second record come all the same, the two go in an array.
      held = record;
      return '';
    }
    const out = count === 1 ? `[\n${record}` : count === 2 && held !== null ? `[\n${held},\n${record}` : `,\n${record}`;
    held = null;
    return out;
  };
  const flush = (): string => {
    if (group === null) return '';
    const record = group.record.render();
    group = null;
    return add(record);
  };
  return {
    keepsUnmatched: oneInput,
    begin: () => '',
    result: (r, source) => {
      // The first message of an mbox (`path#1`) starts its record, even when
      // the same file was named just before (`whybounce --json a.mbox a.mbox`).
      if (source !== undefined && group?.source === source && r.input !== `${source}#1`) {
        group.record.add(r);
        return '';
      }
      const out = flush();
      if (source === undefined) return out + add(renderJson([r]).trimEnd());
      group = { source, record: new JsonRecordBuilder(source) };
      group.record.add(r);
      return out;
    },
    error: (e) => {
      const out = flush();
      return out + add(escapeJsonText(JSON.stringify(e, null, 2)));
    },
    end: () => {
      const out = flush();
      if (held !== null) return `${out}${held}\n`;
      return out + (count === 0 ? '[]\n' : '\n]\n');
    },
  };
}

/**
 * `--sisimai`: Sisimai's dump shape (docs/sisimai.md), one record per
 * diagnosis: one JSON array for the whole run, a record per line, streamed as
 * each message is done; with `--ndjson`, one record per line and no array.
 * Inputs that are not bounces give no record; read errors go to stderr only.
 */
function sisimaiSink(ndjson: boolean): Sink {
  let count = 0;
  return {
    begin: () => (ndjson ? '' : '['),
    result: (r) => {
      const lines = renderSisimaiLines(r);
      if (ndjson) return lines.map((line) => `${line}\n`).join('');
      let out = '';
      for (const line of lines) out += `${count++ === 0 ? '\n' : ',\n'}${line}`;
      return out;
    },
    error: () => '',
    end: () => (ndjson ? '' : '\n]\n'),
  };
}
