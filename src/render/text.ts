import type { ChalkInstance } from 'chalk';
import type { DiagnoseResult, Diagnosis, Evidence } from '../types';
import { sanitizeForTerminal, sanitizeInline } from './sanitize';

const LABEL_WIDTH = 10;

function label(c: ChalkInstance, name: string): string {
  return c.dim(name.padEnd(LABEL_WIDTH));
}

function indent(text: string): string {
  return text.replace(/\n/g, `\n  ${' '.repeat(LABEL_WIDTH)}`);
}

function verdict(c: ChalkInstance, d: Diagnosis): string {
  if (d.reason === 'delivered') return c.green('delivered');
  if (d.hardBounce) return c.red.bold('hard bounce');
  if (d.class === 'transient') return c.yellow('soft bounce, will be retried');
  return c.yellow('soft bounce');
}

function replyLines(c: ChalkInstance, d: Diagnosis): string[] {
  const info = d.titles?.reply ?? null;
  if (d.replyCode === null || info === null) return [];
  const title = info.known ? info.title : `${info.title} (not a registered code)`;
  return [`  ${label(c, 'Reply')}${c.bold(String(d.replyCode))}  ${title}`, `  ${' '.repeat(LABEL_WIDTH)}${info.meaning}`];
}

function statusLines(c: ChalkInstance, d: Diagnosis): string[] {
  const info = d.titles?.status ?? null;
  if (d.status === null || info === null) return [];
  const parts = [
    `class ${info.classDigit}: ${info.classTitle.toLowerCase()}`,
    `subject ${info.subjectDigit}: ${info.subjectTitle.toLowerCase()}`,
    info.detailTitle === null ? 'detail: not in the registry' : `detail: ${info.detailTitle}`,
  ];
  return [
    `  ${label(c, 'Status')}${c.bold(d.status)}  ${parts.join(' · ')}`,
    `  ${' '.repeat(LABEL_WIDTH)}${info.summary}`,
  ];
}

export interface TextOptions {
  /** `--why`: list the evidence behind every verdict. */
  why?: boolean;
}

const PAD = ' '.repeat(LABEL_WIDTH);

function adviceLines(c: ChalkInstance, d: Diagnosis): string[] {
  const e = d.explanation;
  const lines: string[] = [];
  if (e.actorText !== undefined) {
    lines.push(`  ${label(c, 'Who')}${e.actorText}${e.actor === undefined ? '' : c.dim(` (${e.actor})`)}`);
  }
  lines.push(`  ${label(c, 'Advice')}${e.advice}`);
  for (const step of (e.steps ?? []).slice(1)) lines.push(`  ${PAD}${c.dim('•')} ${step}`);
  return lines;
}

function providerLines(c: ChalkInstance, d: Diagnosis): string[] {
  const p = d.provider;
  if (p === undefined || p === null) return [];
  const lines = [`  ${label(c, 'Provider')}${c.bold(p.name)}${p.code === null ? '' : ` ${p.code}`}`];
  if (p.meaning !== null) lines.push(`  ${PAD}${p.meaning}`);
  lines.push(`  ${PAD}${c.dim(p.docs)}`);
  return lines;
}

function blocklistLines(c: ChalkInstance, d: Diagnosis): string[] {
  const b = d.blocklist;
  if (b === undefined || b === null) return [];
  const listed = b.listed === null ? '' : `: ${c.bold(sanitizeInline(b.listed))} is listed`;
  const lines = [`  ${label(c, 'Blocklist')}${b.name}${listed}`];
  if (b.lookup !== null) lines.push(`  ${PAD}${c.dim(`lookup and delisting: ${b.lookup}`)}`);
  if (b.note !== null) lines.push(`  ${PAD}${c.yellow(b.note)}`);
  return lines;
}

/**
 * Issue 14: what the bounce is tied to, under the verdict: the original it
 * returns ("Sent"), the bounce itself ("Bounced"), the VERP or SRS decoding,
 * and the `--header` fields. Each line only when it has something to show.
 */
