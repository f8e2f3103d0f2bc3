// SpamRATS: RATS-Dyna (dynamic IPs), RATS-NoPtr (no reverse DNS), RATS-Spam, RATS-Auth.
import type { Blocklist } from './blocklist';

export const spamrats: Blocklist = {
  id: 'spamrats',
  name: 'SpamRATS',
  pattern: /spamrats|\bRATS-(?:Dyna|NoPtr|Spam|Auth)\b/i,
  hints: ['spamrats', 'rats-'],
  lookup: 'https://www.spamrats.com/lookup.php',
  advice: 'Look the IP up at SpamRATS and follow its removal steps.',
  subLists: [
    { name: 'RATS-Dyna', pattern: /\bdyna\.spamrats\b|RATS-Dyna/i, advice: 'The IP looks like a dynamic (home) address. Send through a proper mail server, or give the IP a mail-server PTR name and ask for removal.' },
    { name: 'RATS-NoPtr', pattern: /\bnoptr\.spamrats\b|RATS-NoPtr/i, advice: 'The IP has no reverse DNS (PTR) name. Set one that resolves back to the IP, then ask for removal.' },
    { name: 'RATS-Spam', pattern: /\bspam\.spamrats\b|RATS-Spam/i, advice: 'The IP sent spam to SpamRATS traps. Stop the source, then ask for removal.' },
    { name: 'RATS-Auth', pattern: /\bauth\.spamrats\b|RATS-Auth/i, advice: 'The IP tried to guess mail passwords. Find and clean the machine doing it, then ask for removal.' },
  ],
};
