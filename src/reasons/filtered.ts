import type { ReasonRule } from './rule.js';

// Also reached when bare "user unknown" words answer DATA, or come with no command and no
// 5.1.1 (see classify.ts): nothing shows that the address itself was judged.
export const filtered: ReasonRule = {
  id: 'filtered',
  actor: 'recipient-server',
  title: "The recipient's server filtered the message out",
  explanation:
    "The address exists, but the recipient's server or the recipient's own settings refused this particular message, often after seeing its sender or content.",
  advice: 'Ask the recipient to allow your address or domain, or reach them another way.',
  statusCodes: [],
  phrases: [
    // KDDI/au and similar answer ": User unknown" with an empty address when the
    // recipient's own filter refused the sender; a real unknown user names the address.
    ' : user unknown',
    // English
    'refused due to recipient preferences',
    'rejected by the recipient\'s',
    'rejected by recipient\'s',
    'blocked by the recipient',
    'blocked by recipient',
    'recipient has blocked',
    'user refuses to receive',
    'only accepting mail from',
    'only accepts mail from',
    'does not accept mail from you',
    'recipient is not accepting',
    'recipient\'s filter',
    // German
    'vom empfänger abgelehnt',
    'vom empfänger blockiert',
    // French
    'refusé par le destinataire',
    'bloqué par le destinataire',
    // Spanish
    'rechazado por el destinatario',
    'bloqueado por el destinatario',
    // Italian
    'rifiutato dal destinatario',
    'bloccato dal destinatario',
    // Portuguese
    'recusado pelo destinatário',
    'bloqueado pelo destinatário',
    // Japanese
    '受信拒否',
    '受信を拒否',
    // Chinese
    '收件人拒收',
    '被收件人拒绝',
    // Russian
    'отклонено получателем',
    'заблокировано получателем',
  ],
};