function identityLines(c: ChalkInstance, d: Diagnosis): string[] {
  const lines: string[] = [];
  const show = (text: string): string => sanitizeInline(text);
  const o = d.original;
  if (o !== undefined) {
    const first = [
      o.subject === null ? null : `"${show(o.subject)}"`,
      o.messageId === null ? null : show(o.messageId),
      o.date === null ? null : show(o.date),
    ].filter((x): x is string => x !== null);
    const second = [
      o.from === null ? null : `from ${show(o.from)}`,
      o.to === null ? null : `to ${show(o.to)}`,
      o.listId === null ? null : `list ${show(o.listId)}`,
      o.returnPath === null ? null : `return path ${show(o.returnPath === '' ? '<>' : o.returnPath)}`,
    ].filter((x): x is string => x !== null);
    const all = [first.join(c.dim(' · ')), second.join(c.dim(' · '))].filter((x) => x !== '');
    all.forEach((text, i) => lines.push(`  ${i === 0 ? label(c, 'Sent') : PAD}${text}`));
  }
  const bounced = [
    d.timestamp == null ? null : show(d.timestamp),
    d.reportingMta == null ? null : `by ${show(d.reportingMta)}`,
    d.sender == null ? null : `to ${show(d.sender)}`,
    d.messageId == null ? null : show(d.messageId),
  ].filter((x): x is string => x !== null);
  if (bounced.length > 0) lines.push(`  ${label(c, 'Bounced')}${bounced.join(c.dim(' · '))}`);
  const v = d.verp;
  if (v !== undefined && v !== null) {
    const what = v.scheme === 'verp' ? 'VERP' : `SRS (${v.scheme.toUpperCase()})`;
    const member = v.recipient === null ? '' : `, sent to ${c.bold(show(v.recipient))}`;
    lines.push(`  ${PAD}${c.dim(`${what}:`)} return address ${show(v.sender)}${member}`);
  }
  for (const [name, value] of Object.entries(d.headers ?? {})) {
    lines.push(`  ${label(c, 'Header')}${show(name)}: ${value === null ? c.dim('(not in the original)') : show(value)}`);
  }
  return lines;
}

const EVIDENCE_NAMES: Record<Evidence['about'], string> = {
  input: 'read',
  replyCode: 'reply code',
  status: 'status',
  class: 'class',
  reason: 'reason',
  hardBounce: 'hard/soft',
  provider: 'provider',
  blocklist: 'blocklist',
  actor: 'who acts',
  warning: 'warning',
};

function evidenceLines(c: ChalkInstance, d: Diagnosis): string[] {
  const lines = [`  ${c.bold('Evidence')}`];
  for (const e of d.evidence ?? []) {
    const from = e.input === null ? c.dim(`[${e.source}]`) : `${c.dim(`[${e.source}]`)} ${c.italic(`"${sanitizeInline(e.input)}"`)}`;
    lines.push(`    ${c.cyan(EVIDENCE_NAMES[e.about].padEnd(11))}${from}`);
    lines.push(`    ${' '.repeat(11)}${c.dim('→')} ${sanitizeInline(e.note)}`);
  }
  return lines;
}

function renderDiagnosis(c: ChalkInstance, d: Diagnosis, options: TextOptions): string {
  const who = d.recipient === null ? c.dim('(recipient unknown)') : c.bold(sanitizeInline(d.recipient));
  const mark = d.reason === 'delivered' ? c.green('✔') : d.hardBounce ? c.red('✖') : c.yellow('!');
  // A diagnosis made by hand, without titles, shows the reason id alone.
  const title = d.titles === undefined ? '' : `: ${d.titles.reason}`;
  const lines = [
    `${mark} ${who}  ${verdict(c, d)} ${c.dim('·')} ${c.cyan(d.reason)}${title}`,
    ...identityLines(c, d),
    ...replyLines(c, d),
    ...statusLines(c, d),
    `  ${label(c, 'Why')}${d.explanation.reason}`,
    ...adviceLines(c, d),
    ...providerLines(c, d),
    ...blocklistLines(c, d),
  ];
  if (d.diagnostic !== '') {
    lines.push(`  ${label(c, 'Server')}${c.italic(indent(sanitizeForTerminal(d.diagnostic)))}`);
  }
  const where = [
    d.remoteMta === null ? null : `remote ${sanitizeInline(d.remoteMta)}`,
    d.command === null ? null : `after ${d.command}`,
    d.feedbackType === undefined ? null : `feedback type ${sanitizeInline(d.feedbackType)}`,
    `read as ${d.format}`,
  ].filter((x): x is string => x !== null);
  lines.push(`  ${PAD}${c.dim(where.join(', '))}`);
  for (const w of d.warnings) lines.push(`  ${c.yellow('⚠')} ${sanitizeInline(w)}`);
  if (options.why === true) lines.push(...evidenceLines(c, d));
  return lines.join('\n');
}

function heading(c: ChalkInstance, r: DiagnoseResult): string {
  const n = r.diagnoses.length;
  const what = !r.isBounce ? 'not a bounce' : `${n} recipient${n === 1 ? '' : 's'}`;
  return c.bold.underline(sanitizeInline(r.input)) + c.dim(`  ${what}`);
}

/** Human-readable report for one input. `withHeading` adds the input's name above it. */
export function renderText(
  result: DiagnoseResult,
  c: ChalkInstance,
  withHeading = result.input !== 'argv',
  options: TextOptions = {},
): string {
  const blocks: string[] = [];
  if (withHeading) blocks.push(heading(c, result));
  for (const d of result.diagnoses) blocks.push(renderDiagnosis(c, d, options));
  if (result.diagnoses.length === 0) {
    for (const w of result.warnings) blocks.push(c.dim(sanitizeInline(w)));
  } else {
    for (const w of result.warnings) blocks.push(`${c.yellow('⚠')} ${sanitizeInline(w)}`);
  }
  return blocks.join('\n\n') + '\n';
}
