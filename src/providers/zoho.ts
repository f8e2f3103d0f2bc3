// Zoho Mail. Facts: its MX hosts (mx.zoho.com, mx.zoho.eu) and mailbox domains.
import type { Provider } from './provider';

export const zoho: Provider = {
  id: 'zoho',
  name: 'Zoho Mail',
  docs: 'https://www.zoho.com/mail/help/',
  hosts: ['zoho.com', 'zohomail.com', 'zoho.eu', 'zoho.in', 'zohomail.eu'],
  domains: ['zoho.com', 'zohomail.com', 'zoho.eu', 'zoho.in'],
  codes: [],
};
