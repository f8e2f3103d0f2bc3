// Naver (South Korea). Facts: its MX hosts (mx1.naver.com) and mailbox domain.
import type { Provider } from './provider';

export const naver: Provider = {
  id: 'naver',
  name: 'Naver Mail',
  docs: 'https://help.naver.com/',
  hosts: ['naver.com'],
  domains: ['naver.com'],
  codes: [],
};
