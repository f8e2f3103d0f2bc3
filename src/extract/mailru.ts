import type { Extractor } from '../types';
import { readEximLike } from './shared/exim-list';
import { fromDomain } from './shared/writer';

// Mail.ru sends its notice in Russian ("Это письмо создано автоматически
// сервером Mail.Ru") and then the same list in Exim's English wording; only
// the English list is read, so each recipient is reported once.
export const mailru: Extractor = {
  id: 'mailru',
  matches: (email) =>
    fromDomain(email, ['mail.ru']) || /\bсервером Mail\.Ru\b/i.test(email.text.slice(0, 2000)),
  extract: (email) => readEximLike(email, 'mailru'),
};
