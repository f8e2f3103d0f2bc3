// Postfix 3.7.11 (Debian source package postfix 3.7.11-0+deb12u1): reply and
// delivery-status texts as the programs write them. Facts, each with its file.

import { entry, type VocabularyEntry } from './entry.js';

const SMTPD_CHECK = 'postfix: src/smtpd/smtpd_check.c';
const SMTPD = 'postfix: src/smtpd/smtpd.c';
const POSTSCREEN = 'postfix: src/postscreen/postscreen_early.c, postscreen.c, postscreen_state.c';

export const POSTFIX: readonly VocabularyEntry[] = [
  // smtpd restrictions: "<name>: <Client host|Helo command|Sender address|Recipient address> rejected: <why>"
  entry('blocked using ', 'blocked', 'a reject_rbl_client / postscreen DNSBL hit: "Service unavailable; Client host [ip] blocked using <zone>"', 'postfix: src/global/mail_params.h (default_rbl_reply); src/postscreen/postscreen_early.c'),
  entry('cannot find your reverse hostname', 'requireptr', 'reject_unknown_reverse_client_hostname: the client IP has no PTR record', SMTPD_CHECK),
  entry('cannot find your hostname', 'requireptr', 'reject_unknown_client_hostname: PTR missing or not confirmed by a forward lookup', SMTPD_CHECK),
  entry('helo command rejected', 'blocked', 'a HELO/EHLO name restriction refused the client (Host not found, need fully-qualified hostname, Invalid name)', SMTPD_CHECK),
  entry('client host rejected', 'blocked', 'a client restriction (access table, reject_unknown_client…) refused the connecting host', SMTPD_CHECK),
  entry(/sender address rejected: (?:domain not found|need fully-qualified address|not owned by user|not logged in)/, 'rejected', 'a sender restriction refused the MAIL FROM address', SMTPD_CHECK),
  entry('does not accept mail (nullmx)', 'notaccept', 'the recipient domain publishes a null MX (RFC 7505): it takes no mail', SMTPD_CHECK),
  entry('recipient address rejected: domain not found', 'hostunknown', 'reject_unknown_recipient_domain: the domain has no MX or A record', SMTPD_CHECK),
  entry(/recipient address rejected: (?:unverified|undeliverable) address/, 'userunknown', 'reject_unverified_recipient: a probe to the next hop was refused', SMTPD_CHECK),
  entry('unable to look up mail exchanger host', 'networkerror', 'permit_mx_backup: the MX host names do not resolve right now', SMTPD_CHECK),
  entry('as mail exchanger', 'networkerror', 'permit_mx_backup: "Unable to look up host … as mail exchanger" / "Unable to verify host … as mail exchanger"', SMTPD_CHECK),
  entry('improper use of smtp command pipelining', 'syntaxerror', 'reject_unauth_pipelining: the client sent commands before it was asked to', SMTPD_CHECK),
  entry('too many connections from', 'toomanyconn', 'anvil limit: "Error: too many connections from <ip>"', SMTPD),
  entry('too many new tls sessions from', 'toomanyconn', 'anvil limit on new TLS sessions', SMTPD),
  entry('too much mail from', 'speeding', 'anvil message-rate limit: "Error: too much mail from <ip>"', SMTPD),
  entry('too many recipients from', 'speeding', 'anvil recipient-rate limit: "Error: too many recipients from <ip>"', SMTPD),
  entry('error: too many recipients', 'toomanyconn', 'smtpd_recipient_limit reached in one message (452 4.5.3)', SMTPD),
  entry('insufficient authorization', 'securityerror', 'ETRN/XCLIENT/XFORWARD from a client that may not use it', SMTPD),
  entry('bare <lf> received', 'notcompliantrfc', 'a line ended in LF alone where CRLF is required (smtpd_forbid_bare_newline)', SMTPD),
  entry('service currently unavailable', 'blocked', 'postscreen refuses a client that failed its tests (or is in its deny list)', POSTSCREEN),
  entry('all server ports are busy', 'toomanyconn', 'postscreen has no free smtpd process for the client', 'postfix: src/postscreen/postscreen.c, postscreen_send.c'),
  // Delivery agents (smtp, local, virtual, pipe) and the queue manager, written into bounces.
  entry('host or domain name not found', 'hostunknown', 'smtp client: the next-hop domain has no MX or A record ("Name service error for name=… type=…: Host not found")', 'postfix: src/dns/dns_lookup.c'),
  entry('invalid host or domain name', 'hostunknown', 'the destination is not a syntactically valid domain name', 'postfix: src/dns/dns_lookup.c'),
  entry('name service error for ', 'networkerror', 'a DNS lookup failed for another cause (try again, no data)', 'postfix: src/dns/dns_lookup.c'),
  entry('loops back to myself', 'networkerror', 'the MX of the destination points back at the sending host', 'postfix: src/smtp/smtp_addr.c, smtp_proto.c'),
  entry('mail forwarding loop for ', 'networkerror', 'local/pipe delivery saw its own Delivered-To: header again', 'postfix: src/local/recipient.c, src/pipe/pipe.c'),
  entry('too many hops', 'networkerror', 'cleanup counted more Received: headers than hopcount_limit', 'postfix: src/global/cleanup_strerror.c'),
  entry('delivery temporarily suspended', 'expired', 'the queue manager stopped trying a destination that kept failing; in a final bounce the message expired', 'postfix: src/qmgr/qmgr_deliver.c'),
  entry(/conversation with \S+ timed out/, 'networkerror', 'smtp client: the server stopped answering mid-session', 'postfix: src/smtp/smtp_trouble.c'),
  entry('lost connection with ', 'networkerror', 'smtp client: the server closed the connection mid-session', 'postfix: src/smtp/smtp_trouble.c'),
  entry(/message size \d+ exceeds size limit/, 'mesgtoobig', 'smtp client: the message is larger than the SIZE the server announced', 'postfix: src/smtp/smtp_proto.c'),
  entry('command time limit exceeded', 'mailererror', 'pipe/local delivery: the delivery command ran longer than its time limit', 'postfix: src/global/pipe_command.c'),
  entry(/command died with (?:signal|status)/, 'mailererror', 'pipe/local delivery: the delivery command crashed or exited with a failure', 'postfix: src/global/pipe_command.c'),
  entry('mail system configuration error', 'systemerror', 'pipe/local delivery: the delivery set-up is broken on the receiving host (4.3.5)', 'postfix: src/pipe/pipe.c, src/local/command.c'),
  entry('mail to file is restricted', 'securityerror', 'local delivery: an alias or .forward names a file, which this host forbids (5.7.1)', 'postfix: src/local/file.c'),
  entry('disk quota exceeded', 'mailboxfull', 'local/virtual delivery: the file system quota of the mailbox owner (EDQUOT)', 'postfix: src/global/mbox_open.c (EDQUOT/EFBIG are mailbox-full, 5.2.2; the text is strerror)'),
  entry('file too large', 'mailboxfull', 'local/virtual delivery: mailbox_size_limit / virtual_mailbox_limit reached (EFBIG)', 'postfix: src/global/mbox_open.c (EDQUOT/EFBIG are mailbox-full, 5.2.2; the text is strerror)'),
];
