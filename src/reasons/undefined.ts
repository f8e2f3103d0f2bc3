import type { ReasonRule } from './rule.js';

// Named undefinedReason: `undefined` cannot be a binding name.
export const undefinedReason: ReasonRule = {
  id: 'undefined',
  actor: 'unknown',
  title: 'No reason could be found',
  explanation: 'The bounce holds no usable code or text that says why delivery failed.',
  advice: 'Read the full bounce, or ask the administrator of the server that sent it.',
  statusCodes: [],
  phrases: [],
};
