import type { ReasonRule } from './rule.js';

export const mailboxfull: ReasonRule = {
  id: 'mailboxfull',
  actor: 'recipient-mailbox',
  title: "The recipient's mailbox is full",
  explanation:
    "The recipient's mailbox has reached its storage quota, so their server will not take more mail until they make room.",
  advice: 'Try again in a day or two, or reach the recipient another way so they can free up space.',
  statusCodes: ['5.2.2', '4.2.2'],
  phrases: [
    // English
    'mailbox full',
    'mailbox is full',
    'mail box full',
    'mailfolder is full',
    'inbox is full',
    'account is full',
    'over quota',
    'overquota',
    'quotaexceeded',
    'exceeded quota',
    'exceeds quota',
    'quota exceed',
    'mailbox exceeds allowed size',
    'mailbox size limit exceeded',
    'mailbox has exceeded',
    'exceeded storage allocation',
    'recipient\'s mailbox exceeded',
    'not enough storage space in the mailbox',
    // German
    'postfach voll',
    'postfach ist voll',
    'mailbox voll',
    'kontingent überschritten',
    'speicherplatz des postfachs',
    // French
    'boîte aux lettres pleine',
    'boite aux lettres pleine',
    'boîte pleine',
    'quota dépassé',
    'quota depasse',
    // Spanish
    'buzón lleno',
    'buzon lleno',
    'buzón está lleno',
    'casilla llena',
    'cuota excedida',
    // Italian
    'casella piena',
    'casella di posta piena',
    'mailbox piena',
    'quota superata',
    // Portuguese
    'caixa postal cheia',
    'caixa de correio cheia',
    'caixa postal lotada',
    'cota excedida',
    'quota excedida',
    // Japanese
    'メールボックスが一杯',
    'メールボックスがいっぱい',
    'メールボックスが満杯',
    '受信箱がいっぱい',
    '容量オーバー',
    '容量超過',
    // Chinese
    '邮箱已满',
    '郵箱已滿',
    '信箱已满',
    '邮箱空间不足',
    '邮箱容量已满',
    '超出配额',
    // Russian
    'ящик переполнен',
    'ящик заполнен',
    'превышена квота',
    'превышен лимит ящика',
    'недостаточно места в ящике',
  ],
  // Under an unknown-address code (X.1.1, X.1.10) these words make the consistency check warn.
  telltales: ['mailbox full', 'mailbox is full', 'over quota', 'overquota', 'quota exceeded', 'exceeded quota', 'exceeds quota', 'mailbox has exceeded', 'out of storage', 'storage quota'],
};
