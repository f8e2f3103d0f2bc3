// Proton Mail. Facts: its mail servers (mail.protonmail.ch, mailsec.protonmail.ch) and mailbox domains.
import type { Provider } from './provider';

export const proton: Provider = {
  id: 'proton',
  name: 'Proton Mail',
  docs: 'https://proton.me/support',
  hosts: ['protonmail.ch', 'proton.me', 'protonmail.com'],
  domains: ['proton.me', 'protonmail.com', 'protonmail.ch', 'pm.me'],
  codes: [],
};
