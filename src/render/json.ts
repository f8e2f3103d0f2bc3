import { escapeJsonText } from './sanitize';
import type { Diagnosis, DiagnoseResult, Evidence, OriginalMessage } from '../types';

/** The DESIGN.md JSON object for one input, with the fields in contract order. */
export function toJsonRecord(result: DiagnoseResult): Record<string, unknown> {
  return {
    input: result.input,
    isBounce: result.isBounce,
    diagnoses: result.diagnoses.map(toJsonDiagnosis),
    warnings: result.warnings,
  };
}

// Optional fields are assigned in place rather than spread in: the same keys
// in the same order, without a temporary object per field (a batch writes
// thousands of these).
function toJsonDiagnosis(d: Diagnosis): Record<string, unknown> {
  const out: Record<string, unknown> = {
    recipient: d.recipient,
    action: d.action,
    replyCode: d.replyCode,
    status: d.status,
    class: d.class,
    reason: d.reason,
    hardBounce: d.hardBounce,
    command: d.command,
    remoteMta: d.remoteMta,
    diagnostic: d.diagnostic,
    explanation: d.explanation,
    warnings: d.warnings,
    format: d.format,
  };
  if (d.feedbackType !== undefined) out.feedbackType = d.feedbackType;
  if (d.message !== undefined) out.message = d.message;
  // A log line's or an ESP event's own fields (docs/logs.md); its time is `timestamp` below.
  if (d.queueId !== undefined) out.queueId = d.queueId;
  if (d.originalRecipient !== undefined) out.originalRecipient = d.originalRecipient;
  if (d.espType !== undefined) out.espType = d.espType;
  // Issue 6 (advice): always present in JSON, null / [] when there is nothing.
  out.provider = d.provider ?? null;
  out.blocklist = d.blocklist ?? null;
  out.evidence = d.evidence ?? [];
  // Issue 14: always present, null (or `original` with null fields) when unknown;
  // `headers` only when --header names fields.
  out.original = d.original ?? NO_ORIGINAL;
  if (d.headers !== undefined) out.headers = d.headers;
  out.timestamp = d.timestamp ?? null;
  out.reportingMta = d.reportingMta ?? null;
  out.sender = d.sender ?? null;
  out.messageId = d.messageId ?? null;
  out.verp = d.verp ?? null;
  return out;
}

const NO_ORIGINAL: OriginalMessage = {
  messageId: null,
  subject: null,
  from: null,
  to: null,
  date: null,
  listId: null,
  returnPath: null,
};

/** `--json`: one object for one input, an array for several. */
export function renderJson(results: readonly DiagnoseResult[]): string {
  const records = results.map(toJsonRecord);
  return escapeJsonText(JSON.stringify(records.length === 1 ? records[0] : records, null, 2)) + '\n';
}

/**
 * `--ndjson`: one compact line per input message. Diagnoses reused from a
 * mail log's cache (see markJsonShared) are written from a template of their
 * text: the same text as the plain way, without serialising the same
 * explanation and evidence again for every line.
 */
export function renderNdjsonLine(result: DiagnoseResult): string {
  const { input, isBounce, diagnoses, warnings } = result;
  if (typeof input === 'string' && typeof isBounce === 'boolean' && Array.isArray(warnings) && diagnoses.some((d) => templates.has(d.explanation))) {
    let list = '';
    for (const d of diagnoses) list += (list === '' ? '' : ',') + diagnosisJson(d);
    return `{"input":${escapeJsonText(JSON.stringify(input))},"isBounce":${String(isBounce)},"diagnoses":[${list}],"warnings":${escapeJsonText(JSON.stringify(warnings))}}\n`;
  }
  return escapeJsonText(JSON.stringify(toJsonRecord(result))) + '\n';
}

/**
 * The text of a diagnosis whose copies differ only in the fields a log line
 * gives each (recipient, first evidence, timestamp, queue id, original
 * recipient, ESP type): the pieces between those fields' values, and the
 * diagnosis it was made from, whose other fields every copy must share.
 */
interface Template {
  source: Diagnosis;
  /** The varying fields in the order they appear, and the text before each (and after the last). */
  fields: VaryingField[];
  pieces: string[];
}

type VaryingField = 'recipient' | 'evidence0' | 'timestamp' | 'queueId' | 'originalRecipient' | 'espType';

/**
 * By the explanation object, which a diagnosis and its copies share: the
 * template, or how many copies were written before it was made (a template
 * costs a few plain writes; it is made for the second copy written).
 */
const templates = new WeakMap<object, Template | number>();

/**
 * Marks a diagnosis whose copies will differ only in the fields a log line
 * gives each, and whose shared objects are not changed any more: --ndjson
 * then writes them from a template. (The log diagnosis cache calls it.)
 */
export function markJsonShared(d: Diagnosis): void {
  if (!templates.has(d.explanation)) templates.set(d.explanation, 0);
}

// Marks put in place of the varying fields to find where their values go. A
// mark must be found exactly once in the text, or no template is made.
const MARK = '\u0000whybounce-field:';

