// Dovecot 2.3.19.1 (Debian source package dovecot 2.3.19.1+dfsg1-2.1+deb12u6): the
// texts its LDA (dovecot-lda) and LMTP server give back when they cannot store a mail.

import { entry, type VocabularyEntry } from './entry.js';

export const DOVECOT: readonly VocabularyEntry[] = [
  entry('mailbox for user is full', 'mailboxfull', 'quota plugin default quota_exceeded_message: "Quota exceeded (mailbox for user is full)"', 'dovecot: src/plugins/quota/quota.c'),
  entry('not enough disk quota', 'mailboxfull', 'storage error string for a quota failure (MAIL_ERRSTR_NO_QUOTA)', 'dovecot: src/lib-storage/mail-error.h'),
  entry('quota exceeded', 'mailboxfull', 'a quota_exceeded_message of its own begins this way in the default', 'dovecot: src/plugins/quota/quota.c'),
  entry("user doesn't exist", 'userunknown', 'LMTP RCPT: the userdb has no such user ("User doesn\'t exist: <address>")', 'dovecot: src/lmtp/lmtp-local.c'),
  entry('temporary internal error', 'systemerror', 'LMTP: a lookup or storage failure that should pass', 'dovecot: src/lmtp/lmtp-local.c'),
];
