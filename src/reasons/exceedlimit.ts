import type { ReasonRule } from './rule.js';

export const exceedlimit: ReasonRule = {
  id: 'exceedlimit',
  actor: 'sender-content',
  title: 'The message is over the size limit the recipient set',
  explanation:
    'The message is larger than the limit the recipient or their administrator set for incoming mail (an administrative limit, not the whole system).',
  advice: 'Send a smaller message: compress or drop attachments, or share large files by link.',
  statusCodes: ['5.2.3', '4.2.3'],
  phrases: [
    'exceeds administrative limit',
    'message length exceeds',
    'exceeds limit set by recipient',
    'exceeds the limit set by the recipient',
    // German
    'vom empfänger festgelegte größe',
    // French
    'limite fixée par le destinataire',
    // Spanish
    'límite establecido por el destinatario',
    // Italian
    'limite impostato dal destinatario',
    // Portuguese
    'limite definido pelo destinatário',
    // Japanese
    '受信者が設定したサイズ',
    // Chinese
    '超过收件人设置的大小限制',
    // Russian
    'превышает лимит получателя',
  ],
};
