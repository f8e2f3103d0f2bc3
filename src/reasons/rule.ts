// The shape of a reason file: one rule per reason id of DESIGN.md, with the
// words and codes that name it and our own explanation and advice.
import type { ActorId, ReasonId } from '../types';

export interface ReasonRule {
  readonly id: ReasonId;
  /** Whose problem this reason is when the failure is permanent (or final); see ActorId and docs/advice.md. */
  readonly actor: ActorId;
  /** Short label, e.g. "The recipient address does not exist". */
  readonly title: string;
  /** Our own plain English, one or two sentences, for the person who sent the mail. */
  readonly explanation: string;
  /** One line: the concrete next step. */
  readonly advice: string;
  /** Enhanced status codes that by themselves mean this reason ("5.1.1", "4.2.2"). */
  readonly statusCodes: readonly string[];
  /** Lower-case substrings that name this reason, in any language (step 2 of the classifier). */
  readonly phrases: readonly string[];
  /** Vaguer lower-case substrings, tried only when codes and command said nothing (step 5). */
  readonly hints?: readonly string[];
  /**
   * Plain English words that say this reason so plainly that, under a status code
   * meaning another reason, the code and the words disagree (read by the
   * consistency check, which warns). Lower case, single-spaced.
   */
  readonly telltales?: readonly string[];
}