function makeTemplate(d: Diagnosis): Template | null {
  const evidence = d.evidence ?? [];
  if (evidence.length === 0) return null;
  const marked: Diagnosis = { ...d, recipient: `${MARK}recipient`, evidence: [`${MARK}evidence0` as unknown as Evidence, ...evidence.slice(1)] };
  marked.timestamp = `${MARK}timestamp`;
  if (d.queueId !== undefined) marked.queueId = `${MARK}queueId`;
  if (d.originalRecipient !== undefined) marked.originalRecipient = `${MARK}originalRecipient`;
  if (d.espType !== undefined) marked.espType = `${MARK}espType`;
  const text = escapeJsonText(JSON.stringify(toJsonDiagnosis(marked)));
  const found: { field: VaryingField; at: number; length: number }[] = [];
  const names: VaryingField[] = ['recipient', 'evidence0', 'timestamp'];
  if (d.queueId !== undefined) names.push('queueId');
  if (d.originalRecipient !== undefined) names.push('originalRecipient');
  if (d.espType !== undefined) names.push('espType');
  for (const field of names) {
    const mark = JSON.stringify(`${MARK}${field}`);
    const at = text.indexOf(mark);
    if (at === -1 || text.includes(mark, at + 1)) return null;
    found.push({ field, at, length: mark.length });
  }
  found.sort((a, b) => a.at - b.at);
  const pieces: string[] = [];
  let from = 0;
  for (const f of found) {
    pieces.push(text.slice(from, f.at));
    from = f.at + f.length;
  }
  pieces.push(text.slice(from));
  return { source: d, fields: found.map((f) => f.field), pieces };
}

/** True when `d` shares with the template's source every field the template holds as text. */
function fitsTemplate(d: Diagnosis, s: Diagnosis): boolean {
  const a = d.evidence ?? [];
  const b = s.evidence ?? [];
  if (a.length !== b.length) return false;
  for (let i = 1; i < a.length; i++) if (a[i] !== b[i]) return false;
  return (
    d.action === s.action &&
    d.replyCode === s.replyCode &&
    d.status === s.status &&
    d.class === s.class &&
    d.reason === s.reason &&
    d.hardBounce === s.hardBounce &&
    d.command === s.command &&
    d.remoteMta === s.remoteMta &&
    d.diagnostic === s.diagnostic &&
    d.warnings === s.warnings &&
    d.format === s.format &&
    d.feedbackType === s.feedbackType &&
    d.message === s.message &&
    (d.queueId === undefined) === (s.queueId === undefined) &&
    (d.originalRecipient === undefined) === (s.originalRecipient === undefined) &&
    (d.espType === undefined) === (s.espType === undefined) &&
    d.provider === s.provider &&
    d.blocklist === s.blocklist &&
    d.original === s.original &&
    d.headers === s.headers &&
    d.reportingMta === s.reportingMta &&
    d.sender === s.sender &&
    d.messageId === s.messageId &&
    d.verp === s.verp
  );
}

/** The text of a varying field's value; undefined when JSON leaves it out (then the template does not fit). */
function fieldJson(d: Diagnosis, field: VaryingField): string | undefined {
  const v = field === 'evidence0' ? d.evidence?.[0] : field === 'timestamp' ? (d.timestamp ?? null) : d[field];
  const text = JSON.stringify(v) as string | undefined;
  return text === undefined ? undefined : escapeJsonText(text);
}

/** One diagnosis as toJsonDiagnosis and JSON.stringify write it, from its template when it has one. */
function diagnosisJson(d: Diagnosis): string {
  const plain = (): string => escapeJsonText(JSON.stringify(toJsonDiagnosis(d)));
  let template = templates.get(d.explanation);
  if (template === undefined) return plain();
  if (typeof template === 'number') {
    if (template === 0) {
      templates.set(d.explanation, 1);
      return plain();
    }
    const made = makeTemplate(d);
    // No template can be made: the diagnosis is written the plain way from now on.
    if (made === null) {
      templates.delete(d.explanation);
      return plain();
    }
    templates.set(d.explanation, made);
    template = made;
  }
  if (!fitsTemplate(d, template.source)) return plain();
  const { fields, pieces } = template;
  let out = pieces[0] ?? '';
  let i = 1;
  for (const field of fields) {
    const text = fieldJson(d, field);
    if (text === undefined) return plain();
    out += text + (pieces[i++] ?? '');
  }
  return out;
}

/**
 * `--json` for one mbox file, built message by message: each diagnosis is
 * rendered when its message is done, and the record is put together from those
 * pieces at the end, the same text renderJson gives for the whole result
 * (issue 15, item 3: linear in the message count, and no object tree of the
 * whole mbox is kept, only its text).
 */
export class JsonRecordBuilder {
  private isBounce = false;
  private readonly diagnoses: string[] = [];
  private readonly warnings: string[] = [];

  constructor(private readonly input: string) {}

  /** Adds one message's diagnoses (each naming the message) and warnings (each prefixed with its name). */
  add(message: DiagnoseResult): void {
    if (message.isBounce) this.isBounce = true;
    if (message.diagnoses.length > 0) {
      this.diagnoses.push(listItems(message.diagnoses.map((d) => toJsonDiagnosis({ ...d, message: message.input }))));
    }
    if (message.warnings.length > 0) this.warnings.push(listItems(message.warnings.map((w) => `${message.input}: ${w}`)));
  }

  /** The record, as renderJson([result]) prints it, without the last newline. */
  render(): string {
    const list = (items: string[]): string => (items.length === 0 ? '[]' : `[\n${items.join(',\n')}\n  ]`);
    return (
      `{\n  "input": ${escapeJsonText(JSON.stringify(this.input))},\n  "isBounce": ${this.isBounce},\n` +
      `  "diagnoses": ${list(this.diagnoses)},\n  "warnings": ${list(this.warnings)}\n}`
    );
  }
}

const LIST_HEAD = '{\n  "a": [\n'.length;
const LIST_TAIL = '\n  ]\n}'.length;

/**
 * The items of a list as they stand inside a record (indented by four spaces,
 * separated by ",\n"): JSON.stringify indents them itself when they are the
 * value of a field, and the field is cut off. (Indenting a list's own text
 * with replaceAll gives a string of pieces about four times its length.)
 */
function listItems(items: readonly unknown[]): string {
  return escapeJsonText(JSON.stringify({ a: items }, null, 2).slice(LIST_HEAD, -LIST_TAIL));
}
