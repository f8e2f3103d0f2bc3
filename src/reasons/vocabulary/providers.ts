// Words the big mailbox providers write next to their documented codes
// (../shared/notes/ANCHORS.md §3, which cites each provider's page). The codes
// themselves are in src/providers/; these are the texts, for when a relay
// rewrote or dropped the code.

import { entry, type VocabularyEntry } from './entry.js';

const MICROSOFT = 'Microsoft: learn.microsoft.com … non-delivery-reports-in-exchange-online (ANCHORS.md §3)';
const YAHOO = 'Yahoo: senders.yahooinc.com/smtp-error-codes (ANCHORS.md §3)';
const GOOGLE = 'Google: support.google.com/a/answer/3726730 (ANCHORS.md §3)';

export const PROVIDERS: readonly VocabularyEntry[] = [
  entry('banned sending ip', 'blocked', 'Microsoft 5.7.606–5.7.649 "Access denied, banned sending IP [ip]"; delist at sender.office.com', MICROSOFT),
  entry('on our block list', 'blocked', 'Microsoft 5.7.1 (S3150): "Part of their network is on our block list"', MICROSOFT),
  entry('bad outbound sender', 'rejected', 'Microsoft 5.1.8: the sending account was blocked for sending spam', MICROSOFT),
  entry('temporarily rate limited due to ip reputation', 'badreputation', 'Microsoft 4.7.650', MICROSOFT),
  entry('due to unexpected volume or user complaints', 'badreputation', 'Yahoo 421 4.7.0 [TSS04]: deferred for volume or complaints', YAHOO),
  entry('max message per connection reached', 'toomanyconn', 'Yahoo 421: too many messages on one connection', YAHOO),
  entry('receiving mail too quickly', 'speeding', 'Gmail 450 4.2.1: the recipient gets mail faster than allowed', GOOGLE),
  entry('receiving mail at a rate that prevents', 'speeding', 'Gmail 450 4.2.1: the same, in Gmail\'s own sentence', GOOGLE),
  entry('peak smtp relay limit exceeded', 'speeding', 'Google Workspace SMTP relay 4.2.1 / 4.7.0 limit', GOOGLE),
];
