// Yahoo and AOL (one mail platform since 2017). Tags and codes: Yahoo's SMTP
// error page and AOL's legacy codes, as compiled in ANCHORS §3 ([SI20], [ZM1]).
import type { Provider } from './provider';

const DOCS = 'https://senders.yahooinc.com/smtp-error-codes';

export const yahoo: Provider = {
  id: 'yahoo',
  name: 'Yahoo / AOL',
  docs: DOCS,
  hosts: ['yahoodns.net', 'yahoo.com', 'yahoo.net', 'aol.com', 'aol.net', 'yahooinc.com'],
  domains: ['yahoo.com', 'ymail.com', 'rocketmail.com', 'aol.com', 'yahoo.co.uk', 'yahoo.fr', 'yahoo.de', 'yahoo.es', 'yahoo.it', 'aim.com'],
  marker: /senders\.yahooinc\.com|postmaster\.(?:yahooinc|aol)\.com|\[(?:TSS|PH|BL|IPTS)\d\d\]/,
  markerHints: ['senders.yahooinc.com', 'postmaster.yahooinc.com', 'postmaster.aol.com', '[TSS', '[PH', '[BL', '[IPTS'],
  codes: [
    {
      tag: /\bTSS04\b/,
      label: '[TSS04]',
      reason: 'badreputation',
      actor: 'sender-setup',
      meaning: 'Yahoo is putting off mail from this IP for now: an unexpected volume, or complaints from its users. Yahoo does not say which.',
      advice: 'Send less and more slowly, remove addresses that bounce or complain, and let the retries run.',
    },
    {
      tag: /\bTSS(?:09|11)\b/,
      label: '[TSS09] / [TSS11]',
      reason: 'blocked',
      actor: 'sender-setup',
      meaning: 'Yahoo has stopped taking any mail from this IP; retrying will not help.',
      advice: 'Fix what caused the block (complaints, unknown users, unauthenticated mail) and then ask Yahoo for a review through its sender support.',
    },
    { tag: /\bIPTS04\b/, label: 'IPTS04', reason: 'badreputation', actor: 'sender-setup', meaning: "Yahoo is putting off this IP's mail because of complaints from its users." },
    {
      tag: /\bPH01\b/,
      label: '[PH01]',
      reason: 'policyviolation',
      actor: 'sender-content',
      meaning: 'Yahoo did not accept this message for policy reasons (usually something in its content or links).',
      advice: 'Check the links and content against Yahoo\'s sender guidelines; test without suspicious links or shorteners.',
    },
    { tag: /\bBL23\b/, label: '[BL23]', reason: 'blocked', actor: 'sender-setup', meaning: "Yahoo refused the mail because the sending IP is on Spamhaus's XBL (hijacked or infected machines)." },
    { tag: /\bBL21\b/, label: '[BL21]', reason: 'blocked', actor: 'sender-setup', meaning: 'Yahoo refused the mail because the sending IP is on a Spamhaus list.' },
    { tag: /\bRTR:(?:BB|DU)\b/, label: 'RTR:BB / RTR:DU', reason: 'blocked', actor: 'sender-setup', meaning: 'AOL does not take mail straight from dynamic (home) IP ranges.', advice: "Send through your provider's mail server." },
    { tag: /\bRTR:RD\b/, label: 'RTR:RD', reason: 'requireptr', actor: 'sender-setup', meaning: 'AOL refused the mail: the sending IP has no usable reverse DNS name.' },
    { tag: /\bRTR:(?:SC|BL)\b/, label: 'RTR:SC / RTR:BL', reason: 'blocked', actor: 'sender-setup', meaning: 'AOL has blocked the sending IP.' },
    { tag: /\bRLY:B[12]\b/, label: 'RLY:B1 / RLY:B2', reason: 'speeding', actor: 'sender-setup', meaning: 'AOL is limiting how fast it takes mail from this IP.' },
    { tag: /\bDYN:T\d\b/, label: 'DYN:Tx', reason: 'speeding', actor: 'sender-setup', meaning: 'AOL is limiting how fast it takes mail from this IP.' },
    { tag: /\bHVU:B\d\b/, label: 'HVU:Bx', reason: 'spamdetected', actor: 'sender-content', meaning: "AOL blocked the message for its content." },
    { tag: /\bCON:B1\b/, label: 'CON:B1', reason: 'blocked', actor: 'sender-setup', meaning: 'AOL has blocked connections from the sending IP.' },
    { tag: /\bDMARC:/, label: 'DMARC:', reason: 'authfailure', actor: 'sender-setup', meaning: "AOL refused the message because it failed the From domain's DMARC policy." },
    { tag: /\bMFF:/, label: 'MFF:', reason: 'notcompliantrfc', actor: 'sender-content', meaning: 'AOL refused the message because its date lies in the future.', advice: "Fix the sending machine's clock and time zone." },
    {
      status: '5.7.9',
      label: '5.7.9',
      differs: true,
      reason: 'authfailure',
      actor: 'sender-setup',
      meaning: "Yahoo uses 5.7.9 for mail it refuses for policy reasons, above all mail that passes neither SPF nor DKIM; the registry's X.7.9 (authentication mechanism too weak) is about SMTP login.",
      advice: 'Make SPF or DKIM pass for the sending domain, and publish DMARC for the From domain.',
    },
  ],
};
