import type { ReasonRule } from './rule.js';

// The envelope sender (MAIL FROM), not the recipient, was refused.
export const rejected: ReasonRule = {
  id: 'rejected',
  actor: 'sender-setup',
  title: 'The sender address was refused',
  explanation:
    'The receiving side refused the envelope sender (the MAIL FROM address): its domain may not resolve, it failed a check, or this sender may not post here.',
  advice:
    'Check the sending address and its domain (DNS, MX, SPF), and that this sender is allowed to post to the list or service.',
  statusCodes: ['5.1.7', '4.1.7', '5.1.8', '4.1.8', '5.7.27'],
  phrases: [
    // English
    'sender address rejected',
    'sender rejected',
    'sender denied',
    'sender refused',
    'sender not allowed',
    'sender is not allowed',
    'sender verify failed',
    'sender verification failed',
    'invalid sender',
    'unknown sender',
    'sender unknown',
    'unroutable sender',
    'domain of sender address',
    'sender domain does not exist',
    'sender domain must exist',
    'from address rejected',
    'bad sender',
    'purported responsible address',
    'not a member of this',
    'permission to post',
    'customfromdenied',
    // German
    'absender abgelehnt',
    'absenderadresse abgelehnt',
    'ungültiger absender',
    'absender unbekannt',
    // French
    'expéditeur refusé',
    'expediteur refuse',
    'expéditeur invalide',
    'expéditeur inconnu',
    // Spanish
    'remitente rechazado',
    'remitente no válido',
    'remitente desconocido',
    // Italian
    'mittente rifiutato',
    'mittente non valido',
    'mittente sconosciuto',
    // Portuguese
    'remetente rejeitado',
    'remetente inválido',
    'remetente desconhecido',
    // Japanese
    '送信者アドレスが拒否',
    '送信元アドレスが拒否',
    '差出人アドレスが拒否',
    // Chinese
    '发件人被拒绝',
    '发件人地址被拒绝',
    '寄件者被拒',
    // Russian
    'отправитель отклонён',
    'отправитель отклонен',
    'адрес отправителя отклонён',
    'недопустимый отправитель',
  ],
};
