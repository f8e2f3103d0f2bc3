import type { ReasonRule } from './rule.js';

// Hard only with a permanent class (isHardBounce): a 4xx "no MX" may be a DNS hiccup.
export const notaccept: ReasonRule = {
  id: 'notaccept',
  actor: 'recipient-address',
  title: 'The destination does not accept email',
  explanation:
    "The recipient's domain or host says it takes no mail at all (for example a null MX record), or it has no mail server to deliver to.",
  advice: 'Use another address for this person; this domain does not receive email.',
  statusCodes: ['5.3.2'],
  phrases: [
    // English
    'null mx',
    'does not accept mail',
    'doesn\'t accept mail',
    'accepts no mail',
    'does not receive mail',
    'doesn\'t receive email',
    'does not receive email',
    'no mx record',
    'no mx found',
    'mx not found',
    'no mail exchanger',
    'couldn\'t find a mail exchanger',
    'no smtp service here',
    // German
    'nimmt keine e-mails an',
    'kein mx',
    // French
    'n\'accepte pas de courrier',
    'aucun enregistrement mx',
    // Spanish
    'no acepta correo',
    'sin registro mx',
    // Italian
    'non accetta posta',
    'nessun record mx',
    // Portuguese
    'não aceita e-mail',
    'nenhum registro mx',
    // Japanese
    'メールを受け付けていません',
    'mxレコードが見つかりません',
    // Chinese
    '不接受邮件',
    '没有mx记录',
    // Russian
    'не принимает почту',
    'нет mx-записи',
  ],
};
