import type { ReasonRule } from './rule.js';

export const requireptr: ReasonRule = {
  id: 'requireptr',
  actor: 'sender-setup',
  title: 'The sending server has no valid reverse DNS',
  explanation:
    "The receiving server wants the sending IP address to have a PTR (reverse DNS) record that matches the server's name, and it has none or a wrong one.",
  advice: "Set a PTR record for the sending IP that names the server's hostname, and make that hostname resolve back to the IP.",
  statusCodes: ['5.7.25', '4.7.25'],
  phrases: [
    // English
    'reverse dns',
    'reverse-dns',
    'rdns',
    'reverse lookup',
    'reverse hostname',
    'reverse mapping',
    'ptr record',
    'ptr resource record',
    'no ptr',
    'dns ptr',
    'ptr lookup',
    'cannot find your hostname',
    'ip name lookup failed',
    'mismatches client ip',
    'unverifyable sending ip',
    'unverifiable sending ip',
    // German
    'rückwärtsauflösung',
    'kein ptr',
    // French
    'dns inverse',
    'résolution inverse',
    'enregistrement ptr',
    // Spanish
    'dns inverso',
    'resolución inversa',
    'registro ptr',
    // Italian
    'risoluzione inversa',
    'record ptr',
    // Portuguese
    'dns reverso',
    'resolução reversa',
    // Japanese
    '逆引き',
    // Chinese
    '反向解析',
    '反向dns',
    'ptr记录',
    // Russian
    'обратная зона',
    'обратный dns',
    'ptr-запись',
    'нет ptr',
  ],
};
