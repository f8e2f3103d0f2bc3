import type { ReasonRule } from './rule.js';

/** Microsoft 365: 5.7.321–5.7.325 DANE and MTA-STS failures. */
const MICROSOFT_TLS = ['5.7.321', '5.7.322', '5.7.323', '5.7.324', '5.7.325'];

export const failedstarttls: ReasonRule = {
  id: 'failedstarttls',
  actor: 'sender-setup',
  title: 'A secure (TLS) connection could not be set up',
  explanation:
    'Delivery failed over encryption: one side required STARTTLS/TLS and the other did not offer it, or the TLS handshake failed.',
  advice: 'Check TLS support and certificates on the sending server, and whether either side enforces TLS (MTA-STS, DANE, REQUIRETLS).',
  statusCodes: ['5.7.10', '4.7.10', '5.7.11', '5.7.30', '4.4.317', '5.4.317', ...MICROSOFT_TLS],
  phrases: [
    // English
    'starttls',
    'does not support tls',
    'tls is required',
    'tls required',
    'tls negotiation failed',
    'tls handshake',
    'ssl handshake',
    'encryption required',
    'encryption needed',
    'requiretls',
    'certificate verify failed',
    'encryption too weak', // Sendmail's tls_server check: "454 4.7.0 encryption too weak 0 less than 1"
    // German
    'verschlüsselung erforderlich',
    'tls erforderlich',
    // French
    'chiffrement requis',
    'tls requis',
    // Spanish
    'cifrado requerido',
    'se requiere tls',
    // Italian
    'crittografia richiesta',
    'tls richiesto',
    // Portuguese
    'criptografia necessária',
    'tls obrigatório',
    // Japanese
    '暗号化が必要',
    // Chinese
    '需要加密',
    'tls握手失败',
    // Russian
    'требуется шифрование',
    'требуется tls',
  ],
};
