// UCEPROTECT: three levels, from single IPs (level 1) to whole networks (2) and providers (3).
import type { Blocklist } from './blocklist';

export const uceprotect: Blocklist = {
  id: 'uceprotect',
  name: 'UCEPROTECT',
  pattern: /uceprotect/i,
  hints: ['uceprotect'],
  lookup: 'https://www.uceprotect.net/en/rblcheck.php',
  advice: 'Check the IP at UCEPROTECT; see which level lists it.',
  subLists: [
    {
      name: 'Level 1',
      pattern: /dnsbl-1\.uceprotect|uceprotect[ -]?(?:level ?)?1\b/i,
      advice: 'Level 1 lists the single IP; the entry expires by itself some days after the spam stops. Stop the source first.',
    },
    {
      name: 'Level 2',
      pattern: /dnsbl-2\.uceprotect|uceprotect[ -]?(?:level ?)?2\b/i,
      advice: "Level 2 lists a whole network because of its neighbours' spam; only the network owner can clear it. Ask the recipient's administrator to stop refusing mail on level 2, or send through another provider.",
    },
    {
      name: 'Level 3',
      pattern: /dnsbl-3\.uceprotect|uceprotect[ -]?(?:level ?)?3\b/i,
      advice: "Level 3 lists an entire provider (its AS number). Ask the recipient's administrator to stop refusing mail on level 3, or send through another provider.",
    },
  ],
};
