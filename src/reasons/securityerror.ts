import type { ReasonRule } from './rule.js';

// Also the fallback for an X.7.x status with no clearer words (see classify.ts).
export const securityerror: ReasonRule = {
  id: 'securityerror',
  actor: 'sender-setup',
  title: 'Refused for a security reason',
  explanation:
    'The receiving server refused for a security reason: it wanted the sender to log in, the credentials were wrong, or the sender is not authorised to send this way.',
  advice: 'Check the login (SMTP AUTH) settings of the sending program or server and whether the server needs authentication.',
  statusCodes: [
    '5.7.3',
    '5.7.4',
    '5.7.5',
    '5.7.6',
    '5.7.7',
    '5.7.8',
    '5.7.9',
    '5.7.12',
    '5.7.14',
    '4.7.5',
    '4.7.7',
    '4.7.8',
    '4.7.12',
  ],
  phrases: [
    // English
    'authentication required',
    'authentication is required',
    'authrequired',
    'smtp authentication',
    'without authentication',
    'unauthenticated senders',
    'not authenticated',
    'must authenticate',
    'authentication credentials invalid',
    'username and password not accepted',
    'invalid credentials',
    // German
    'authentifizierung erforderlich',
    'nicht authentifiziert',
    // French
    'authentification requise',
    'authentification obligatoire',
    // Spanish
    'autenticación requerida',
    'se requiere autenticación',
    // Italian
    'autenticazione richiesta',
    'autenticazione obbligatoria',
    // Portuguese
    'autenticação necessária',
    'autenticação obrigatória',
    // Japanese
    '認証が必要',
    'smtp認証',
    // Chinese
    '需要身份验证',
    '需要认证',
    // Russian
    'требуется аутентификация',
    'требуется авторизация',
  ],
  hints: ['access denied', 'not authorized', 'not authorised', 'security polic'],
};
