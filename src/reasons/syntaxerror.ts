import type { ReasonRule } from './rule.js';

export const syntaxerror: ReasonRule = {
  id: 'syntaxerror',
  actor: 'sender-setup',
  title: 'The SMTP conversation had a syntax error',
  explanation: 'The receiving server did not understand a command, or its arguments, from the sending server.',
  advice: 'Usually a bug or an unsupported option in the sending software; tell the administrator of the sending server.',
  statusCodes: ['5.5.1', '5.5.2', '5.5.4', '5.5.5', '5.5.6', '4.5.1', '4.5.2', '4.5.4'],
  phrases: [
    // English
    'syntax error',
    'command unrecognized',
    'command not recognized',
    'unrecognized command',
    'unknown command',
    'command not implemented',
    'parameter not implemented',
    'bad sequence of commands',
    'invalid command',
    'malformed address',
    'line too long',
    // German
    'syntaxfehler',
    // French
    'erreur de syntaxe',
    // Spanish
    'error de sintaxis',
    // Italian
    'errore di sintassi',
    // Portuguese
    'erro de sintaxe',
    // Japanese
    '構文エラー',
    // Chinese
    '语法错误',
    // Russian
    'синтаксическая ошибка',
  ],
};
