// Mailspike: bl.mailspike.net (blocked), z.mailspike.net (worst reputation), rep.mailspike.net.
import type { Blocklist } from './blocklist';

export const mailspike: Blocklist = {
  id: 'mailspike',
  name: 'Mailspike',
  pattern: /mailspike/i,
  hints: ['mailspike'],
  lookup: 'https://mailspike.org/iplookup.html',
  advice: 'Look the IP up at Mailspike; its listings follow the reputation of recent mail from the IP, so stop the bad mail and it improves.',
};
