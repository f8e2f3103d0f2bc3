import type { Extractor } from '../types';
import { postfix } from './postfix';
import { readProvider } from './shared/provider-read';
import { writtenBy } from './shared/writer';

// Yandex Mail (From mailer-daemon@yandex.ru, Reporting-MTA forward*.mail.yandex.net,
// an X-Yandex-Queue-ID field in its report). A notice in Russian comes first,
// then, in most of them, Postfix's English one; the RFC 3464 part names every
// recipient either way.
const DOMAINS = ['yandex.ru', 'yandex.net', 'yandex.com', 'yandex.com.tr', 'yandex.by', 'yandex.kz', 'yandex.ua', 'ya.ru'];

export const yandex: Extractor = {
  id: 'yandex',
  matches: (email) => writtenBy(email, DOMAINS),
  extract: (email) => readProvider(email, 'yandex', [postfix]),
};
