// Barracuda Reputation Block List (b.barracudacentral.org), used by Barracuda appliances and others.
import type { Blocklist } from './blocklist';

export const barracuda: Blocklist = {
  id: 'barracuda',
  name: 'Barracuda Reputation Block List',
  pattern: /barracudacentral|\bbarracuda (?:reputation|rbl|brbl)\b|\bb\.barracuda/i,
  hints: ['barracuda'],
  lookup: 'https://www.barracudacentral.org/lookups',
  advice: 'Look the IP up at Barracuda Central and ask for removal with its form, after fixing the cause.',
};
