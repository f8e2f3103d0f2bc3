// Spamhaus: ZEN is the combined zone of SBL, XBL (which took in the CBL), PBL and
// CSS; DBL lists domains. Yahoo's [BL21]/[BL23] and Comcast's BL000010 are
// Spamhaus listings too (ANCHORS §3).
import type { Blocklist } from './blocklist';

export const spamhaus: Blocklist = {
  id: 'spamhaus',
  name: 'Spamhaus',
  pattern: /spamhaus|\bcbl\.abuseat\.org\b|\[BL2[13]\]|\bBL000010\b/i,
  hints: ['spamhaus', 'cbl.abuseat.org', '[bl2', 'bl000010'],
  lookup: 'https://check.spamhaus.org/',
  advice: 'Look the IP up at the Spamhaus checker: it says which list holds it, why, and how to ask for removal.',
  subLists: [
    {
      name: 'DBL',
      pattern: /\bdbl\.spamhaus\.org\b|spamhaus dbl\b|spamhaus\.org\/(?:dbl|query\/domain)\b/i,
      listsDomains: true,
      advice:
        'A domain in the message (often in a link) is on the Spamhaus Domain Block List: remove that link or domain, or have its owner clean it up and ask for removal.',
    },
    {
      name: 'PBL',
      pattern: /\bpbl\.spamhaus\.org\b|spamhaus pbl\b|spamhaus\.org\/pbl\b/i,
      advice:
        "The IP is in a range whose owner says it should not send mail directly (home or dynamic lines). Send through your provider's mail server; if the IP really is a mail server you run, remove it at the PBL page.",
    },
    {
      name: 'CSS',
      pattern: /\bcss\.spamhaus\.org\b|spamhaus css\b|spamhaus\.org\/css\b/i,
      advice: 'The IP recently sent mail that looked like spam. Stop the source (a hacked account or form, a bad list), then ask for removal.',
    },
    {
      name: 'XBL',
      pattern: /\bxbl\.spamhaus\.org\b|spamhaus xbl\b|spamhaus\.org\/xbl\b|\bcbl\.abuseat\.org\b|\[BL23\]/i,
      advice:
        'A machine behind the IP looks infected or hijacked (malware, an open proxy). Clean it, then ask for removal at the lookup page.',
    },
    {
      name: 'SBL',
      pattern: /\bsbl\.spamhaus\.org\b|spamhaus sbl\b|spamhaus\.org\/sbl\b|\bSBL ?\d{3,8}\b/i,
      advice: 'Spamhaus listed the IP by hand for spam or abuse. The listing says why; the network owner usually has to act before it is removed.',
    },
    {
      name: 'ZEN',
      pattern: /\bzen\.spamhaus\.org\b|spamhaus zen\b/i,
      advice: 'ZEN combines SBL, XBL, PBL and CSS: look the IP up to see which one lists it, then follow that list\'s removal steps.',
    },
  ],
};
