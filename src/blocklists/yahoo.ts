// Yahoo's own IP block: "[TSS09]"/"[TSS11]", "all messages from <IP> will be permanently deferred".
import type { Blocklist } from './blocklist';

export const yahooList: Blocklist = {
  id: 'yahoo',
  name: "Yahoo's own block",
  pattern: /\[TSS(?:09|11)\]|messages from \S{1,45} will be permanently deferred/i,
  hints: ['[tss', 'will be permanently deferred'],
  lookup: 'https://senders.yahooinc.com/',
  advice: 'Yahoo will not take mail from this IP until it is reviewed: fix the cause, then ask Yahoo sender support to look at it again.',
};
