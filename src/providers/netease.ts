// NetEase mail (163.com, 126.com, yeah.net). Its refusals carry short codes such
// as "DT:SPM" and link its help pages.
import type { Provider } from './provider';

export const netease: Provider = {
  id: 'netease',
  name: 'NetEase (163.com, 126.com)',
  docs: 'https://help.mail.163.com/',
  hosts: ['netease.com', '163.com', '126.com', 'yeah.net', '126.net'],
  domains: ['163.com', '126.com', 'yeah.net', 'vip.163.com'],
  marker: /mail\.163\.com\/help|\bDT:SPM\b/,
  markerHints: ['mail.163.com/help', 'DT:SPM'],
  codes: [
    {
      tag: /\bDT:SPM\b/,
      label: 'DT:SPM',
      reason: 'spamdetected',
      actor: 'sender-content',
      meaning: "NetEase's filter judged the message to be spam.",
      advice: 'Change the content (links, wording, attachments) and make sure the mail is authenticated with SPF and DKIM.',
    },
  ],
};
