// Basic SMTP reply codes (RFC 5321 and the RFCs that add codes), one row per
// code. `title` is the standard short meaning (a fact); `meaning` is ours,
// written for the person whose mail bounced. Codes that only appear in IANA's
// "associated basic status code" column have no defining RFC: rfc is null and
// the meaning says they are non-standard.

import type { StatusClass } from '../types';

interface ReplyCodeRow {
  title: string;
  /** Defining RFC(s); null for codes that no RFC defines. */
  rfc: string | null;
  meaning: string;
}

interface ReplyDigitRow {
  title: string;
  /** Short lower-case words for the fallback title of codes missing from the table. */
  label: string;
  meaning: string;
}

export const REPLY_CODES = {
  211: {
    title: 'System status, or system help reply',
    rfc: 'RFC 5321',
    meaning: "An informational reply about the server's state; it says nothing about any delivery.",
  },
  214: {
    title: 'Help message',
    rfc: 'RFC 5321',
    meaning: 'The server answered a HELP request with text meant for people; nothing failed.',
  },
  220: {
    title: '<domain> Service ready; also "Ready to start TLS"',
    rfc: 'RFC 5321; RFC 3207',
    meaning: 'The server greeted the connection and is ready for commands, or is ready to switch to encryption; nothing failed.',
  },
  221: {
    title: '<domain> Service closing transmission channel',
    rfc: 'RFC 5321',
    meaning: 'The server is ending the session normally after being told to quit; a goodbye, not an error.',
  },
  235: {
    title: 'Authentication successful',
    rfc: 'RFC 4954',
    meaning: 'The login to the mail server worked.',
  },
  250: {
    title: 'Requested mail action okay, completed',
    rfc: 'RFC 5321',
    meaning:
      'The server accepted the command; after the message itself it means the server has taken on the job of delivering it.',
  },
  251: {
    title: 'User not local; will forward',
    rfc: 'RFC 5321',
    meaning: 'The recipient is not hosted on this server, but it accepted the message and will forward it.',
  },
  252: {
    title: 'Cannot VRFY user, but will accept message and attempt delivery',
    rfc: 'RFC 5321',
    meaning: 'The server would not confirm whether the address exists, but it accepted the message and will try to deliver it.',
  },
  253: {
    title: 'OK, <n> pending messages for node started (ETRN)',
    rfc: 'RFC 1985',
    meaning: 'The server started sending the mail it had queued for a domain, as an ETRN request asked; an old queue-management reply.',
  },
  334: {
    title: 'AUTH server challenge',
    rfc: 'RFC 4954',
    meaning: 'The server is in the middle of a login exchange and waits for the next piece of the credentials.',
  },
  354: {
    title: 'Start mail input; end with <CRLF>.<CRLF>',
    rfc: 'RFC 5321',
    meaning: 'The server is ready to receive the message itself, and the sender should now transmit it.',
  },
  421: {
    title: '<domain> Service not available, closing transmission channel',
    rfc: 'RFC 5321',
    meaning:
      'The server closed the connection for now, often because it is busy, is limiting how fast you send, or is shutting down. The sending server retries later by itself.',
  },
  422: {
    title: 'Non-standard; IANA lists it beside X.7.12 (A password transition is needed)',
    rfc: null,
    meaning:
      'A non-standard code some servers send when the account password must be changed before logging in; no RFC defines it, so treat it as temporary.',
  },
  430: {
    title: 'Non-standard; IANA lists it beside X.5.1 (Invalid command)',
    rfc: null,
    meaning: "A non-standard temporary error that IANA's registry pairs with an invalid command; no RFC defines it, so the text that came with it is the real clue.",
  },
  432: {
    title: 'A password transition is needed',
    rfc: 'RFC 4954',
    meaning: 'The server wants the account password changed before it lets you log in. Change it, for example through webmail, and try again.',
  },
  450: {
    title: 'Requested mail action not taken: mailbox unavailable',
    rfc: 'RFC 5321',
    meaning:
      'The mailbox could not be used right now, because it is busy or because the server is holding back your mail for a while (greylisting or a policy limit). The sending server should retry later.',
  },
  451: {
    title: 'Requested action aborted: local error in processing',
    rfc: 'RFC 5321',
    meaning: 'The receiving server hit an error of its own while handling the message, or deferred it on purpose; a later retry usually succeeds.',
  },
  452: {
    title: 'Requested action not taken: insufficient system storage',
    rfc: 'RFC 5321',
    meaning:
      'The server is short of storage for now, or the message named more recipients than it takes in one transaction; RFC 5321 makes 452 the right code for too many recipients, and the rest should be sent again later.',
  },
  453: {
    title: 'You have no mail (ATRN)',
    rfc: 'RFC 2645',
    meaning: 'An answer to an ATRN request saying no queued mail is waiting to be handed over; a rarely used extension, not a delivery error.',
  },
  454: {
    title: 'Temporary authentication failure; also "TLS not available due to temporary reason"',
    rfc: 'RFC 4954; RFC 3207',
    meaning: 'Login or encryption could not be set up right now because of a temporary problem on the server; try again later.',
  },
  455: {
    title: 'Server unable to accommodate parameters',
    rfc: 'RFC 5321',
    meaning: 'The server cannot handle the options given with the sender or recipient command at the moment; a later retry may work.',
  },
  458: {
    title: 'Unable to queue messages for node (ETRN)',
    rfc: 'RFC 1985',
    meaning: 'The server could not start delivering the mail queued for the domain an ETRN request named; an old queue-management reply.',
  },
  459: {
    title: 'Node not allowed (ETRN)',
    rfc: 'RFC 1985',
    meaning: 'The server refused an ETRN request because that domain may not ask for its queued mail; an old queue-management reply.',
  },
  500: {
    title: 'Syntax error, command unrecognized',
    rfc: 'RFC 5321; RFC 4954',
    meaning:
      'The server did not understand a command, or a command line was too long. That points to a fault in the sending software, not in your message.',
  },
  501: {
    title: 'Syntax error in parameters or arguments',
    rfc: 'RFC 5321',
    meaning: 'The server understood the command but not its arguments, most often a badly written email address.',
  },
  502: {
    title: 'Command not implemented',
    rfc: 'RFC 5321',
    meaning: 'The server does not support a command that was sent to it.',
  },
  503: {
    title: 'Bad sequence of commands',
    rfc: 'RFC 5321',
    meaning:
      'Commands arrived in the wrong order, for example a recipient before the sender, or sending before logging in; usually a client fault or a missing login.',
  },
  504: {
    title: 'Command parameter not implemented',
    rfc: 'RFC 5321; RFC 4954',
    meaning: 'The server does not support an option given with a command, such as the login method that was chosen.',
  },
  // RFC 7504: 521 is about the host (said at connection time), 556 about the domain.
  521: {
    title: 'Host does not accept mail',
    rfc: 'RFC 7504',
    meaning: 'This server does not accept email at all and said so as soon as the connection opened. Retrying this host will not help.',
  },
  523: {
    title: 'Non-standard; IANA lists it beside X.7.10 (Encryption Needed)',
    rfc: null,
    meaning: 'A non-standard code some servers send when they insist on an encrypted connection; no RFC defines it. Turn on TLS.',
  },
  524: {
    title: 'Non-standard; IANA lists it beside X.7.11 (Encryption required for requested authentication mechanism)',
    rfc: null,
    meaning: 'A non-standard code for a login method that is only allowed over encryption; the standard code for this is 538.',
  },
  525: {
    title: 'Non-standard; IANA lists it beside X.7.13 (User Account Disabled)',
    rfc: null,
    meaning: 'A non-standard code meaning the account involved is disabled; no RFC defines it. Contact the administrator of that account.',
  },
  530: {
    title: 'Authentication required; also "Must issue a STARTTLS command first"',
    rfc: 'RFC 4954; RFC 3207',
    meaning:
      'The server only takes this mail after you log in, or after the connection is encrypted. Set up SMTP authentication or TLS in your mail program.',
  },
  533: {
    title: 'Non-standard; IANA lists it beside X.7.1 (Delivery not authorized, message refused)',
    rfc: null,
    meaning: 'A non-standard code meaning you are not authorised to send this message; the text that came with it names the rule.',
  },
  534: {
    title: 'Authentication mechanism is too weak',
    rfc: 'RFC 4954',
    meaning: 'The login method used is too weak for this server; choose a stronger one in your mail settings.',
  },
  535: {
    title: 'Authentication credentials invalid',
    rfc: 'RFC 4954',
    meaning: 'The mail server rejected the username or password. Check the login settings of your mail program.',
  },
  538: {
    title: 'Encryption required for requested authentication mechanism',
    rfc: 'RFC 4954',
    meaning: 'The chosen login method is only allowed on an encrypted connection; enable TLS before logging in.',
  },
  550: {
    title: 'Requested action not taken: mailbox unavailable',
    rfc: 'RFC 5321',
    meaning:
      'The server refused for good. Most often the mailbox does not exist, but servers also use 550 for policy and spam rejections, so the text and the enhanced code tell which.',
  },
  551: {
    title: 'User not local; please try <forward-path>',
    rfc: 'RFC 5321',
    meaning: 'The recipient is not on this server and it would not forward the message; the reply may name the address to use instead.',
  },
  // RFC 821 wrongly listed "too many recipients" as 552; RFC 5321 §4.5.3.1.10
  // moved it to 452 and tells clients to treat such a 552 as temporary.
  552: {
    title: 'Requested mail action aborted: exceeded storage allocation',
    rfc: 'RFC 5321; RFC 1870',
    meaning:
      "The message is too large, or the recipient's storage allowance is used up. Old servers also send 552 for too many recipients, which should be read as temporary, like 452.",
  },
  553: {
    title: 'Requested action not taken: mailbox name not allowed',
    rfc: 'RFC 5321; RFC 6531',
    meaning:
      'The server refused the address itself: it is malformed, not permitted, or contains non-ASCII characters the server will not take.',
  },
  554: {
    title: 'Transaction failed; at connection opening, "No SMTP service here"',
    rfc: 'RFC 5321',
    meaning:
      'The server refused the message for good, often for policy or spam reasons. Said when the connection opened, it means this host offers you no mail service at all.',
  },
  555: {
    title: 'MAIL FROM/RCPT TO parameters not recognized or not implemented',
    rfc: 'RFC 5321',
    meaning: 'The server does not accept an option that was added to the sender or recipient command, a mismatch in the sending software.',
  },
  556: {
    title: 'Domain does not accept mail',
    rfc: 'RFC 7504',
    meaning:
      "The recipient's domain does not accept email at all, for example because it publishes a null MX. No address there can receive mail; remove it.",
  },
} as const satisfies Record<number, ReplyCodeRow>;

