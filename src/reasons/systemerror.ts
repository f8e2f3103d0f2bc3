import type { ReasonRule } from './rule.js';

// Also the fallback for X.3.x and for 421/451 with no clearer words (see classify.ts).
export const systemerror: ReasonRule = {
  id: 'systemerror',
  actor: 'recipient-server',
  title: 'The receiving mail system had an error',
  explanation: 'Something went wrong inside the receiving mail system: an internal error, a misconfiguration or an outage.',
  advice: "Retry later; if it keeps happening, tell the recipient's mail administrator.",
  statusCodes: ['5.3.5', '4.3.5', '5.3.3', '4.3.3'],
  phrases: [
    // English
    'system error',
    'internal error',
    'server error',
    'local error in processing',
    'service currently unavailable',
    'could not load drd',
    'incorrectly configured',
    // fml (a mailing-list manager) refusing a post it has seen before.
    'duplicated message-id',
    // German
    'interner fehler',
    'systemfehler',
    'serverfehler',
    // French
    'erreur interne',
    'erreur système',
    'erreur du serveur',
    // Spanish
    'error interno',
    'error del sistema',
    'error del servidor',
    // Italian
    'errore interno',
    'errore di sistema',
    'errore del server',
    // Portuguese
    'erro interno',
    'erro do sistema',
    'erro no servidor',
    // Japanese
    'システムエラー',
    '内部エラー',
    'サーバエラー',
    // Chinese
    '系统错误',
    '内部错误',
    '服务器错误',
    // Russian
    'внутренняя ошибка',
    'системная ошибка',
    'ошибка сервера',
  ],
  hints: ['transaction failed', 'service unavailable', 'temporarily unavailable'],
};
