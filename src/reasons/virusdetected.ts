import type { ReasonRule } from './rule.js';

export const virusdetected: ReasonRule = {
  id: 'virusdetected',
  actor: 'sender-content',
  title: 'A virus or malware was found in the message',
  explanation:
    "The receiving server's scanner found something it considers malicious in the message or an attachment, and refused it.",
  advice: 'Scan the attachment and the sending computer; resend without the infected file.',
  statusCodes: [],
  phrases: [
    // English
    'virus detected',
    'virus found',
    'contains a virus',
    'infected with',
    'virus infected',
    'virus signature',
    'virus:',
    '- virus',
    'malware',
    'trojan',
    // German
    'virus gefunden',
    'virus erkannt',
    'schadsoftware',
    // French
    'virus détecté',
    'logiciel malveillant',
    // Spanish
    'virus detectado',
    'software malicioso',
    // Italian
    'virus rilevato',
    // Portuguese
    'vírus detectado',
    // Japanese
    'ウイルスが検出',
    'ウィルスが検出',
    // Chinese
    '检测到病毒',
    '发现病毒',
    // Russian
    'обнаружен вирус',
    'вредоносн',
  ],
};
