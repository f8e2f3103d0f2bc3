// Invaluement: ivmSIP and ivmSIP/24 list sending IPs, ivmURI lists domains found in messages.
import type { Blocklist } from './blocklist';

export const invaluement: Blocklist = {
  id: 'invaluement',
  name: 'Invaluement',
  pattern: /invaluement|\bivm(?:SIP|URI)\b/i,
  hints: ['invaluement', 'ivm'],
  lookup: 'https://www.invaluement.com/',
  advice: 'Look the IP up on the Invaluement site and ask for removal after fixing the cause.',
  subLists: [
    { name: 'ivmURI', pattern: /\bivmURI\b/i, listsDomains: true, advice: 'A domain in the message (a link) is listed: remove it, or have its owner ask for removal.' },
    { name: 'ivmSIP/24', pattern: /\bivmSIP\/24\b/i, advice: 'The whole /24 network around the IP is listed; its owner must act, or send from another network.' },
    { name: 'ivmSIP', pattern: /\bivmSIP\b/i, advice: 'The sending IP is listed for spam; stop the source, then ask for removal.' },
  ],
};