export type ReplyCode = keyof typeof REPLY_CODES;

/** First digit: the outcome (RFC 5321 §4.2.1). */
export const REPLY_CLASSES = {
  '2': {
    title: 'Positive Completion',
    label: 'success',
    meaning: 'The server did what was asked.',
  },
  '3': {
    title: 'Positive Intermediate',
    label: 'intermediate',
    meaning: 'The server accepted the command so far and is waiting for more from the sender.',
  },
  '4': {
    title: 'Transient Negative Completion',
    label: 'transient failure',
    meaning:
      'The server did not do what was asked this time, but the same request may work later; sending servers retry these by themselves.',
  },
  '5': {
    title: 'Permanent Negative Completion',
    label: 'permanent failure',
    meaning: 'The server refused, and the same request will keep failing until something is changed.',
  },
} as const satisfies Record<string, ReplyDigitRow>;

/** Second digit: the category (RFC 5321 §4.2.1). */
export const REPLY_CATEGORIES = {
  '0': {
    title: 'Syntax',
    label: 'syntax',
    meaning: 'The reply is about the form of a command: a syntax error, or a command that exists but is not supported.',
  },
  '1': {
    title: 'Information',
    label: 'information',
    meaning: 'The reply gives information, such as status or help.',
  },
  '2': {
    title: 'Connections',
    label: 'connections',
    meaning: 'The reply is about the connection between the two servers.',
  },
  '3': {
    title: 'Unspecified',
    label: 'unspecified',
    meaning: 'RFC 5321 gives this category no purpose; in practice login (AUTH) replies use it.',
  },
  '4': {
    title: 'Unspecified',
    label: 'unspecified',
    meaning: 'RFC 5321 gives this category no purpose either, and few replies use it.',
  },
  '5': {
    title: 'Mail system',
    label: 'mail system',
    meaning: 'The reply is about the mail system: mailboxes, storage or the message transaction.',
  },
} as const satisfies Record<string, ReplyDigitRow>;

