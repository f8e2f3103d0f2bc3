// Reference mode renderers: strings in, strings out; the CLI prints them.
import type { ChalkInstance } from 'chalk';
import type { CodeRow, ProviderNote, ReferenceEntry } from './lookup';

const W = 10;

function label(c: ChalkInstance, name: string): string {
  return c.dim(name.padEnd(W));
}

function providerLines(c: ChalkInstance, notes: readonly ProviderNote[]): string[] {
  const lines: string[] = [];
  for (const n of notes) {
    const differs = n.differs ? c.yellow(' (differs from the registry)') : '';
    lines.push(`${label(c, 'Provider')}${c.bold(n.name)} ${n.code}${differs}`);
    lines.push(`${' '.repeat(W)}${n.meaning}`);
    if (n.reason !== null) lines.push(`${' '.repeat(W)}${c.dim('reason:')} ${c.cyan(n.reason)}`);
    if (n.advice !== null) lines.push(`${' '.repeat(W)}${c.dim('advice:')} ${n.advice}`);
    lines.push(`${' '.repeat(W)}${c.dim(n.docs)}`);
  }
  return lines;
}

/** The human-readable page for one code. */
export function renderEntryText(e: ReferenceEntry, c: ChalkInstance): string {
  const lines: string[] = [];
  if (e.kind === 'tag') {
    lines.push(`${c.bold(e.code)}  ${c.dim("a provider's own code")}`);
    lines.push(...providerLines(c, e.providers));
    return lines.join('\n') + '\n';
  }
  if (e.kind === 'status') {
    const title = e.title ?? c.dim('not in the IANA registry');
    lines.push(`${c.bold(e.code)}  ${title}${e.rfc === null ? '' : c.dim(`  (${e.rfc})`)}`);
    lines.push(`${label(c, 'Class')}${e.class.digit}: ${e.class.title}. ${e.class.meaning}`);
    lines.push(`${label(c, 'Subject')}${e.subject.digit}: ${e.subject.title}. ${e.subject.meaning}`);
    lines.push(`${label(c, 'Meaning')}${e.meaning}`);
    if (e.replyCodes.length > 0) lines.push(`${label(c, 'Pairs')}IANA pairs it with reply code ${e.replyCodes.join(', ')}`);
    lines.push(...providerLines(c, e.providers));
  } else {
    const title = e.registered ? e.title : `${e.title} ${c.dim('(not a standard code)')}`;
    lines.push(`${c.bold(String(e.code))}  ${title}${e.rfc === null ? '' : c.dim(`  (${e.rfc})`)}`);
    lines.push(`${label(c, 'Meaning')}${e.meaning}`);
    if (e.statusCodes.length > 0) lines.push(`${label(c, 'Pairs')}IANA pairs it with ${e.statusCodes.join(', ')}`);
  }
  lines.push(`${label(c, 'Reason')}${c.cyan(e.reason)}: ${e.reasonTitle} ${c.dim('(from the code alone; a real bounce\'s text can change it)')}`);
  lines.push(`${label(c, 'Who')}${e.actorText}`);
  lines.push(`${label(c, 'Advice')}${e.advice}`);
  return lines.join('\n') + '\n';
}

/** `whybounce codes`: one code a line, aligned. */
export function renderCodesText(rows: readonly CodeRow[], c: ChalkInstance): string {
  const width = Math.max(8, ...rows.map((r) => r.code.length)) + 2;
  return (
    rows
      .map((r) => {
        const code = r.code.padEnd(width);
        const who = r.provider === undefined ? '' : c.dim(`${r.provider}: `);
        const rfc = r.rfc === null ? '' : c.dim(`  ${r.rfc}`);
        return `${r.code.endsWith('.YYY') ? c.bold(code) : code}${who}${r.title}${rfc}`;
      })
      .join('\n') + '\n'
  );
}
