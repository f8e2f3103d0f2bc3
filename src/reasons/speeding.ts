import type { ReasonRule } from './rule.js';

export const speeding: ReasonRule = {
  id: 'speeding',
  actor: 'sender-setup',
  title: 'Sending too fast (rate limited)',
  explanation: 'The receiving side limits how much mail it takes from you in a period of time, and you went over that limit.',
  advice: 'Slow down and retry later; spread sending over a longer time.',
  statusCodes: ['4.7.28', '5.7.28', '5.2.121', '5.2.122', '5.1.90'],
  phrases: [
    // English
    'rate limit',
    'ratelimit',
    'rate-limit',
    'sending too fast',
    'too quickly',
    'receiving mail at a rate',
    'unusual rate',
    'too many messages',
    'too many emails',
    'exceeded the rate',
    'throttl',
    'slow down',
    'sending quota',
    'submission quota',
    'daily sending limit',
    'hourly sending limit',
    'mail flood',
    // German
    'zu viele nachrichten',
    'sendelimit',
    // French
    'trop de messages',
    'limite d\'envoi',
    // Spanish
    'demasiados mensajes',
    'límite de envío',
    // Italian
    'troppi messaggi',
    'limite di invio',
    // Portuguese
    'mensagens demais',
    'limite de envio',
    // Japanese
    '送信制限',
    '送信数が上限',
    // Chinese
    '发送频率过高',
    '发送过于频繁',
    '频率限制',
    // Russian
    'слишком много писем',
    'превышен лимит отправки',
    'слишком часто',
  ],
};
