import type { ReasonRule } from './rule.js';

// Late in REASONS: a bounce that quotes an auto-reply still bounced for its own reason.
export const vacation: ReasonRule = {
  id: 'vacation',
  actor: 'nobody',
  title: 'An automatic reply (out of office)',
  explanation: 'This is an automatic answer, such as an out-of-office note; your message was delivered.',
  advice: 'Nothing to do; the recipient will see your message when they are back.',
  statusCodes: [],
  phrases: [
    // English
    'out of the office',
    'out of office',
    'auto-reply',
    'autoreply',
    'automatic reply',
    'on vacation',
    'on holiday',
    // German
    'abwesenheitsnotiz',
    'nicht im büro',
    'automatische antwort',
    // French
    'absent du bureau',
    'réponse automatique',
    // Spanish
    'fuera de la oficina',
    'respuesta automática',
    // Italian
    'fuori ufficio',
    'risposta automatica',
    // Portuguese
    'fora do escritório',
    'resposta automática',
    // Japanese
    '不在通知',
    '自動応答',
    // Chinese
    '自动回复',
    // Russian
    'автоответ',
    'в отпуске',
  ],
};
