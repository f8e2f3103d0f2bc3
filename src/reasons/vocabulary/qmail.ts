// qmail 1.03 / netqmail 1.06. Bookworm has no qmail or netqmail source package, so
// these texts could not be re-read from the source on this machine: each entry
// names the program that writes the text in the published qmail 1.03 source, and
// the list is kept to the texts whose wording every qmail bounce shares.

import { entry, type VocabularyEntry } from './entry.js';

const NOTE = ' (qmail 1.03; not re-read here: no Debian source package)';

export const QMAIL: readonly VocabularyEntry[] = [
  entry("isn't in my list of allowed rcpthosts", 'norelaying', 'qmail-smtpd: the recipient domain is not one this server takes mail for (#5.7.1)', `qmail: qmail-smtpd.c${NOTE}`),
  entry("couldn't find any host named", 'hostunknown', 'qmail-remote: the recipient domain does not resolve (#5.1.2)', `qmail: qmail-remote.c${NOTE}`),
  entry("wasn't able to establish an smtp connection", 'networkerror', 'qmail-remote: no MX host answered (#4.4.1)', `qmail: qmail-remote.c${NOTE}`),
  entry(/connected to \S+ but connection died/, 'networkerror', 'qmail-remote: the server dropped the session (#4.4.2)', `qmail: qmail-remote.c${NOTE}`),
  entry(/connected to \S+ but sender was rejected/, 'rejected', 'qmail-remote: the server refused MAIL FROM', `qmail: qmail-remote.c${NOTE}`),
  entry("i'm not going to try again; this message has been in the queue too long", 'expired', 'qmail-send: the message passed queuelifetime', `qmail: qmail-send.c${NOTE}`),
  entry('this message is looping: it already has my delivered-to line', 'networkerror', 'qmail-local: a forwarding loop (#5.4.6)', `qmail: qmail-local.c${NOTE}`),
];
