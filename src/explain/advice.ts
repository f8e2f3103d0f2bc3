// Advice: who has to act and the concrete next steps, from the reason, the
// class, the provider's own meaning of its code and the blocklist named.
import type { ActorId, Evidence, ReasonId, StatusClass } from '../types';
import { reasonRule } from '../reasons';
import type { ProviderFinding } from '../providers';
import { blocklistAdvice, type BlocklistFinding } from '../blocklists';
import { ACTOR_TEXT, actorFor } from './actors';

export interface AdviceInput {
  reason: ReasonId;
  cls: StatusClass | null;
  provider: ProviderFinding | null;
  blocklist: BlocklistFinding | null;
}

export interface Advice {
  actor: ActorId;
  actorText: string;
  /** Why this actor, in words (for the evidence list). */
  actorRule: string;
  /** The first step: what to do next. */
  advice: string;
  steps: string[];
}

function chooseActor(input: AdviceInput): { actor: ActorId; rule: string } {
  const listActor = input.blocklist?.list.actor;
  if (listActor !== undefined) return { actor: listActor, rule: `${input.blocklist?.match.name}: ${input.blocklist?.list.note ?? ''}`.trim() };
  const code = input.provider?.code;
  if (code?.actor !== undefined && input.reason !== 'delivered') {
    return { actor: code.actor, rule: `${input.provider?.provider.name} ${code.label} points at ${code.actor}` };
  }
  return actorFor(input.reason, input.cls);
}

/** Who has to act and what to do next, most specific step first. */
export function adviseOn(input: AdviceInput): Advice {
  const { actor, rule } = chooseActor(input);
  const steps: string[] = [];
  const waitFirst = actor === 'nobody' && input.cls === 'transient';
  if (waitFirst) {
    steps.push('Nothing to do yet: the sending server retries by itself; act only if a final failure notice follows.');
  }
  const code = input.provider?.code;
  // A provider's own block list says the same as the provider's code, with the IP: keep that one.
  const ownList = input.blocklist !== null && input.blocklist.list.id === input.provider?.provider.id;
  if (input.blocklist !== null) steps.push(blocklistAdvice(input.blocklist));
  if (code?.advice !== undefined && !ownList) steps.push(code.advice);
  const base = reasonRule(input.reason).advice;
  // The generic "look up the blocklist" step says less than the named list's own step.
  const saidByList = input.blocklist !== null && (input.reason === 'blocked' || input.reason === 'badreputation');
  if (!steps.includes(base) && !saidByList) steps.push(base);
  if (input.cls === 'transient' && !waitFirst && input.reason !== 'delivered') {
    steps.push('The failure is temporary: the sending server keeps retrying for a while (often a few days), so a fix made soon may still let this message through.');
  }
  if (input.provider !== null && actor !== 'nobody') {
    const docs = code?.docs ?? input.provider.provider.docs;
    if (!steps.some((s) => s.includes(docs))) steps.push(`${input.provider.provider.name} explains its codes at ${docs}`);
  }
  return { actor, actorText: ACTOR_TEXT[actor], actorRule: rule, advice: steps[0] ?? base, steps };
}

/** The advice step of a diagnosis: the advice, and the evidence for who has to act. */
export function giveAdvice(input: AdviceInput): { advice: Advice; evidence: Evidence[] } {
  const advice = adviseOn(input);
  return { advice, evidence: [{ about: 'actor', source: 'rule', input: null, note: advice.actorRule }] };
}
