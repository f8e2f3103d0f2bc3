// The step both paths end with: what one message yields is capped, then each
// candidate is explained into a diagnosis.
import type { Candidate, Diagnosis } from '../types';
import { explainCandidate } from '../explain';

// Guards (src/limits.ts): more than MAX_RECIPIENTS diagnoses or a reply text
// over MAX_DIAGNOSTIC_CHARS is cut.
import { MAX_DIAGNOSTIC_CHARS, MAX_RECIPIENTS } from '../limits';

/** The diagnoses of one message's candidates, capped; a cap that is hit adds its warning. */
export function finishDiagnoses(candidates: readonly Candidate[], warnings: string[]): Diagnosis[] {
  return capCandidates(candidates, warnings).map(explainCandidate);
}

/** Cuts what one message may yield: at most MAX_RECIPIENTS candidates, reply texts of MAX_DIAGNOSTIC_CHARS. */
function capCandidates(candidates: readonly Candidate[], warnings: string[]): Candidate[] {
  if (candidates.length >= MAX_RECIPIENTS) {
    warnings.push(
      `The report lists ${MAX_RECIPIENTS} recipients or more, the most whybounce reads in one message (MAX_RECIPIENTS); any after them were skipped.`,
    );
  }
  const kept = candidates.slice(0, MAX_RECIPIENTS);
  if (!kept.some((c) => c.diagnostic.length > MAX_DIAGNOSTIC_CHARS)) return kept;
  warnings.push(
    `A server reply is longer than ${MAX_DIAGNOSTIC_CHARS} characters (MAX_DIAGNOSTIC_CHARS); only its start was kept.`,
  );
  return kept.map((c) =>
    c.diagnostic.length > MAX_DIAGNOSTIC_CHARS ? { ...c, diagnostic: `${c.diagnostic.slice(0, MAX_DIAGNOSTIC_CHARS)}…` } : c,
  );
}
