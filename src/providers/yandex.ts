// Yandex Mail. Facts: its MX hosts (mx.yandex.net) and mailbox domains.
import type { Provider } from './provider';

export const yandex: Provider = {
  id: 'yandex',
  name: 'Yandex Mail',
  docs: 'https://yandex.com/support/mail/',
  hosts: ['yandex.net', 'yandex.ru', 'yandex.com'],
  domains: ['yandex.ru', 'yandex.com', 'ya.ru', 'yandex.by', 'yandex.kz'],
  codes: [],
};
