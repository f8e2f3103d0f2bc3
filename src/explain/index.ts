// From one extractor candidate to one full diagnosis: codes, class, reason,
// hard/soft verdict, provider, blocklist, advice, warnings — and the evidence
// for each of them, so `--why` can show what every verdict was based on. Each
// step is a module of this folder that returns its value with its evidence;
// this file runs them in order and lists the evidence in the order it is shown.
import type { Candidate, Diagnosis, Evidence } from '../types';
import { toProviderMatch } from '../providers';
import { readingEvidence, textSource } from './evidence';
import { readReply } from './reply';
import { chooseStatus } from './status';
import { actionFor, chooseClass } from './class';
import { recogniseProvider } from './provider';
import { chooseReason } from './reason';
import { overrideByProvider } from './provider-override';
import { judgeHardBounce } from './hard-bounce';
import { findListing } from './blocklist';
import { giveAdvice } from './advice';
import { consistencyWarnings } from './consistency';
import { describeCodes } from './describe';

/** Turns one extractor candidate into a full diagnosis: codes, class, reason, verdict, advice and evidence. */
export function explainCandidate(c: Candidate): Diagnosis {
  const source = textSource(c);
  const read = readReply(c, source);
  const replyCode = read.reply.replyCode;
  const chosen = chooseStatus(c, read.reply.status, c.diagnostic, source);
  const status = chosen.status;
  const { cls, evidence: classEvidence } = chooseClass(status, replyCode);
  const found = recogniseProvider(c, status);
  const provider = found.provider;
  const classified = chooseReason(c, status, replyCode, source);
  const { reason, evidence: overrideEvidence } = overrideByProvider(classified.reason, classified.found, provider, status);
  const verdict = judgeHardBounce(reason, cls, replyCode);
  const listing = findListing(c.diagnostic, source);
  const { advice, evidence: actorEvidence } = giveAdvice({ reason, cls, provider, blocklist: listing.blocklist });
  const providerCode = provider?.code?.status !== undefined;
  const consistency = consistencyWarnings({ replyCode, status, text: read.reply.text, providerCode }, source);
  const described = describeCodes(replyCode, status, reason);

  // Filled by push, not copied with [...]: V8 then learns at this line that the
  // array holds strings, and the optimised code of this function is not thrown
  // away at the first warning of a batch.
  const warnings: string[] = [];
  for (const w of read.reply.warnings) warnings.push(w);
  if (chosen.warning !== null) warnings.push(chosen.warning);
  for (const w of consistency.warnings) warnings.push(w);

  const evidence: Evidence[] = [
    readingEvidence(c),
    ...read.evidence,
    ...chosen.evidence,
    ...classEvidence,
    ...classified.evidence,
    ...overrideEvidence,
    ...verdict.evidence,
    ...found.evidence,
    ...listing.evidence,
    ...actorEvidence,
    ...consistency.evidence,
  ];

  const diagnosis: Diagnosis = {
    recipient: c.recipient,
    action: c.action ?? actionFor(cls),
    replyCode,
    status,
    class: cls,
    reason,
    hardBounce: verdict.hardBounce,
    command: c.command,
    remoteMta: c.remoteMta,
    diagnostic: c.diagnostic,
    explanation: {
      reply: described.reply,
      status: described.status,
      reason: described.reason,
      advice: advice.advice,
      actor: advice.actor,
      actorText: advice.actorText,
      steps: advice.steps,
    },
    warnings,
    format: c.format,
    provider: provider === null ? null : toProviderMatch(provider),
    blocklist: listing.blocklist?.match ?? null,
    evidence,
    titles: described.titles,
  };
  if (c.feedbackType !== undefined) diagnosis.feedbackType = c.feedbackType;
  return diagnosis;
}
