// Comcast (Xfinity) mail. Its refusals carry codes such as BL000010 (a Spamhaus
// listing, ANCHORS §3) and link its postmaster error-code page.
import type { Provider } from './provider';

export const comcast: Provider = {
  id: 'comcast',
  name: 'Comcast (Xfinity)',
  docs: 'https://postmaster.comcast.net/smtp-error-codes.php',
  hosts: ['comcast.net'],
  domains: ['comcast.net'],
  marker: /postmaster\.comcast\.net/,
  markerHints: ['postmaster.comcast.net'],
  codes: [
    {
      tag: /\bBL000010\b/,
      label: 'BL000010',
      reason: 'blocked',
      actor: 'sender-setup',
      meaning: 'Comcast refused the connection because the sending IP is on a Spamhaus list.',
    },
    {
      tag: /\bBL\d{6}\b/,
      label: 'BL000000',
      reason: 'blocked',
      actor: 'sender-setup',
      meaning: "Comcast refused the connection because the sending IP is on a block list (Comcast's own or one it uses).",
    },
    {
      tag: /\bRL\d{6}\b/,
      label: 'RL000000',
      reason: 'speeding',
      actor: 'sender-setup',
      meaning: 'Comcast is limiting how fast it takes mail from this IP.',
    },
  ],
};