type ReplyClassDigit = keyof typeof REPLY_CLASSES;
type ReplyCategoryDigit = keyof typeof REPLY_CATEGORIES;

export interface ReplyInfo {
  code: number;
  /** True when the code has its own row; false when only its digits were read. */
  known: boolean;
  title: string;
  meaning: string;
  rfc: string | null;
}

function isReplyCode(code: number): code is ReplyCode {
  return Object.hasOwn(REPLY_CODES, code);
}

function isReplyClassDigit(digit: string): digit is ReplyClassDigit {
  return Object.hasOwn(REPLY_CLASSES, digit);
}

function isReplyCategoryDigit(digit: string): digit is ReplyCategoryDigit {
  return Object.hasOwn(REPLY_CATEGORIES, digit);
}

// 1xx replies were dropped from SMTP and 6xx+ never existed, so anything outside
// 200–599 is not a reply code, whatever digits a log line happens to contain.
function isInReplyRange(code: number): boolean {
  return Number.isInteger(code) && code >= 200 && code <= 599;
}

/**
 * Explains a basic reply code such as 550. Returns null when the number is not
 * an integer in 200–599. A code without its own row (557, 471…) is read from
 * its first two digits and comes back with known: false.
 */
export function lookupReplyCode(code: number): ReplyInfo | null {
  if (!isInReplyRange(code)) return null;
  if (isReplyCode(code)) {
    const row = REPLY_CODES[code];
    return { code, known: true, title: row.title, meaning: row.meaning, rfc: row.rfc };
  }
  const classDigit = String(code).charAt(0);
  const categoryDigit = String(code).charAt(1);
  // The range check guarantees 2–5, but the guard keeps the types honest.
  if (!isReplyClassDigit(classDigit)) return null;
  const classRow = REPLY_CLASSES[classDigit];
  const categoryLabel = isReplyCategoryDigit(categoryDigit)
    ? REPLY_CATEGORIES[categoryDigit].label
    : 'undefined category';
  return {
    code,
    known: false,
    title: `${classDigit}xx ${classRow.label}, x${categoryDigit}x ${categoryLabel}`,
    meaning: `${code} is not a standard SMTP reply code, so only its digits can be read. ${classRow.meaning}`,
    rfc: null,
  };
}

/**
 * The outcome a reply code announces, from its first digit; null when the number
 * is not a reply code. 3xx counts as success: it is a positive reply (the server
 * accepted the command and asks for the rest), and nothing has failed.
 */
export function replyClassOf(code: number): StatusClass | null {
  if (!isInReplyRange(code)) return null;
  if (code >= 500) return 'permanent';
  if (code >= 400) return 'transient';
  return 'success';
}
