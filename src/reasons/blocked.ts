import type { ReasonRule } from './rule.js';

/** Microsoft 365: 5.7.606–5.7.649 "Access denied, banned sending IP". */
const MICROSOFT_BANNED_IP = Array.from({ length: 44 }, (_, i) => `5.7.${606 + i}`);

// About where the mail came from (IP address, hostname, network), not what it says.
export const blocked: ReasonRule = {
  id: 'blocked',
  actor: 'sender-setup',
  title: "The sending server's IP address or hostname is blocked",
  explanation:
    'The receiving server refused the connection or the message because of where it came from: the sending IP address or host is on a blocklist (DNSBL) or is otherwise not allowed to send to it.',
  advice:
    'Look up the sending IP on the blocklist named in the error, fix the cause and ask for delisting, or send through another server.',
  statusCodes: [...MICROSOFT_BANNED_IP, '5.7.513'],
  phrases: [
    // English
    'blocked using',
    // Postfix: the server answered the connection with an error greeting.
    'refused to talk to me',
    'listed at',
    'is listed in',
    'is listed on',
    'black list',
    'spamhaus',
    'spamcop',
    'barracudacentral',
    'sorbs.net',
    'uceprotect',
    'abuseat.org',
    'dnsbl',
    'ip blacklisted',
    'address blacklisted',
    'ip address is blacklisted',
    'blacklisted by',
    'on our blacklist',
    'on our blocklist',
    'block list',
    'blocklisted',
    'client host rejected',
    'client host blocked',
    'blocked by ldap',
    'banned sending ip',
    'ip blocked',
    'blocked ip',
    'invalid ip for sending',
    'weren\'t sent',
    'please use the smtp server of',
    'use your provider\'s smtp',
    'dynamic ip',
    'dial-up',
    'dialup',
    'residential ip',
    'an open relay',
    'poor reputation sender',
    'cdrbl',
    // Provider codes (ANCHORS §3): Hotmail SC/DY/OU, AOL RTR/CON, Yahoo BL, Microsoft S3150.
    'sc-001',
    'sc-002',
    'sc-003',
    'sc-004',
    'dy-001',
    'ou-001',
    'rtr:bl',
    'rtr:sc',
    'rtr:bb',
    'rtr:du',
    'con:b1',
    '[bl21]',
    '[bl23]',
    's3150',
    // German
    'ip-adresse gesperrt',
    'ip-adresse blockiert',
    'sperrliste',
    // French
    'liste noire',
    'adresse ip source bloquee',
    'ip bloquée',
    // Spanish
    'lista negra',
    'ip bloqueada',
    // Italian
    'lista nera',
    'ip bloccato',
    // Portuguese
    'ip bloqueado',
    // Japanese
    'ブラックリスト',
    'ipアドレスが拒否',
    // Chinese
    '黑名单',
    'ip被封',
    'ip已被封禁',
    'ip地址被拒绝',
    // Russian
    'черный список',
    'чёрный список',
    'ip-адрес заблокирован',
    'ip заблокирован',
  ],
};
