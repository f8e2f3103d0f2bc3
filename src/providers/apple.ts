// Apple iCloud Mail (mx01.mail.icloud.com). Its refusals carry bracketed tags
// such as [CS01] and point to Apple's postmaster page.
import type { Provider } from './provider';

export const apple: Provider = {
  id: 'apple',
  name: 'Apple iCloud Mail',
  docs: 'https://support.apple.com/en-us/HT204137',
  hosts: ['icloud.com', 'me.com', 'mac.com', 'apple.com'],
  domains: ['icloud.com', 'me.com', 'mac.com'],
  marker: /support\.apple\.com\/(?:[a-z-]+\/)?(?:HT204137|102322)/,
  markerHints: ['support.apple.com/'],
  codes: [
    {
      tag: /\[CS01\]/,
      label: '[CS01]',
      reason: 'policyviolation',
      actor: 'sender-content',
      meaning: "iCloud refused the message under its local policy: its filters judged the content or the sending pattern unwanted.",
      advice: "Check the message against Apple's postmaster guidelines (authentication, links, volume) and test a plain version.",
    },
    {
      tag: /\[HM08\]/,
      label: '[HM08]',
      reason: 'policyviolation',
      actor: 'sender-content',
      meaning: 'iCloud refused the message under its local policy.',
    },
  ],
};
