import type { ReasonRule } from './rule.js';

export const norelaying: ReasonRule = {
  id: 'norelaying',
  actor: 'sender-setup',
  title: 'The server refused to relay the message',
  explanation:
    'The server the message was handed to does not accept mail for this destination from you: it is not the recipient\'s server and will not pass the mail on without permission.',
  advice:
    "Send through your own authenticated outgoing server, and check that the recipient domain's MX records point to the right server.",
  statusCodes: ['5.7.64'], // Microsoft: tenant attribution, relay access denied
  phrases: [
    // English
    'relay access denied',
    'relaying denied',
    'relay denied',
    'relay not permitted',
    'relaying not permitted',
    'relay not allowed',
    'relaying not allowed',
    'not permitted to relay',
    'not allowed to relay',
    'unable to relay',
    'cannot relay',
    'we do not relay',
    'no relaying',
    'relay prohibited',
    'insecure mail relay',
    'list of allowed rcpthosts',
    'email address is not verified',
    // German
    'relaying nicht erlaubt',
    'relay verweigert',
    // French
    'relais refusé',
    'relais interdit',
    // Spanish
    'relay denegado',
    'reenvío no permitido',
    // Italian
    'relay negato',
    'relay non consentito',
    // Portuguese
    'relay negado',
    'relay não permitido',
    // Japanese
    '中継拒否',
    'リレーを拒否',
    // Chinese
    '不允许转发',
    '拒绝转发',
    '禁止中继',
    // Russian
    'ретрансляция запрещена',
    'релей запрещён',
    'релей запрещен',
  ],
};
