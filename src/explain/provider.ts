// Step 4: the receiving provider, recognised from the servers, its own words or
// the recipient's domain, and the evidence of how it was recognised.
import type { Candidate, Evidence } from '../types';
import { detectProvider, type ProviderFinding } from '../providers';
import { quote } from './evidence';

/** The provider behind a candidate, with the status already chosen. */
export function recogniseProvider(c: Candidate, status: string | null): { provider: ProviderFinding | null; evidence: Evidence[] } {
  const provider = detectProvider({
    remoteMta: c.remoteMta,
    reportingMta: c.reportingMta ?? null,
    recipient: c.recipient,
    text: c.diagnostic,
    status,
  });
  if (provider === null) return { provider, evidence: [] };
  const evidence: Evidence = {
    about: 'provider',
    source: provider.via.source,
    input: quote(provider.via.input),
    note: `recognised ${provider.provider.name}` + (provider.code === null ? '' : `; it documents ${provider.code.label}`),
  };
  return { provider, evidence: [evidence] };
}
