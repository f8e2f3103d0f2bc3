import type { ReasonRule } from './rule.js';

// Normally set by the ARF reader; the phrases catch the report text on its own.
export const feedback: ReasonRule = {
  id: 'feedback',
  actor: 'sender-content',
  title: 'The recipient complained about the message',
  explanation:
    'This is a feedback report from a mailbox provider: the recipient marked your message as spam or otherwise complained. The message itself was delivered.',
  advice: 'Stop mailing this recipient and review how they came to be on your list.',
  statusCodes: [],
  phrases: ['email abuse report', 'abuse report for', 'feedback-type:', 'opt-out report'],
};
