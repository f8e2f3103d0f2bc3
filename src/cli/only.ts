// --only: keep the diagnoses that match a verdict, a class or a reason id.
import { REASON_IDS, type DiagnoseResult, type Diagnosis, type ReasonId } from '../types';

/** What `--only` accepts: a verdict, a class, or a reason id. */
export type OnlyTerm = 'hard' | 'soft' | 'permanent' | 'transient' | ReasonId;

export const ONLY_TERMS: readonly OnlyTerm[] = ['hard', 'soft', 'permanent', 'transient', ...REASON_IDS];

const TERMS = new Set<string>(ONLY_TERMS);

/**
 * Parses an `--only` value: one term or several separated by commas (any of
 * them may match). Returns null when a term is unknown.
 */
export function parseOnly(value: string): OnlyTerm[] | null {
  const terms = value
    .split(',')
    .map((t) => t.trim().toLowerCase())
    .filter((t) => t !== '');
  if (terms.length === 0 || !terms.every((t) => TERMS.has(t))) return null;
  return terms as OnlyTerm[];
}

/** A soft bounce: a failure or delay that is not a dead address (delivery reports are no bounce at all). */
function isSoft(d: Diagnosis): boolean {
  return !d.hardBounce && d.class !== 'success' && d.reason !== 'delivered';
}

export function matchesOnly(d: Diagnosis, terms: readonly OnlyTerm[]): boolean {
  return terms.some((term) => {
    switch (term) {
      case 'hard':
        return d.hardBounce;
      case 'soft':
        return isSoft(d);
      case 'permanent':
      case 'transient':
        return d.class === term;
      default:
        return d.reason === term;
    }
  });
}

/** The result with only the diagnoses that match; null when none does. */
export function filterDiagnoses(result: DiagnoseResult, terms: readonly OnlyTerm[]): DiagnoseResult | null {
  const kept = result.diagnoses.filter((d) => matchesOnly(d, terms));
  return kept.length === 0 ? null : { ...result, diagnoses: kept };
}
