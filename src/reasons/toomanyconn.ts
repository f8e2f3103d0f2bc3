import type { ReasonRule } from './rule.js';

// Too much at once (connections, recipients per message); speeding is too much over time.
export const toomanyconn: ReasonRule = {
  id: 'toomanyconn',
  actor: 'sender-setup',
  title: 'Too many connections or recipients at once',
  explanation:
    'The receiving server refused because the sending side opened too many connections at the same time or put too many recipients in one message.',
  advice: 'Lower the number of parallel connections and recipients per message, then retry.',
  statusCodes: ['4.5.3', '5.5.3', '4.7.652'],
  phrases: [
    // English
    'too many connections',
    'too many concurrent',
    'too many simultaneous',
    'too many sessions',
    'connection rate limit',
    'connection limit',
    'connection frequency limited',
    'maximum number of connections',
    'max connections',
    'max message per connection',
    'too many messages in this connection',
    'too many recipients',
    // German
    'zu viele verbindungen',
    'zu viele empfänger',
    // French
    'trop de connexions',
    'trop de destinataires',
    // Spanish
    'demasiadas conexiones',
    'demasiados destinatarios',
    // Italian
    'troppe connessioni',
    'troppi destinatari',
    // Portuguese
    'conexões demais',
    'muitas conexões',
    'destinatários demais',
    // Japanese
    '同時接続数',
    '接続数が上限',
    // Chinese
    '连接数过多',
    '连接过多',
    '收件人过多',
    // Russian
    'слишком много соединений',
    'слишком много подключений',
    'слишком много получателей',
  ],
};
