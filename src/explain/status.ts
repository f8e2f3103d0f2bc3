// Step 2: the enhanced status code to report, when the Status field and the
// reply's own words each give one, and the evidence for the choice.
import type { Candidate, Evidence } from '../types';
import { lineWith, quote } from './evidence';

function isGeneric(status: string): boolean {
  return status.endsWith('.0.0');
}

interface StatusChoice {
  status: string | null;
  note: string;
  fromField: boolean;
  /** Set when the two codes are of different classes. */
  warning: string | null;
}

/**
 * A DSN Status field and the code inside its diagnostic text can differ: keep
 * the more specific one (a "5.0.0" field says less than "5.1.1" in the server's
 * own words), and say when their classes disagree.
 */
function pick(field: string | null, fromText: string | null, label: string): StatusChoice {
  if (field === null) {
    return { status: fromText, note: fromText === null ? 'no enhanced status code found' : `${fromText} read from the reply text`, fromField: false, warning: null };
  }
  if (fromText === null || fromText === field) {
    return { status: field, note: fromText === null ? `${field} from ${label}` : `${field} in both ${label} and the reply`, fromField: true, warning: null };
  }
  const said = label === 'the Status field' ? 'The Status field' : `The status the format states`;
  const warning = field.startsWith(fromText.charAt(0)) ? null : `${said} says ${field} but the server's reply says ${fromText}.`;
  if (isGeneric(field) && !isGeneric(fromText)) {
    return { status: fromText, note: `${label} says only ${field}; the reply's own ${fromText} is more specific`, fromField: false, warning };
  }
  return { status: field, note: `${label} (${field}) is kept over the reply's ${fromText}`, fromField: true, warning };
}

/**
 * The status to report, a warning when the field and the reply disagree in class, and the evidence.
 * `field` is a real Status field; `stated` is a status the format states without one (its wording,
 * its Action): it is weighed like a field but never cited as one.
 */
export function chooseStatus(
  c: Pick<Candidate, 'statusField' | 'statedStatus' | 'format'>,
  fromText: string | null,
  diagnostic: string,
  source: string,
): { status: string | null; warning: string | null; evidence: Evidence[] } {
  const field = c.statusField ?? c.statedStatus ?? null;
  const stated = c.statusField === null && field !== null;
  const choice = pick(field, fromText, stated ? `the ${c.format} format's stated status (no Status field)` : 'the Status field');
  const status = choice.status;
  const evidence: Evidence = {
    about: 'status',
    source: choice.fromField ? (stated ? `${c.format} format` : 'Status field') : source,
    input: status === null ? null : choice.fromField ? field : quote(lineWith(diagnostic, status)),
    note: choice.note,
  };
  return { status, warning: choice.warning, evidence: [evidence] };
}
