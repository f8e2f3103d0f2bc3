// Fastmail. Its inbound servers are named *.messagingengine.com.
import type { Provider } from './provider';

export const fastmail: Provider = {
  id: 'fastmail',
  name: 'Fastmail',
  docs: 'https://www.fastmail.help/',
  hosts: ['messagingengine.com', 'fastmail.com', 'fastmail.fm'],
  domains: ['fastmail.com', 'fastmail.fm'],
  codes: [],
};
