// SORBS was shut down by its owner, Proofpoint, in June 2024 ([DB1]); it lists nothing any more.
import type { Blocklist } from './blocklist';

export const sorbs: Blocklist = {
  id: 'sorbs',
  name: 'SORBS',
  pattern: /\bsorbs\.net\b|\bsorbs\b/i,
  hints: ['sorbs'],
  lookup: null,
  note: 'SORBS was decommissioned in June 2024: there is no one left to ask for delisting.',
  actor: 'recipient-server',
  advice:
    "SORBS no longer exists, so a server that still refuses mail because of it is misconfigured: tell the recipient's mail administrator to remove SORBS from their settings.",
};
