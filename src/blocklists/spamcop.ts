// SpamCop: listings come from spam reports and end by themselves about a day after the reports stop.
import type { Blocklist } from './blocklist';

export const spamcop: Blocklist = {
  id: 'spamcop',
  name: 'SpamCop',
  pattern: /\bspamcop\b/i,
  hints: ['spamcop'],
  lookup: 'https://www.spamcop.net/bl.shtml',
  lookupFor: (ip) => `https://www.spamcop.net/bl.shtml?${ip}`,
  advice: 'SpamCop lists IPs that people reported for spam; the entry expires by itself once the reports stop. Find out what was reported, stop it, and wait.',
};
