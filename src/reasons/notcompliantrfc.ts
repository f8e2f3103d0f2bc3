import type { ReasonRule } from './rule.js';

export const notcompliantrfc: ReasonRule = {
  id: 'notcompliantrfc',
  actor: 'sender-content',
  title: 'The message breaks the email format standards',
  explanation:
    'The receiving server refused the message because it does not follow the email standards (RFC 5322 and related), for example duplicate or missing headers or bare line feeds.',
  advice: 'Fix the sending software so it builds standard messages: one From, a Message-ID and Date, CRLF line endings.',
  statusCodes: ['5.6.11'], // Microsoft: bare LF
  phrases: [
    // English
    'rfc 5322',
    'rfc5322',
    'rfc 2822',
    'rfc2822',
    'rfc 822',
    'rfc compliant',
    'non-compliant',
    'multiple addresses in from',
    'addresses in from: header',
    'duplicate header',
    'missing message-id',
    'missing date header',
    'missing from header',
    'malformed header',
    'bare lf',
    'bare line feed',
    // German
    'nicht rfc-konform',
    'doppelter header',
    // French
    'non conforme à la rfc',
    'en-tête dupliqué',
    // Spanish
    'no cumple con el rfc',
    'encabezado duplicado',
    // Italian
    'non conforme alla rfc',
    'intestazione duplicata',
    // Portuguese
    'não está em conformidade com a rfc',
    'cabeçalho duplicado',
    // Japanese
    'rfcに準拠していません',
    'rfc違反',
    // Chinese
    '不符合rfc',
    '重复的邮件头',
    // Russian
    'не соответствует rfc',
    'дублирующийся заголовок',
  ],
};
