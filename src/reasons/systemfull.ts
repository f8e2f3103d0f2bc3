import type { ReasonRule } from './rule.js';

export const systemfull: ReasonRule = {
  id: 'systemfull',
  actor: 'recipient-server',
  title: 'The receiving server is out of disk space',
  explanation: "The receiving mail server's disk is full, so it cannot take mail for anyone at the moment.",
  advice: "Retry later; tell the recipient's mail administrator if it lasts.",
  statusCodes: ['5.3.1', '4.3.1'],
  phrases: [
    // English
    'insufficient disk space',
    'not enough disk space',
    'out of disk space',
    'no space left on device',
    'disk full',
    'disk is full',
    'mail system full',
    'insufficient system storage',
    // German
    'festplatte voll',
    'nicht genügend speicherplatz auf dem server',
    // French
    'disque plein',
    'espace disque insuffisant',
    // Spanish
    'disco lleno',
    'espacio en disco insuficiente',
    // Italian
    'disco pieno',
    'spazio su disco insufficiente',
    // Portuguese
    'disco cheio',
    'espaço em disco insuficiente',
    // Japanese
    'ディスク容量不足',
    'ディスクがいっぱい',
    // Chinese
    '磁盘已满',
    '磁盘空间不足',
    // Russian
    'диск заполнен',
    'недостаточно места на диске',
  ],
};
