// OpenSMTPD 6.8.0p2 (Debian source package opensmtpd 6.8.0p2-4): the server's
// replies, which carry RFC 3463 titles as their text (usr.sbin/smtpd/esc.c), and
// the texts the delivery side (mta) writes into bounces.

import { entry, type VocabularyEntry } from './entry.js';

const MTA = 'opensmtpd: usr.sbin/smtpd/mta.c';
const MTA_SESSION = 'opensmtpd: usr.sbin/smtpd/mta_session.c';
const ESC = 'opensmtpd: usr.sbin/smtpd/esc.c (the RFC 3463 titles used as reply texts)';

export const OPENSMTPD: readonly VocabularyEntry[] = [
  entry('message is not rfc 2822 compliant', 'notcompliantrfc', 'smtpd refused a malformed message after DATA', 'opensmtpd: usr.sbin/smtpd/smtp_session.c'),
  entry('domain does not exist', 'hostunknown', 'mta: DNS says the destination domain does not exist', MTA),
  entry('network error on destination mxs', 'networkerror', 'mta: every MX of the destination failed at the network level', MTA),
  entry('tls required but not supported by remote host', 'failedstarttls', 'mta: the relay rule demands TLS and the server offers no STARTTLS', MTA_SESSION),
  entry('ssl certificate check failed', 'failedstarttls', 'mta: the server certificate did not verify', MTA_SESSION),
  entry('connection closed unexpectedly', 'networkerror', 'mta: the server dropped the session', MTA_SESSION),
  entry('mailbox disabled, not accepting messages', 'suspend', 'reply text for X.2.1', ESC),
  entry('destination mailbox has moved', 'hasmoved', 'reply text for X.1.6', ESC),
  entry('bad destination system address', 'hostunknown', 'reply text for X.1.2', ESC),
  entry('message too big for system', 'mesgtoobig', 'reply text for X.3.4', ESC),
  entry('mail system full', 'systemfull', 'reply text for X.3.1', ESC),
  entry('delivery time expired', 'expired', 'reply text for X.4.7', ESC),
  entry('routing loop detected', 'networkerror', 'reply text for X.4.6 ("Loop detected")', ESC),
  entry('unable to route', 'networkerror', 'reply text for X.4.4', ESC),
  entry('no answer from host', 'networkerror', 'reply text for X.4.1', ESC),
];
