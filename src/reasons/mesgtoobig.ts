import type { ReasonRule } from './rule.js';

// The system's size limit (X.3.4). The recipient's own limit (X.2.3) is exceedlimit;
// when the words only say "too big", the status code picks between the two.
export const mesgtoobig: ReasonRule = {
  id: 'mesgtoobig',
  actor: 'sender-content',
  title: 'The message is too large',
  explanation: 'The message, with its attachments, is bigger than the receiving mail system accepts.',
  advice: 'Make it smaller: compress or remove attachments, or share large files by link.',
  statusCodes: ['5.3.4', '4.3.4', '5.7.16', '4.7.16'],
  phrases: [
    // English
    'message too large',
    'message too big',
    'message is too large',
    'message is too big',
    'message size exceeds',
    'message exceeds maximum size',
    'exceeds maximum message size',
    'maximum message size exceeded',
    'mail size limit exceeded',
    'message size limit exceeded',
    'too big for system',
    'message file too big',
    // German
    'nachricht zu groß',
    'nachricht ist zu groß',
    'maximale nachrichtengröße',
    // French
    'message trop volumineux',
    'message trop gros',
    'dépasse la taille maximale',
    // Spanish
    'mensaje demasiado grande',
    'excede el tamaño máximo',
    // Italian
    'messaggio troppo grande',
    'supera la dimensione massima',
    // Portuguese
    'mensagem muito grande',
    'excede o tamanho máximo',
    // Japanese
    'メッセージサイズが大きすぎ',
    'メールサイズが制限を超え',
    'サイズ超過',
    // Chinese
    '邮件过大',
    '郵件過大',
    '邮件太大',
    '邮件大小超过限制',
    // Russian
    'сообщение слишком большое',
    'письмо слишком большое',
    'размер письма превышает',
  ],
};
