// Step 5: the reason, as the report's format states it or as the classifier
// finds it, and the evidence naming the rule that decided.
import type { Candidate, Evidence, ReasonId } from '../types';
import { explainReason, type ReasonEvidence } from '../reasons/classify';

function reasonNote(e: ReasonEvidence): string {
  switch (e.rule) {
    case 'phrase':
      return `the words "${e.matched ?? ''}" name ${e.reason}`;
    case 'status':
      return `status ${e.matched ?? ''} points at ${e.reason}`;
    case 'reply':
      return `reply code ${e.matched ?? ''} points at ${e.reason} (nothing more specific was found)`;
    case 'command':
      return `the error answered ${e.matched ?? ''}, which points at ${e.reason}`;
    case 'action':
      return `the report's Action (${e.matched ?? ''}) means ${e.reason}`;
    default:
      return `no rule matched firmly, so ${e.reason}`;
  }
}

export interface ReasonFound {
  reason: ReasonId;
  /** What the classifier found; null when the format itself decided. */
  found: ReasonEvidence | null;
  evidence: Evidence[];
}

/**
 * Formats whose text is a server's reply as it was given, with no relay's
 * report around it: a string argument, a piped line, and a mail log's line
 * (the log of the server that got the reply; an ESP event is a report).
 */
function isStandalone(format: string): boolean {
  return format === 'argv' || format === 'line' || format === 'log-line' || format.endsWith('-log') || format === 'exchange-csv';
}

/** The part of an address after its last "@", lower case. */
function domainOf(address: string | null): string {
  if (address === null) return '';
  return address.slice(address.lastIndexOf('@') + 1).toLowerCase();
}

/**
 * Whether an address's domain is the reporting server's own: the server's host
 * name is that domain or a host under it (mx.example.org reports for
 * user@example.org). A host given as an IP address or without a dot is never
 * taken as a domain.
 */
export function isOwnDomain(recipient: string | null, reportingMta: string | null | undefined): boolean {
  if (recipient === null || reportingMta == null || !recipient.includes('@')) return false;
  const domain = domainOf(recipient).replace(/\.$/, '');
  const host = reportingMta.toLowerCase().replace(/\.$/, '');
  if (!domain.includes('.') || !host.includes('.') || /^[\d.]+$/.test(host) || host.includes(':')) return false;
  return host === domain || host.endsWith(`.${domain}`);
}

/**
 * Exim writes "Unrouteable address" when none of its routers takes an address.
 * For a domain the server does not hold, that is a domain with no DNS records;
 * for the server's own domain it is a local part no router knows: with Debian's
 * default configuration, an unknown local user gets exactly these words
 * (exim4 4.96, src/route.c; made in the lab, test/fixtures/lab/exim/). So the
 * words name hostunknown unless the recipient's domain is the reporting
 * server's own.
 */
function ownDomainUnrouteable(c: Candidate, found: ReasonEvidence): boolean {
  return (
    found.reason === 'hostunknown' &&
    found.rule === 'phrase' &&
    found.matched === 'unrouteable address' &&
    isOwnDomain(c.recipient, c.reportingMta)
  );
}

/** The reason for a candidate whose status and reply code are known. */
export function chooseReason(c: Candidate, status: string | null, replyCode: number | null, source: string): ReasonFound {
  if (c.reason !== undefined) {
    return {
      reason: c.reason,
      found: null,
      evidence: [{ about: 'reason', source: `${c.format} format`, input: null, note: `the report's format itself says ${c.reason}` }],
    };
  }
  // The classifier sees the action the report stated, not the one derived from
  // the class: a bare "451 4.3.0" is a server problem, not an expired message.
  const found = explainReason({
    status,
    replyCode,
    text: c.diagnostic,
    command: c.command,
    action: c.action,
    diagnosticType: c.diagnosticType ?? null,
    standalone: isStandalone(c.format),
  });
  const evidence: Evidence = {
    about: 'reason',
    source: found.rule === 'phrase' ? source : 'rule',
    input: found.rule === 'phrase' ? found.matched : null,
    note: `${found.rule} rule: ${reasonNote(found)}${found.step === undefined ? '' : ` [decided by: ${found.step}]`}${found.source === undefined ? '' : ` (written by ${found.source})`}`,
  };
  if (ownDomainUnrouteable(c, found)) {
    const local: ReasonEvidence = { ...found, reason: 'userunknown' };
    evidence.note += `; but the recipient's domain ${domainOf(c.recipient)} is the reporting server's own (${c.reportingMta ?? ''}), where no router taking the address means no such local user: userunknown`;
    return { reason: 'userunknown', found: local, evidence: [evidence] };
  }
  return { reason: found.reason, found, evidence: [evidence] };
}
