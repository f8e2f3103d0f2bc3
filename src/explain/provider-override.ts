// Step 6: a provider's documented meaning of its own code replaces a reason the
// classifier only guessed, with the evidence of what it replaced.
import type { Evidence, ReasonId } from '../types';
import { reasonRule } from '../reasons';
import type { ReasonEvidence } from '../reasons/classify';
import type { ProviderFinding } from '../providers';

// Step 3 of the classifier (a status code that by itself means one reason) is
// firm; the subject fallback, the reply code, the bare command and the default are
// guesses that a provider's own documented meaning should beat.
function isWeak(e: ReasonEvidence, status: string | null): boolean {
  if (e.rule === 'default' || e.rule === 'reply') return true;
  // "DATA (after user unknown)": bare words read as a filter's refusal, also a guess.
  if (e.rule === 'command') return e.matched === 'RCPT' || e.matched === 'DATA' || e.matched === 'BDAT' || (e.matched ?? '').includes(' (after ');
  if (e.rule === 'status') return status === null || !reasonRule(e.reason).statusCodes.includes(status);
  return false;
}

function providerReason(found: ReasonEvidence, provider: ProviderFinding | null, status: string | null): ReasonId | null {
  const code = provider?.code;
  if (code?.reason === undefined || code.reason === found.reason) return null;
  if (isWeak(found, status)) return code.reason;
  // A registered code the provider uses for something else: its meaning wins over the registry's.
  if (code.differs === true && found.rule === 'status') return code.reason;
  return null;
}

/**
 * The reason after the provider has had its say: the classifier's finding, or
 * the provider's meaning of its code when that is firmer. `found` is null when
 * the report's format decided the reason: nothing to override then.
 */
export function overrideByProvider(
  reason: ReasonId,
  found: ReasonEvidence | null,
  provider: ProviderFinding | null,
  status: string | null,
): { reason: ReasonId; evidence: Evidence[] } {
  if (found === null) return { reason, evidence: [] };
  const better = providerReason(found, provider, status);
  if (better === null || !provider?.code) return { reason, evidence: [] };
  const evidence: Evidence = {
    about: 'reason',
    source: 'provider',
    input: provider.code.label,
    note: `${provider.provider.name} documents ${provider.code.label} as ${better}; that replaces ${found.reason} [decided by: provider code]`,
  };
  return { reason: better, evidence: [evidence] };
}
