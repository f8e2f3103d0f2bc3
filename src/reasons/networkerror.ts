import type { ReasonRule } from './rule.js';

export const networkerror: ReasonRule = {
  id: 'networkerror',
  actor: 'network',
  title: 'A network or DNS problem stopped delivery',
  explanation:
    'The sending server could not get the message to its destination because of a DNS lookup error, a routing problem or a mail loop.',
  advice: "Check the recipient domain's DNS (its MX records); for a loop, check forwarding rules. Then retry.",
  statusCodes: ['4.4.2', '5.4.2', '4.4.3', '5.4.3', '4.4.4', '5.4.4', '4.4.6', '5.4.6', '5.4.312', '5.4.14'],
  phrases: [
    // English
    'host not found, try again',
    'name server reply',
    'host name lookup failure',
    'temporary lookup failure',
    'dns lookup failed',
    'dns query failed',
    'dns error',
    'no route to host',
    'network is unreachable',
    'connection reset',
    'routing loop',
    'mail loop',
    'mail forwarding loop',
    'loop detected',
    'loops back to myself',
    'too many hops',
    'hop count exceeded',
    'maximum hop count',
    'forwarded more than the maximum',
    'unable to route',
    // German
    'dns-fehler',
    'netzwerk nicht erreichbar',
    'mailschleife',
    // French
    'erreur dns',
    'réseau inaccessible',
    'boucle de messagerie',
    // Spanish
    'error de dns',
    'red inaccesible',
    'bucle de correo',
    // Italian
    'errore dns',
    'rete non raggiungibile',
    'loop di posta',
    // Portuguese
    'erro de dns',
    'rede inacessível',
    'loop de e-mail',
    // Japanese
    '名前解決に失敗',
    'ネットワークエラー',
    // Chinese
    'dns解析失败',
    '网络错误',
    '邮件循环',
    // Russian
    'ошибка dns',
    'сеть недоступна',
    'петля маршрутизации',
  ],
  hints: ['name service error'],
};
