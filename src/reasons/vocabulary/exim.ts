// Exim 4.96 (Debian source package exim4 4.96-15+deb12u10): router, transport,
// retry, ACL and SMTP-server texts, and the messages of the default configuration.

import { entry, type VocabularyEntry } from './entry.js';

const DEFAULT_CONF = 'exim: src/configure.default';

export const EXIM: readonly VocabularyEntry[] = [
  entry('all relevant mx records point to non-existent hosts', 'hostunknown', 'dnslookup router: every MX names a host with no address', 'exim: src/routers/dnslookup.c'),
  entry('all mxs point to missing a records', 'hostunknown', 'dnslookup router with fail_defer_domains: "missing MX, or all MXs point to missing A records"', 'exim: src/routers/dnslookup.c'),
  entry('an mx or srv record indicated no smtp service', 'notaccept', 'dnslookup router: a null MX / "." SRV target says the domain takes no mail', 'exim: src/routers/dnslookup.c'),
  entry('unrouteable address', 'hostunknown', 'no router accepted the address; with the default routers, a domain that does not resolve (for the reporting server\'s own domain, an unknown local user: see explain/reason.ts)', 'exim: src/route.c'),
  entry('host lookup did not complete', 'networkerror', 'dnslookup router: DNS gave no definite answer', 'exim: src/routers/dnslookup.c'),
  entry('retry timeout exceeded', 'expired', 'the retry rules gave up on an address that kept failing temporarily', 'exim: src/retry.c'),
  entry('have been failing for a long time', 'expired', 'smtp transport: "all hosts for <domain> have been failing for a long time (and retry time not reached)"', 'exim: src/transports/smtp.c'),
  entry('retry time not reached for any host', 'expired', 'smtp transport: every host is waiting for its next retry after a long failure', 'exim: src/transports/smtp.c'),
  entry('mailbox is full', 'mailboxfull', 'appendfile transport: the quota option was reached ("mailbox is full (MTA-imposed quota exceeded while writing to …)")', 'exim: src/transports/appendfile.c'),
  entry('over quota', 'mailboxfull', 'appendfile transport: "Over quota" before writing', 'exim: src/transports/appendfile.c'),
  entry('relay not permitted', 'norelaying', 'default ACL: the recipient domain is not local and the client may not relay', DEFAULT_CONF),
  entry('sender verify failed', 'rejected', 'ACL verify = sender: the MAIL FROM address did not verify', 'exim: src/acl.c'),
  entry(/verification failed for <[^>\s]{0,256}>/, 'rejected', 'sender verification callout: the MAIL FROM address was refused by its own domain ("Verification failed for <address>")', 'exim: src/smtp_in.c'),
  entry('postmaster verification failed while checking', 'rejected', 'the sender domain refuses its postmaster address, so its mail is refused', 'exim: src/smtp_in.c'),
  entry('callback setup failed while verifying', 'rejected', 'the sender domain refuses bounces (MAIL FROM:<>), so its mail is refused', 'exim: src/smtp_in.c'),
  entry('temporary local problem', 'systemerror', 'the server hit an internal problem and asks the client to retry ("Temporary local problem - please try later")', 'exim: src/smtp_in.c, src/receive.c'),
  entry('could not complete sender verify', 'rejected', 'ACL verify = sender deferred (callout could not finish)', 'exim: src/acl.c'),
  entry('restricted characters in address', 'syntaxerror', 'default ACL: the local part holds characters the configuration refuses', DEFAULT_CONF),
  entry('is in a black list at', 'blocked', 'the DNSBL example of the default configuration: "rejected because <ip> is in a black list at <zone>"', DEFAULT_CONF),
  entry('administrative prohibition', 'policyviolation', 'an ACL said deny without a message of its own', 'exim: src/smtp_in.c, src/receive.c'),
  entry('too many concurrent smtp connections', 'toomanyconn', 'smtp_accept_max / smtp_accept_max_per_host reached', 'exim: src/daemon.c, src/smtp_in.c'),
  entry('too many messages in this connection', 'toomanyconn', 'smtp_accept_max_per_connection reached', 'exim: src/smtp_in.c'),
  entry('too many syntax or protocol errors', 'syntaxerror', 'smtp_max_synprot_errors reached', 'exim: src/smtp_in.c'),
  entry('too many nonmail commands', 'syntaxerror', 'smtp_accept_max_nonmail reached', 'exim: src/smtp_in.c'),
  entry('message size exceeds maximum permitted', 'mesgtoobig', 'message_size_limit reached (552)', 'exim: src/smtp_in.c, src/receive.c'),
  entry('suspected mail loop', 'networkerror', '"Too many \\"Received\\" headers - suspected mail loop" (received_headers_max)', 'exim: src/receive.c, src/deliver.c'),
  entry('remote host closed connection', 'networkerror', 'smtp transport: the server hung up ("Remote host closed connection in response to …")', 'exim: src/transports/smtp.c'),
  entry('local delivery failed', 'mailererror', 'pipe transport: the command exited with a failure code', 'exim: src/transports/pipe.c'),
];
