import type { ReasonRule } from './rule.js';

export const hostunknown: ReasonRule = {
  id: 'hostunknown',
  actor: 'recipient-address',
  title: "The recipient's domain does not exist",
  explanation:
    'The part after the @ does not exist in DNS or names no host that mail can go to, so the message has nowhere to be delivered.',
  advice: 'Check the domain for typos (e.g. gmial.com); if it is right, the domain may have expired.',
  statusCodes: ['5.1.2'],
  phrases: [
    // English
    'host unknown',
    'unknown host',
    'host not found',
    'domain not found',
    'domain name not found',
    'no such domain',
    'unknown domain',
    'domain does not exist',
    'domain doesn\'t exist',
    'could not find any host named',
    'name or service not known',
    'nxdomain',
    'invalid domain',
    'domain is not reachable',
    'domain could not be found',
    'dns lookup failure: host',
    'unrouteable address', // Exim, when no router takes the address (its domain has no DNS records)
    // German
    'host unbekannt',
    'unbekannte domain',
    'domain existiert nicht',
    'domain nicht gefunden',
    // French
    'domaine inconnu',
    'domaine inexistant',
    'hôte inconnu',
    'domaine n\'existe pas',
    // Spanish
    'dominio desconocido',
    'dominio inexistente',
    'el dominio no existe',
    'host desconocido',
    // Italian
    'dominio sconosciuto',
    'dominio non esiste',
    'host sconosciuto',
    // Portuguese
    'domínio inexistente',
    'domínio desconhecido',
    'domínio não existe',
    'host desconhecido',
    // Japanese
    'ドメインが存在しません',
    'ドメインが見つかりません',
    '存在しないドメイン',
    'ホストが見つかりません',
    // Chinese
    '域名不存在',
    '找不到主机',
    '主机未知',
    // Russian
    'домен не найден',
    'домен не существует',
    'неизвестный домен',
    'хост не найден',
  ],
};
