// KDDI au (the Japanese mobile carrier; ezweb.ne.jp and au.com mailboxes).
// Its servers answer a message that the recipient's own sender filter refused
// with "550 : User unknown", the address left out; a mailbox that does not exist
// gets "550 <address>: User unknown", the address named. The first form is the
// filtered phrase " : user unknown"; the second is this tag.
import type { Provider } from './provider';

export const kddi: Provider = {
  id: 'kddi',
  name: 'KDDI au',
  docs: 'https://www.au.com/',
  hosts: ['ezweb.ne.jp', 'au.com'],
  domains: ['ezweb.ne.jp', 'au.com', 'biz.ezweb.ne.jp', 'biz.au.com'],
  codes: [
    {
      tag: /[^\s<>]>: ?User unknown/i,
      label: '<address>: User unknown',
      reason: 'userunknown',
      meaning: 'au names the address when it has no mailbox by that name; a refusal by the recipient\'s own filter leaves the address out.',
    },
  ],
};
