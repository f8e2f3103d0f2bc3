// Lab bounces that whybounce is known to read wrong today, "server/scenario" →
// why, in short. The lab reports them as known (◐) instead of failing, and
// --save writes the note into the expected JSON, so the fixture test runs them
// as todo. Details and the judgement on each are in scripts/lab/MISMATCHES.md.
export const KNOWN_MISMATCHES: Record<string, string> = {
  'postfix/greylisted': 'a 450 greylisting reply that says "Recipient address rejected" is read as userunknown (hard)',
  'postfix/content-rejected': '"550 5.7.1 Message content rejected" (a header/body check) is read as spamdetected, not filtered',
};
