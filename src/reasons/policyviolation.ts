import type { ReasonRule } from './rule.js';

/** Microsoft 365: 5.7.900–5.7.999 are rejections by the recipient organisation's mail flow rules. */
const MICROSOFT_TRANSPORT_RULE = Array.from({ length: 100 }, (_, i) => `5.7.${900 + i}`);

export const policyviolation: ReasonRule = {
  id: 'policyviolation',
  actor: 'recipient-server',
  title: "The message broke the receiving server's policy",
  explanation:
    'The receiving server refused the message under its own local rules rather than because of the address, for example a content or sending policy.',
  advice: "Read the server's text or linked page for the rule, then change the message or ask the recipient's administrator.",
  statusCodes: ['5.7.2', '4.7.2', '5.7.15', '4.7.15', ...MICROSOFT_TRANSPORT_RULE],
  phrases: [
    // English
    'policy violation',
    'violates our policy',
    'against our policy',
    'policy reasons',
    'protocol violation',
    'message not allowed',
    'header error',
    'blocked by policy',
    'not allowed by policy',
    '[ph01]',
    // German
    'richtlinienverstoß',
    'verstoß gegen richtlinien',
    // French
    'violation de la politique',
    'raisons de politique',
    // Spanish
    'violación de política',
    'violación de la política',
    'razones de política',
    // Italian
    'violazione delle policy',
    'violazione della politica',
    // Portuguese
    'violação de política',
    'violação da política',
    'motivos de política',
    // Japanese
    'ポリシー違反',
    'ポリシーにより',
    // Chinese
    '违反策略',
    '违反政策',
    // Russian
    'нарушение политики',
    'нарушает политику',
  ],
};
