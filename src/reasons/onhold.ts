import type { ReasonRule } from './rule.js';

// The default when a code is present but says nothing we can pin down.
export const onhold: ReasonRule = {
  id: 'onhold',
  actor: 'unknown',
  title: 'Not enough information to say why',
  explanation: 'The error carries a code but too little detail to pin down a cause; it may be temporary.',
  advice: "Read the server's own words; if the error repeats, contact the recipient's mail administrator.",
  statusCodes: [],
  phrases: [],
};
