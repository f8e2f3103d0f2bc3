import type { ReasonRule } from './rule.js';

export const mailererror: ReasonRule = {
  id: 'mailererror',
  actor: 'recipient-server',
  title: 'A delivery program on the receiving side failed',
  explanation:
    'The mail server handed the message to a local program (a filter, a pipe, a delivery agent) and that program failed.',
  advice: 'Tell the administrator of the receiving server; the error text names the program that failed.',
  statusCodes: [],
  phrases: [
    // English
    'x-unix',
    'mailer error',
    'pipe to |',
    'command died',
    'exit status',
    'exited with',
    'exit code',
    'procmail',
    'delivery program',
    // German
    'zustellprogramm',
    // French
    'programme de distribution',
    // Spanish, Portuguese
    'programa de entrega',
    // Italian
    'programma di consegna',
    // Japanese
    '配送プログラム',
    // Chinese
    '投递程序',
    // Russian
    'программа доставки',
  ],
};
