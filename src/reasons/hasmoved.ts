import type { ReasonRule } from './rule.js';

export const hasmoved: ReasonRule = {
  id: 'hasmoved',
  actor: 'recipient-address',
  title: 'The recipient has moved and left no forwarding address',
  explanation: 'The mailbox is no longer at this address, and the server does not pass mail on to the new one.',
  advice: 'Remove or update the address; ask the recipient for their new one.',
  statusCodes: ['5.1.6', '4.1.6', '5.7.17'],
  phrases: [
    // English
    'mailbox has moved',
    'address has moved',
    'user has moved',
    'recipient has moved',
    'account has moved',
    'no longer on server',
    'no longer at this address',
    'no forwarding address',
    'address has changed',
    'moved permanently',
    // German
    'ist umgezogen',
    'adresse hat sich geändert',
    // French
    'a déménagé',
    'adresse a changé',
    // Spanish
    'se ha mudado',
    'la dirección ha cambiado',
    // Italian
    'si è trasferito',
    'indirizzo è cambiato',
    // Portuguese
    'mudou de endereço',
    'endereço foi alterado',
    // Japanese
    '移転しました',
    'アドレスが変更されました',
    // Chinese
    '地址已更改',
    '邮箱已迁移',
    // Russian
    'адрес изменился',
    'ящик перемещён',
    'ящик перемещен',
  ],
};
