// Mail.ru (VK). Facts: its MX hosts (mxs.mail.ru) and mailbox domains.
import type { Provider } from './provider';

export const mailRu: Provider = {
  id: 'mail-ru',
  name: 'Mail.ru',
  docs: 'https://postmaster.mail.ru/',
  hosts: ['mail.ru'],
  domains: ['mail.ru', 'bk.ru', 'inbox.ru', 'list.ru', 'internet.ru'],
  marker: /postmaster\.mail\.ru/,
  markerHints: ['postmaster.mail.ru'],
  codes: [],
};
