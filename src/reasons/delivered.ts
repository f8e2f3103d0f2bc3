import type { ReasonRule } from './rule.js';

// Decided from the Action field, a 2.x.x status or a 2xx reply, never from words.
export const delivered: ReasonRule = {
  id: 'delivered',
  actor: 'nobody',
  title: 'The message was delivered',
  explanation: "This report says the message reached the recipient's server; nothing bounced.",
  advice: 'Nothing to do.',
  statusCodes: [],
  phrases: [],
};
