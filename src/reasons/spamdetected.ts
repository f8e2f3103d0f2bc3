import type { ReasonRule } from './rule.js';

// About what the message says (content scored as spam), not where it came from.
export const spamdetected: ReasonRule = {
  id: 'spamdetected',
  actor: 'sender-content',
  title: 'The message was judged to be spam',
  explanation: "A spam filter on the receiving side scored this message's content as spam and refused it.",
  advice: 'Review the wording, links and images, make sure authentication passes, and resend.',
  statusCodes: [],
  phrases: [
    // English
    'spam detected',
    'detected as spam',
    'detected spam',
    'identified as spam',
    'considered spam',
    'considered as spam',
    'classified as spam',
    'spam classification',
    'rejected as spam',
    'rejected due to spam',
    'looks like spam',
    'message is spam',
    'spam message',
    'spam content',
    'spam score',
    'spamassassin',
    '- spam',
    'message content rejected',
    'content rejected, ube',
    'unsolicited',
    'blacklisted url',
    'uribl',
    'surbl',
    'ofr_506',
    // German
    'als spam erkannt',
    'als spam eingestuft',
    'spamverdacht',
    // French
    'considéré comme spam',
    'détecté comme spam',
    'identifié comme spam',
    'courrier indésirable',
    'pourriel',
    // Spanish
    'detectado como spam',
    'considerado spam',
    'considerado como spam',
    'correo no deseado',
    // Italian
    'rilevato come spam',
    'considerato spam',
    'posta indesiderata',
    // Portuguese
    'identificado como spam',
    'lixo eletrônico',
    'mensagem indesejada',
    // Japanese
    '迷惑メール',
    'スパム',
    // Chinese
    '垃圾邮件',
    '垃圾郵件',
    // Russian
    'спам',
    'нежелательная почта',
  ],
};
