// Tencent QQ Mail and Foxmail (mx1.qq.com, and exmail.qq.com for business mail).
import type { Provider } from './provider';

export const tencent: Provider = {
  id: 'tencent',
  name: 'Tencent (QQ Mail, Foxmail)',
  docs: 'https://service.mail.qq.com/',
  hosts: ['qq.com'],
  domains: ['qq.com', 'foxmail.com', 'vip.qq.com'],
  marker: /service\.mail\.qq\.com/,
  markerHints: ['service.mail.qq.com'],
  codes: [],
};
