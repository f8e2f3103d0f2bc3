// Sendmail 8.17.1.9 (Debian source package sendmail 8.17.1.9-2+deb12u2): the
// server's replies and the texts its queue writes into bounces, and the rule-set
// messages of the m4 configuration (cf/).

import { entry, sentence, type VocabularyEntry } from './entry.js';

const PROTO = 'sendmail: cf/m4/proto.m4';

export const SENDMAIL: readonly VocabularyEntry[] = [
  sentence('relaying denied. proper authentication required', 'norelaying', 'check_rcpt with _USE_AUTH_: relaying is refused to a client that did not log in', PROTO),
  entry('relaying denied', 'norelaying', 'check_rcpt: the client may not relay to this domain (confRELAY_MSG)', PROTO),
  entry('mailbox disabled for ', 'suspend', 'an access-map REJECT on the recipient (confRCPTREJ_MSG "Mailbox disabled for this recipient")', PROTO),
  entry(/domain of sender address \S+ does not resolve/, 'rejected', 'check_mail: the sender domain lookup failed for now (451 4.1.8)', PROTO),
  entry('real domain name required for sender address', 'rejected', 'check_mail: the sender address has no domain', PROTO),
  entry(' listed at ', 'blocked', 'FEATURE(dnsbl)/(enhdnsbl): "Rejected: <ip> listed at <zone>"', 'sendmail: cf/feature/dnsbl.m4, cf/feature/enhdnsbl.m4'),
  entry('not listed as mta', 'blocked', 'FEATURE(mtamark): the client IP is not marked as a mail server', 'sendmail: cf/feature/mtamark.m4'),
  entry('connection rate limit exceeded', 'toomanyconn', 'FEATURE(ratecontrol): the client opened connections too quickly (4.3.2)', PROTO),
  entry('too many open connections', 'toomanyconn', 'FEATURE(conncontrol): the client holds too many connections (4.3.2)', PROTO),
  entry('too many smtp sessions for this host', 'toomanyconn', 'MaxDaemonChildren / per-host limit (421 4.4.5)', 'sendmail: sendmail/daemon.c'),
  entry('host unknown', 'hostunknown', 'the recipient domain does not resolve ("Host unknown (Name server: …: host not found)")', 'sendmail: sendmail/deliver.c'),
  entry('cannot send message for ', 'expired', 'queue return: the message stayed in the queue past Timeout.queuereturn', 'sendmail: sendmail/envelope.c'),
  entry('could not send message for past ', 'expired', 'delay warning after Timeout.queuewarn; still retrying', 'sendmail: sendmail/envelope.c'),
  entry('insufficient disk space', 'systemfull', 'the queue file system is short of space (452 4.4.5)', 'sendmail: sendmail/srvrsmtp.c, queue.c'),
  entry('mail loops back to me', 'networkerror', 'the MX of the destination names this host ("config error: mail loops back to me (MX problem?)")', 'sendmail: sendmail/usersmtp.c'),
  entry('too many bad recipients', 'toomanyconn', 'BadRcptThrottle: the client named too many unknown recipients in one session', 'sendmail: sendmail/srvrsmtp.c'),
];
