import type { ReasonRule } from './rule.js';

export const badreputation: ReasonRule = {
  id: 'badreputation',
  actor: 'sender-setup',
  title: 'The sender has a poor reputation with this provider',
  explanation:
    'The receiving provider rated the sending IP address or domain poorly, for example after spam complaints or a sudden rise in volume, and refused or deferred the mail.',
  advice:
    'Slow down, mail only people who asked for it, and check the provider\'s postmaster pages for the sending IP and domain.',
  statusCodes: ['4.7.650'],
  phrases: [
    // English ("reputation" covers German too)
    'reputation',
    'user complaints',
    '[tss04]',
    'ipts04',
    // French
    'réputation',
    // Spanish
    'reputación',
    // Italian
    'reputazione',
    // Portuguese
    'reputação',
    // Japanese
    'レピュテーション',
    '送信元の評価',
    // Chinese
    '信誉度低',
    '信誉不良',
    // Russian
    'репутация',
    'репутации',
  ],
};
