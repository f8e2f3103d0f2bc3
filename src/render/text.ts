import type { ChalkInstance } from 'chalk';
import type { DiagnoseResult, Diagnosis } from '../types';
import { lookupReplyCode } from '../smtp/reply-codes';
import { lookupStatus } from '../smtp/status-codes';
import { reasonRule } from '../reasons';
import { sanitizeForTerminal, sanitizeInline } from './sanitize';

const LABEL_WIDTH = 8;

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
  if (d.replyCode === null) return [];
  const info = lookupReplyCode(d.replyCode);
  if (info === null) return [];
  const title = info.known ? info.title : `${info.title} (not a registered code)`;
  return [`  ${label(c, 'Reply')}${c.bold(String(d.replyCode))}  ${title}`, `  ${' '.repeat(LABEL_WIDTH)}${info.meaning}`];
}

function statusLines(c: ChalkInstance, d: Diagnosis): string[] {
  if (d.status === null) return [];
  const info = lookupStatus(d.status);
  if (info === null) return [];
  const parts = [
    `class ${info.class.digit}: ${info.class.title.toLowerCase()}`,
    `subject ${info.subject.digit}: ${info.subject.title.toLowerCase()}`,
    info.detail === null ? 'detail: not in the registry' : `detail: ${info.detail.title}`,
  ];
  return [
    `  ${label(c, 'Status')}${c.bold(d.status)}  ${parts.join(' · ')}`,
    `  ${' '.repeat(LABEL_WIDTH)}${info.summary}`,
  ];
}

function renderDiagnosis(c: ChalkInstance, d: Diagnosis): string {
  const who = d.recipient === null ? c.dim('(recipient unknown)') : c.bold(sanitizeInline(d.recipient));
  const mark = d.reason === 'delivered' ? c.green('✔') : d.hardBounce ? c.red('✖') : c.yellow('!');
  const rule = reasonRule(d.reason);
  const lines = [
    `${mark} ${who}  ${verdict(c, d)} ${c.dim('·')} ${c.cyan(d.reason)}: ${rule.title}`,
    ...replyLines(c, d),
    ...statusLines(c, d),
    `  ${label(c, 'Why')}${d.explanation.reason}`,
    `  ${label(c, 'Advice')}${d.explanation.advice}`,
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
  lines.push(`  ${' '.repeat(LABEL_WIDTH)}${c.dim(where.join(', '))}`);
  for (const w of d.warnings) lines.push(`  ${c.yellow('⚠')} ${sanitizeInline(w)}`);
  return lines.join('\n');
}

function heading(c: ChalkInstance, r: DiagnoseResult): string {
  const n = r.diagnoses.length;
  const what = !r.isBounce ? 'not a bounce' : `${n} recipient${n === 1 ? '' : 's'}`;
  return c.bold.underline(sanitizeInline(r.input)) + c.dim(`  ${what}`);
}

/** Human-readable report for one input. `withHeading` adds the input's name above it. */
export function renderText(result: DiagnoseResult, c: ChalkInstance, withHeading = result.input !== 'argv'): string {
  const blocks: string[] = [];
  if (withHeading) blocks.push(heading(c, result));
  for (const d of result.diagnoses) blocks.push(renderDiagnosis(c, d));
  if (result.diagnoses.length === 0) {
    for (const w of result.warnings) blocks.push(c.dim(sanitizeInline(w)));
  } else {
    for (const w of result.warnings) blocks.push(`${c.yellow('⚠')} ${sanitizeInline(w)}`);
  }
  return blocks.join('\n\n') + '\n';
}
