import type { ReasonRule } from './rule.js';

// SPF/DKIM/DMARC/ARC. The words stay specific: "DKIM-Signature" also names a header
// (duplicate header → notcompliantrfc) and "SPF" turns up in advice about spam.
export const authfailure: ReasonRule = {
  id: 'authfailure',
  actor: 'sender-setup',
  title: "The sender's domain failed authentication (SPF, DKIM or DMARC)",
  explanation:
    "The receiving server checked the message against the sending domain's SPF, DKIM or DMARC records, it did not pass, so the server refused it as possibly forged.",
  advice:
    "Check that the sending server is in the domain's SPF record, that DKIM signing works, and that the DMARC policy fits how you send.",
  statusCodes: [
    '5.7.20',
    '5.7.21',
    '5.7.22',
    '5.7.23',
    '5.7.24',
    '5.7.26',
    '5.7.29',
    '4.7.20',
    '4.7.21',
    '4.7.22',
    '4.7.23',
    '4.7.24',
    '4.7.26',
    '4.7.29',
    '4.7.32', // Gmail: From: not aligned with SPF or DKIM
    '4.7.40', // Gmail: no DMARC record
    '5.7.509', // Microsoft: DMARC failed
    '5.7.515', // Microsoft: required authentication level not met
  ],
  phrases: [
    // English
    'dmarc policy',
    'dmarc check',
    'dmarc verification',
    'dmarc fail',
    'dmarc reject',
    'pass dmarc',
    'failed dmarc',
    'fails dmarc',
    'due to dmarc',
    'per dmarc',
    'dkim check',
    'dkim fail',
    'dkim validation',
    'dkim verification',
    'failed dkim',
    'no valid dkim',
    'dkim does not pass',
    'does not pass dkim',
    'spf check',
    'spf fail',
    'spf softfail',
    'spf validation',
    'spf=fail',
    'failed spf',
    'fails to pass spf',
    'not pass spf',
    'hard fail policy',
    'sender policy framework',
    'does not designate',
    'not a permitted sender',
    'unauthenticated email',
    'authenticate with either spf or dkim',
    'authentication checks failed',
    'arc validation',
    // German
    'spf-prüfung fehlgeschlagen',
    'dkim-prüfung fehlgeschlagen',
    'dmarc-richtlinie',
    // French
    'échec spf',
    'échec dkim',
    'politique dmarc',
    // Spanish
    'política dmarc',
    'fallo spf',
    'fallo dkim',
    // Italian
    'politica dmarc',
    'verifica spf fallita',
    'verifica dkim fallita',
    // Portuguese
    'falha spf',
    'falha dkim',
    'falha na verificação spf',
    // Japanese
    '送信ドメイン認証',
    'spf認証',
    'dmarcポリシー',
    // Chinese
    'spf验证失败',
    'dkim验证失败',
    'dmarc验证失败',
    // Russian
    'проверка spf не пройдена',
    'проверку spf',
    'проверку dkim',
    'политика dmarc',
    'политикой dmarc',
  ],
};
