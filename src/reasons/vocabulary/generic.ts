// Words many servers and filters use, that no one server's source owns: the
// names of the things a refusal is about (a blocklist, SPF, a rate limit, a
// policy). Tried after every server's table, most specific first, so a named
// cause beats the bare class of a 550, 554 or X.7.x reply.

import { entry, type VocabularyEntry } from './entry.js';

const RFC7372 = 'RFC 7372 (X.7.20–X.7.26 name these checks); IANA SMTP enhanced status codes';
const POSTGREY = 'postgrey: postgrey (1.37, Debian source package postgrey), greylist_text "Greylisted, see …"';

export const GENERIC: readonly VocabularyEntry[] = [
  entry('greylist', 'speeding', 'a greylisting filter defers first contact from an unknown client/sender/recipient triplet; a retry passes', POSTGREY),
  entry('graylist', 'speeding', 'the same, American spelling', POSTGREY),
  entry(/\b(?:virus|malware|infected)\b/, 'virusdetected', 'a virus scanner on the receiving side refused the message', 'RFC 3463 X.7.x refusals: the words of content scanners ("Virus found", "infected")'),
  // Whole words only, not parts of host names (relay.example.net, spamfilter.example.org) or URLs.
  entry(/(?<![\w.=-])relay(?:ing)?(?![\w=-]|\.\w)/, 'norelaying', 'the server is not the recipient\'s and refuses to pass mail on ("relaying denied", "relay not permitted", "unable to relay")', 'sendmail: cf/m4/proto.m4; exim: src/configure.default; postfix: src/smtpd/smtpd_check.c'),
  entry(/\b(?:spamhaus|spamcop|barracudacentral|uceprotect|sorbs\.net|abuseat\.org|mailspike|psbl\.surriel)/, 'blocked', 'the refusal names a DNS blocklist the client IP is on', 'ANCHORS.md §3 "DNS blocklists: how they show up in bounce text"'),
  entry(/\b(?:blacklist|blocklist|denylist|black list|block list|dnsbl|rbl)/, 'blocked', 'the client IP or host is on a blocklist', 'ANCHORS.md §3 "DNS blocklists"; postfix: src/global/mail_params.h (default_rbl_reply)'),
  entry(/\b(?:spf|dmarc|dkim)\b/, 'authfailure', 'the message failed sender authentication (SPF, DKIM or DMARC)', RFC7372),
  entry(/\brate[ -]?limit/, 'speeding', 'the sender went over a rate limit', 'exim: src/acl.c (ratelimit condition); ANCHORS.md §3 (Microsoft 4.7.650, AOL RLY:B1)'),
  entry('sending too fast', 'speeding', 'the sender went over a rate limit', 'ANCHORS.md §3 (Gmail 4.2.1 "receiving mail too quickly")'),
  entry(/too many (?:concurrent |simultaneous |open |smtp )?(?:connections|sessions)/, 'toomanyconn', 'the client holds or opens too many connections', 'postfix: src/smtpd/smtpd.c; exim: src/daemon.c; sendmail: sendmail/daemon.c'),
  entry(/(?<![\w./])spam(?:my|mers?|ming)?(?!\w|\.\w)/, 'spamdetected', 'a spam filter scored the message (or the sender) as spam', 'ANCHORS.md §3 (Gmail 5.7.1 "likely unsolicited mail")'),
  entry(/\b(?:reverse dns|ptr record|rdns)\b/, 'requireptr', 'the client IP has no (matching) PTR record', 'RFC 7372 X.7.25; postfix: src/smtpd/smtpd_check.c'),
  entry(/\b(?:invalid|unknown|non-?existent) (?:recipient )?domain\b/, 'hostunknown', 'the domain after the @ does not exist', 'postfix: src/smtpd/smtpd_check.c ("Domain not found"); opensmtpd: usr.sbin/smtpd/mta.c ("Domain does not exist")'),
  entry('no such domain', 'hostunknown', 'the domain after the @ does not exist', 'postfix: src/dns/dns_strerror.c (NXDOMAIN "Host not found")'),
  entry(/\b(?:connection (?:timed out|refused)|no route to host|network is unreachable)\b/, 'networkerror', 'the sending host could not open a TCP connection (strerror texts)', 'postfix: src/smtp/smtp_connect.c; sendmail: sendmail/deliver.c (errno texts)'),
  entry(/\b(?:challenge|confirm(?:ation)?|verify your|verification) (?:request|required|message|needed|your (?:e-?mail|address|message))/, 'filtered', 'a challenge-response system holds the mail until the sender confirms', 'Postmark: bounce type ChallengeVerification (ANCHORS.md §1d)'),
  entry('content filter', 'filtered', 'a content filter refused the message', 'exim: src/acl.c ("Rejected after DATA"); ANCHORS.md §1c Filtered'),
  entry('rejected after data', 'filtered', 'an ACL refused the message once its content was seen', 'exim: src/acl.c'),
  entry(/(?<![\w./-])polic(?:y|ies)(?![\w/-]|\.\w)/, 'policyviolation', 'the server names a local policy as the cause', 'RFC 5321 §4.2.3 (550 "rejected for policy reasons"); ANCHORS.md §3 (Yahoo PH01, Gmail 5.7.1)'),
];
