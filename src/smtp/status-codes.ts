// Enhanced status codes (RFC 3463, "class.subject.detail"), one row per code of
// the IANA registry. Titles and RFCs are the registry's, verbatim, so a row can be
// checked against ../shared/reference/smtp-enhanced-status-codes.csv; `meaning`
// is ours, written for the person whose mail bounced.
//
// Codes stay strings everywhere: "5.1.10" and "5.1.1" are different codes, and
// any numeric parsing would merge them.

import type { StatusClass } from '../types';

export type StatusClassDigit = '2' | '4' | '5';

interface StatusClassRow {
  title: string;
  rfc: string;
  /** Short lower-case words used to build summaries of codes missing from the registry. */
  label: string;
  meaning: string;
  kind: StatusClass;
}

interface StatusSubjectRow {
  title: string;
  rfc: string;
  /** Short lower-case words used to build summaries of codes missing from the registry. */
  label: string;
  meaning: string;
}

interface StatusDetailRow {
  title: string;
  rfc: string;
  meaning: string;
  /** IANA's "associated basic status code" column; [] when the registry names none. */
  replyCodes: readonly number[];
  /** IANA lists some codes but says any other 4xx/5xx reply may be paired too. */
  otherReplyCodesAllowed?: boolean;
}

export const STATUS_CLASSES = {
  '2': {
    title: 'Success',
    rfc: 'RFC 3463',
    label: 'success',
    kind: 'success',
    meaning: 'The action succeeded; this is a report of delivery or acceptance, not of a failure.',
  },
  '4': {
    title: 'Persistent Transient Failure',
    rfc: 'RFC 3463',
    label: 'transient failure',
    kind: 'transient',
    meaning:
      'Delivery failed for now, but the cause may clear up by itself; the sending server normally keeps retrying for a while before it gives up.',
  },
  '5': {
    title: 'Permanent Failure',
    rfc: 'RFC 3463',
    label: 'permanent failure',
    kind: 'permanent',
    meaning:
      'Delivery failed for good; sending the same message again will fail the same way unless something is changed first.',
  },
} as const satisfies Record<StatusClassDigit, StatusClassRow>;

export const STATUS_SUBJECTS = {
  '0': {
    title: 'Other or Undefined Status',
    rfc: 'RFC 3463',
    label: 'unspecified',
    meaning: 'The server did not put the problem into any particular group.',
  },
  '1': {
    title: 'Addressing Status',
    rfc: 'RFC 3463',
    label: 'addressing',
    meaning: "The problem is with an address: the recipient's, or your own sender address.",
  },
  '2': {
    title: 'Mailbox Status',
    rfc: 'RFC 3463',
    label: 'mailbox',
    meaning: "The problem is with the recipient's mailbox: the address is right, but the mailbox cannot take the message.",
  },
  '3': {
    title: 'Mail System Status',
    rfc: 'RFC 3463',
    label: 'mail system',
    meaning: 'The problem is with the receiving mail system as a whole, not with one mailbox.',
  },
  '4': {
    title: 'Network and Routing Status',
    rfc: 'RFC 3463',
    label: 'network or routing',
    meaning: 'The problem is in getting the message across the network to the right server: DNS, routing or the connection.',
  },
  '5': {
    title: 'Mail Delivery Protocol Status',
    rfc: 'RFC 3463',
    label: 'mail protocol',
    meaning: 'The problem is in the conversation between the two mail servers, the SMTP protocol itself.',
  },
  '6': {
    title: 'Message Content or Media Status',
    rfc: 'RFC 3463',
    label: 'content or media',
    meaning: 'The problem is with the message itself: its content, its format or its character set.',
  },
  '7': {
    title: 'Security or Policy Status',
    rfc: 'RFC 3463',
    label: 'security or policy',
    meaning:
      'The message was stopped by a security or policy rule: authentication, encryption, spam filtering or permission to send.',
  },
} as const satisfies Record<string, StatusSubjectRow>;

export const STATUS_DETAILS = {
  // "Any" in IANA's column: every reply code may carry X.0.0, so pairing says nothing.
  '0.0': {
    title: 'Other undefined Status',
    rfc: 'RFC 3463',
    replyCodes: [],
    meaning: 'The server reported a problem without saying what kind; the text that came with the code is the only real clue.',
  },

  '1.0': {
    title: 'Other address status',
    rfc: 'RFC 3463',
    replyCodes: [],
    meaning: 'Something is wrong with one of the addresses, but the server did not say which part or why.',
  },
  '1.1': {
    title: 'Bad destination mailbox address',
    rfc: 'RFC 3463',
    replyCodes: [451, 550],
    meaning:
      'The recipient mailbox does not exist at that domain. Check the address for typos; if it is right, the person has left or the account was removed.',
  },
  '1.2': {
    title: 'Bad destination system address',
    rfc: 'RFC 3463',
    replyCodes: [],
    meaning:
      'The domain part of the recipient address (after the @) does not exist or cannot receive mail. Check how the domain is spelled.',
  },
  '1.3': {
    title: 'Bad destination mailbox address syntax',
    rfc: 'RFC 3463',
    replyCodes: [501],
    meaning:
      'The recipient address is not written correctly (for example a missing @ or a forbidden character), so the server could not even try to deliver to it.',
  },
  '1.4': {
    title: 'Destination mailbox address ambiguous',
    rfc: 'RFC 3463',
    replyCodes: [],
    meaning: 'The recipient address matches more than one mailbox on the receiving side, and the server would not guess which one you meant.',
  },
  '1.5': {
    title: 'Destination address valid',
    rfc: 'RFC 3463',
    replyCodes: [250],
    meaning: 'The recipient address was checked and is fine; this code reports success, not a problem.',
  },
  '1.6': {
    title: 'Destination mailbox has moved, No forwarding address',
    rfc: 'RFC 3463',
    replyCodes: [],
    meaning:
      "The recipient's mailbox has moved away and the server knows no forwarding address for it. Find the person's new address and stop using the old one.",
  },
  '1.7': {
    title: "Bad sender's mailbox address syntax",
    rfc: 'RFC 3463',
    replyCodes: [],
    meaning:
      'Your own sender address (the envelope sender) is not written correctly, so the server refused the message. Check how your software fills in the sender.',
  },
  '1.8': {
    title: "Bad sender's system address",
    rfc: 'RFC 3463',
    replyCodes: [451, 501],
    meaning:
      "The domain of your sender address does not exist or cannot take replies, so the receiver would not accept mail from it. Check that domain's DNS records.",
  },
  '1.9': {
    title: 'Message relayed to non-compliant mailer',
    rfc: 'RFC 3886',
    replyCodes: [],
    meaning: 'The message was passed on to a mail system that does not send delivery reports, so you may never learn whether it finally arrived.',
  },
  '1.10': {
    title: 'Recipient address has null MX',
    rfc: 'RFC 7505; RFC 7504',
    replyCodes: [556],
    meaning:
      "The recipient's domain publishes a null MX record, its way of saying that it never accepts email, so no address there can get mail. Microsoft 365 reuses 5.1.10 with another sense, recipient not found, so in its bounces the address itself is unknown.",
  },

  '2.0': {
    title: 'Other or undefined mailbox status',
    rfc: 'RFC 3463',
    replyCodes: [],
    meaning: "The recipient's mailbox exists, but something about it stopped the delivery and the server did not say what.",
  },
  '2.1': {
    title: 'Mailbox disabled, not accepting messages',
    rfc: 'RFC 3463',
    replyCodes: [],
    meaning:
      "The recipient's mailbox exists but is switched off and takes no mail, for example a suspended or closed account. Retrying soon is unlikely to help.",
  },
  '2.2': {
    title: 'Mailbox full',
    rfc: 'RFC 3463',
    replyCodes: [552],
    meaning:
      "The recipient's mailbox is full, so new mail gets through only after its owner frees space. Try again later, or reach the person some other way if it is urgent.",
  },
  '2.3': {
    title: 'Message length exceeds administrative limit',
    rfc: 'RFC 3463',
    replyCodes: [552],
    meaning:
      "The message is larger than the recipient's mailbox is allowed to accept. Send something smaller, for example a link instead of a large attachment.",
  },
  '2.4': {
    title: 'Mailing list expansion problem',
    rfc: 'RFC 3463',
    replyCodes: [450, 452],
    meaning: 'The recipient is a mailing list, and the list could not pass the message on to its members.',
  },

  // X.3.0 is paired with both success and failure replies in IANA's column.
  '3.0': {
    title: 'Other or undefined mail system status',
    rfc: 'RFC 3463',
    replyCodes: [221, 250, 421, 451, 550, 554],
    meaning: 'Something went wrong inside the receiving mail system itself, not with your message or address, and it gave no details.',
  },
  '3.1': {
    title: 'Mail system full',
    rfc: 'RFC 3463',
    replyCodes: [452],
    meaning: "The receiving mail system has run out of storage space. That is the receiver's problem, and a later retry usually works.",
  },
  '3.2': {
    title: 'System not accepting network messages',
    rfc: 'RFC 3463; RFC 7504',
    replyCodes: [453, 521],
    meaning: 'The receiving host is not taking any mail, either for the moment or ever. Nothing about your message caused it.',
  },
  '3.3': {
    title: 'System not capable of selected features',
    rfc: 'RFC 3463',
    replyCodes: [],
    meaning: 'Your message asked for a feature (such as a delivery option) that the receiving system cannot provide, so it could not be delivered as asked.',
  },
  '3.4': {
    title: 'Message too big for system',
    rfc: 'RFC 3463',
    replyCodes: [552, 554],
    meaning: 'The message is bigger than the receiving system accepts from anyone. Make it smaller: this limit covers the whole system, not one mailbox.',
  },
  '3.5': {
    title: 'System incorrectly configured',
    rfc: 'RFC 3463',
    replyCodes: [],
    meaning: 'The receiving mail system is set up wrongly, so it could not handle the message. Only its administrator can fix this.',
  },
  '3.6': {
    title: 'Requested priority was changed',
    rfc: 'RFC 6710',
    replyCodes: [250, 251],
    meaning: 'The message was accepted, but the server changed the delivery priority you asked for.',
  },

  '4.0': {
    title: 'Other or undefined network or routing status',
    rfc: 'RFC 3463',
    replyCodes: [],
    meaning: 'Something went wrong while routing the message across the network, and the server did not say what.',
  },
  '4.1': {
    title: 'No answer from host',
    rfc: 'RFC 3463',
    replyCodes: [451],
    meaning: 'The sending server got no answer at all from the receiving host: it may be down, unreachable or behind a firewall.',
  },
  '4.2': {
    title: 'Bad connection',
    rfc: 'RFC 3463',
    replyCodes: [421],
    meaning: 'A connection to the receiving host was opened but broke or went wrong before the message was handed over.',
  },
  '4.3': {
    title: 'Directory server failure',
    rfc: 'RFC 3463',
    replyCodes: [451, 550],
    meaning: 'A directory lookup the mail system needed, usually DNS, failed, so it could not work out where to deliver.',
  },
  '4.4': {
    title: 'Unable to route',
    rfc: 'RFC 3463',
    replyCodes: [],
    meaning: "No route to the recipient's domain could be found, most often because the domain has no working mail server (MX) records in DNS.",
  },
  '4.5': {
    title: 'Mail system congestion',
    rfc: 'RFC 3463',
    replyCodes: [451],
    meaning: 'The receiving side is overloaded with mail right now. This is normally temporary, and a retry should get through.',
  },
  '4.6': {
    title: 'Routing loop detected',
    rfc: 'RFC 3463',
    replyCodes: [],
    meaning:
      'The message went round in a loop between mail servers and was stopped, usually because forwarding rules point at each other.',
  },
  '4.7': {
    title: 'Delivery time expired',
    rfc: 'RFC 3463',
    replyCodes: [],
    meaning:
      'The sending server kept retrying but could not deliver within its time limit, so it gave up. The earlier temporary errors hold the real cause.',
  },

  '5.0': {
    title: 'Other or undefined protocol status',
    rfc: 'RFC 3463',
    replyCodes: [220, 250, 251, 252, 253, 451, 452, 454, 458, 459, 501, 502, 503, 554],
    meaning: 'The two mail servers had a problem speaking SMTP with each other, and no detail was given.',
  },
  '5.1': {
    title: 'Invalid command',
    rfc: 'RFC 3463',
    replyCodes: [430, 500, 501, 503, 530, 550, 554, 555],
    meaning:
      'A mail server sent a command that the other did not know or did not allow at that point. It points to a software fault or a missing login, not to your message.',
  },
  '5.2': {
    title: 'Syntax error',
    rfc: 'RFC 3463',
    replyCodes: [500, 501, 502, 550, 555],
    meaning: 'A command sent between the mail servers was malformed, which is a fault in the sending or the receiving software.',
  },
  '5.3': {
    title: 'Too many recipients',
    rfc: 'RFC 3463',
    replyCodes: [451],
    meaning: 'The message named more recipients than the server accepts in one go. Split the list into smaller batches.',
  },
  '5.4': {
    title: 'Invalid command arguments',
    rfc: 'RFC 3463',
    replyCodes: [451, 501, 502, 503, 504, 550, 555],
    meaning: 'A command between the servers was understood but carried a value the server could not accept, such as an unknown option.',
  },
  '5.5': {
    title: 'Wrong protocol version',
    rfc: 'RFC 3463',
    replyCodes: [],
    meaning: 'The two servers do not speak compatible versions of the mail protocol.',
  },
  '5.6': {
    title: 'Authentication Exchange line is too long',
    rfc: 'RFC 4954',
    replyCodes: [500],
    meaning: 'A login (AUTH) line sent to the server was longer than it allows, so the login attempt was refused.',
  },

  '6.0': {
    title: 'Other or undefined media error',
    rfc: 'RFC 3463',
    replyCodes: [],
    meaning: "Something about the message's content or format caused a problem, and the server gave no detail.",
  },
  '6.1': {
    title: 'Media not supported',
    rfc: 'RFC 3463',
    replyCodes: [],
    meaning: 'The message contains a kind of content (a media type) that the receiving system does not support.',
  },
  '6.2': {
    title: 'Conversion required and prohibited',
    rfc: 'RFC 3463',
    replyCodes: [],
    meaning: 'The message would have had to be converted to reach the recipient, but conversion was forbidden, so it was not delivered.',
  },
  '6.3': {
    title: 'Conversion required but not supported',
    rfc: 'RFC 3463',
    replyCodes: [554],
    meaning: 'The message would have had to be converted to reach the recipient, and the server is unable to do that conversion.',
  },
  '6.4': {
    title: 'Conversion with loss performed',
    rfc: 'RFC 3463',
    replyCodes: [250],
    meaning: 'The message was delivered, but it had to be converted on the way and some of its content may have been lost.',
  },
  '6.5': {
    title: 'Conversion Failed',
    rfc: 'RFC 3463',
    replyCodes: [],
    meaning: 'The server tried to convert the message into a form the recipient can take, and the conversion failed.',
  },
  '6.6': {
    title: 'Message content not available',
    rfc: 'RFC 4468',
    replyCodes: [554],
    meaning:
      'The server was asked to send a message stored elsewhere (for example on an IMAP server), but it could not fetch that content.',
  },
  '6.7': {
    title: 'Non-ASCII addresses not permitted for that sender/recipient',
    rfc: 'RFC 6531',
    replyCodes: [553, 550],
    meaning:
      'An address contains non-ASCII characters, such as accented letters, and this sender or recipient is not allowed to use them. Use a plain ASCII address if one exists.',
  },
  '6.8': {
    title: 'UTF-8 string reply is required, but not permitted by the SMTP client',
    rfc: 'RFC 6531',
    replyCodes: [252, 553, 550],
    meaning: 'The server needed to answer in UTF-8, but the sending client had not said it could handle UTF-8.',
  },
  '6.9': {
    title: 'UTF-8 header message cannot be transferred to one or more recipients, so the message must be rejected',
    rfc: 'RFC 6531',
    replyCodes: [550],
    meaning:
      "The message has internationalised (UTF-8) headers, and at least one recipient's server cannot accept them, so the message was refused.",
  },
  '6.10': {
    title: '(deprecated: duplicate of X.6.8)',
    rfc: 'RFC 6531',
    replyCodes: [],
    meaning: 'A withdrawn duplicate of X.6.8: a reply had to use UTF-8 but the client could not take it; read it the same way.',
  },

  '7.0': {
    title: 'Other or undefined security status',
    rfc: 'RFC 3463',
    replyCodes: [220, 235, 450, 454, 500, 501, 503, 504, 530, 535, 550],
    meaning: 'The message was refused for a security or policy reason without a more precise code; the text that came with it usually names the rule.',
  },
  '7.1': {
    title: 'Delivery not authorized, message refused',
    rfc: 'RFC 3463',
    replyCodes: [451, 454, 502, 503, 533, 550, 551],
    meaning:
      'The receiving server refused the message because this sender may not send there: often a blocklist, a spam filter or a recipient-only rule. The text that came with it names the reason.',
  },
  '7.2': {
    title: 'Mailing list expansion prohibited',
    rfc: 'RFC 3463',
    replyCodes: [550],
    meaning: 'You are not allowed to send to this mailing list, so it would not pass the message on to its members.',
  },
  '7.3': {
    title: 'Security conversion required but not possible',
    rfc: 'RFC 3463',
    replyCodes: [],
    meaning: 'The message needed a security conversion, such as re-encryption, that the server could not perform.',
  },
  '7.4': {
    title: 'Security features not supported',
    rfc: 'RFC 3463',
    replyCodes: [504],
    meaning: 'The message asked for a security feature, such as signing or encryption, that the receiving server does not support.',
  },
  '7.5': {
    title: 'Cryptographic failure',
    rfc: 'RFC 3463',
    replyCodes: [],
    meaning: 'A cryptographic step failed on the way; for example a signature or an encrypted part could not be processed.',
  },
  '7.6': {
    title: 'Cryptographic algorithm not supported',
    rfc: 'RFC 3463',
    replyCodes: [],
    meaning: 'The message uses an encryption or signing algorithm that the receiving side does not support.',
  },
  '7.7': {
    title: 'Message integrity failure',
    rfc: 'RFC 3463',
    replyCodes: [],
    meaning: 'The message failed an integrity check, which suggests it was changed or damaged in transit.',
  },
  '7.8': {
    title: 'Authentication credentials invalid',
    rfc: 'RFC 4954',
    replyCodes: [535, 554],
    meaning:
      'The username or password used to log in to the mail server was wrong, so it refused to send for you. Check the account settings of your mail program.',
  },
  '7.9': {
    title: 'Authentication mechanism is too weak',
    rfc: 'RFC 4954',
    replyCodes: [534],
    meaning: 'The login method your mail program used is too weak for this server. Pick a stronger authentication method in its settings.',
  },
  '7.10': {
    title: 'Encryption Needed',
    rfc: 'RFC 5248',
    replyCodes: [523],
    meaning: 'The server requires an encrypted (TLS) connection before it will go on. Turn on encryption in your mail program or server.',
  },
  '7.11': {
    title: 'Encryption required for requested authentication mechanism',
    rfc: 'RFC 4954',
    replyCodes: [524, 538],
    meaning: 'The login method you chose is only allowed over an encrypted connection. Turn on TLS before logging in.',
  },
  '7.12': {
    title: 'A password transition is needed',
    rfc: 'RFC 4954',
    replyCodes: [422, 432],
    meaning: 'The password of the account must be changed, for example because it expired, before the server lets you log in and send.',
  },
  '7.13': {
    title: 'User Account Disabled',
    rfc: 'RFC 5248',
    replyCodes: [525],
    meaning: 'The account involved is disabled, so the server will not handle mail for it. Contact the administrator of that account.',
  },
  '7.14': {
    title: 'Trust relationship required',
    rfc: 'RFC 5248',
    replyCodes: [535, 554],
    meaning: 'The receiving server only takes this mail from senders it has a trust arrangement with, and yours has none.',
  },
  '7.15': {
    title: 'Priority Level is too low',
    rfc: 'RFC 6710',
    replyCodes: [450, 550],
    otherReplyCodesAllowed: true,
    meaning: 'The priority given to the message is too low for this server to accept it. Resend it with a higher priority or without one.',
  },
  '7.16': {
    title: 'Message is too big for the specified priority',
    rfc: 'RFC 6710',
    replyCodes: [552],
    otherReplyCodesAllowed: true,
    meaning: 'The message is too big for the priority level it was sent with. Make it smaller or raise its priority.',
  },
  // X.7.17–X.7.19: IANA says "5XX" (any permanent reply) rather than a list, so
  // there is no list to keep; isReplyCodeAssociated answers null for them.
  '7.17': {
    title: 'Mailbox owner has changed',
    rfc: 'RFC 7293',
    replyCodes: [],
    meaning:
      'The mailbox now belongs to someone other than the person you collected the address from, so the server refused to deliver. Remove the address.',
  },
  '7.18': {
    title: 'Domain owner has changed',
    rfc: 'RFC 7293',
    replyCodes: [],
    meaning: "The recipient's domain has changed hands since you collected the address, so the mail was refused. Remove the address.",
  },
  '7.19': {
    title: 'RRVS test cannot be completed',
    rfc: 'RFC 7293',
    replyCodes: [],
    meaning: 'You asked the server to check that the mailbox still has the same owner (RRVS), and it could not complete that check.',
  },
  '7.20': {
    title: 'No passing DKIM signature found',
    rfc: 'RFC 7372; RFC 6376',
    replyCodes: [550],
    meaning: 'The receiver requires a valid DKIM signature and your message had none that passed. Check that your sending domain signs its mail correctly.',
  },
  '7.21': {
    title: 'No acceptable DKIM signature found',
    rfc: 'RFC 7372; RFC 6376',
    replyCodes: [550],
    meaning:
      "Your message carried DKIM signatures, but none met the receiver's rules, such as a trusted signing domain or a strong enough key.",
  },
  '7.22': {
    title: 'No valid author-matched DKIM signature found',
    rfc: 'RFC 7372; RFC 6376',
    replyCodes: [550],
    meaning: 'No valid DKIM signature on your message belongs to the domain in its From header. Sign the mail with the domain you send from.',
  },
  '7.23': {
    title: 'SPF validation failed',
    rfc: 'RFC 7372; RFC 7208',
    replyCodes: [550],
    meaning:
      "Your sending server is not listed in your sender domain's SPF record, so the receiver treated the mail as forged. Add that server to the SPF record.",
  },
  '7.24': {
    title: 'SPF validation error',
    rfc: 'RFC 7372; RFC 7208',
    replyCodes: [451, 550],
    meaning: "The receiver could not evaluate your domain's SPF record, usually because of a syntax error in it or a DNS failure. Check the record.",
  },
  '7.25': {
    title: 'Reverse DNS validation failed',
    rfc: 'RFC 7372; RFC 7601',
    replyCodes: [550],
    meaning:
      "Your sending server's IP address has no matching reverse DNS (PTR) name, and the receiver requires one. Ask whoever runs that IP address to set it.",
  },
  '7.26': {
    title: 'Multiple authentication checks failed',
    rfc: 'RFC 7372',
    replyCodes: [550],
    meaning: 'The message failed more than one authentication check, for example SPF and DKIM together, so the receiver rejected it.',
  },
  '7.27': {
    title: 'Sender address has null MX',
    rfc: 'RFC 7505',
    replyCodes: [550],
    meaning:
      'Your sender domain publishes a null MX, which says it never receives mail, so the receiver refused a message that nobody could reply to.',
  },
  '7.28': {
    title: 'Mail flood detected',
    rfc: 'draft-levine-mailbomb-header',
    replyCodes: [],
    meaning: 'The receiver saw an unusual flood of mail (possibly a mail-bombing attack) and is refusing messages from this source for now.',
  },
  // X.7.29 and X.7.30: 550 is what servers send in practice, but the registry
  // copy we checked gives no associated code, so none is claimed here.
  '7.29': {
    title: 'ARC validation failure',
    rfc: 'RFC 8617',
    replyCodes: [],
    meaning:
      'The message failed ARC validation: the chain of signatures added by forwarding servers was broken or invalid. Gmail reuses 5.7.29 for mail that was not sent over TLS.',
  },
  '7.30': {
    title: 'REQUIRETLS support required',
    rfc: 'RFC 8689',
    replyCodes: [],
    meaning:
      'The message demanded TLS on every hop (REQUIRETLS), and a server on the way cannot provide it. Gmail reuses 5.7.30 for mail whose DKIM check did not pass.',
  },
} as const satisfies Record<string, StatusDetailRow>;

export type StatusSubjectDigit = keyof typeof STATUS_SUBJECTS;
export type StatusDetailKey = keyof typeof STATUS_DETAILS;

export interface StatusInfo {
  code: string;
  /** True when the full code is in the IANA registry. */
  known: boolean;
  class: { digit: StatusClassDigit; title: string; meaning: string };
  subject: { digit: string; title: string; meaning: string };
  detail: { title: string; meaning: string; rfc: string; replyCodes: readonly number[] } | null;
  /** One plain-English sentence for the whole code. */
  summary: string;
}

// Anchored, digits only, bounded repeats: linear on hostile input, and the three
// parts stay strings so "5.1.10" never collapses into "5.1.1".
const STATUS_CODE_PATTERN = /^([245])\.(\d{1,3})\.(\d{1,3})$/;

function isSubjectDigit(subject: string): subject is StatusSubjectDigit {
  return Object.hasOwn(STATUS_SUBJECTS, subject);
}

function isDetailKey(key: string): key is StatusDetailKey {
  return Object.hasOwn(STATUS_DETAILS, key);
}

// Widened so optional fields (otherReplyCodesAllowed) can be read on any row.
function findDetail(subject: string, detail: string): StatusDetailRow | null {
  const key = `${subject}.${detail}`;
  return isDetailKey(key) ? STATUS_DETAILS[key] : null;
}

function parseStatus(code: string): { classDigit: StatusClassDigit; subject: string; detail: string } | null {
  const match = STATUS_CODE_PATTERN.exec(code);
  if (!match) return null;
  const [, classDigit, subject, detail] = match;
  if (classDigit === undefined || subject === undefined || detail === undefined) return null;
  return { classDigit: classDigit as StatusClassDigit, subject, detail };
}

/**
 * Explains an enhanced status code such as "5.1.1". Returns null when the string
 * is not class.subject.detail with class 2, 4 or 5 (no trimming: callers pass the
 * code their parser isolated). Codes missing from the registry still get the
 * class and, when it is defined, the subject.
 */
export function lookupStatus(code: string): StatusInfo | null {
  const parts = parseStatus(code);
  if (!parts) return null;
  const { classDigit, subject, detail } = parts;
  const classRow = STATUS_CLASSES[classDigit];
  const subjectRow = isSubjectDigit(subject) ? STATUS_SUBJECTS[subject] : null;
  const detailRow = findDetail(subject, detail);

  const info: StatusInfo = {
    code,
    known: detailRow !== null,
    class: { digit: classDigit, title: classRow.title, meaning: classRow.meaning },
    subject: subjectRow
      ? { digit: subject, title: subjectRow.title, meaning: subjectRow.meaning }
      : {
          digit: subject,
          title: `unknown subject ${subject}`,
          meaning: `RFC 3463 defines no subject ${subject}, so only the first digit of this code can be read.`,
        },
    detail: detailRow
      ? { title: detailRow.title, meaning: detailRow.meaning, rfc: detailRow.rfc, replyCodes: detailRow.replyCodes }
      : null,
    summary: '',
  };
  info.summary = summarizeStatus(info, classRow.label, subjectRow?.label ?? null);
  return info;
}

function summarizeStatus(info: StatusInfo, classLabel: string, subjectLabel: string | null): string {
  if (info.detail) return info.detail.meaning;
  if (subjectLabel === null) {
    return `${info.code}: ${classLabel} (neither subject ${info.subject.digit} nor this exact code is in the IANA registry; they are the receiving server's own).`;
  }
  // "problem" would read wrongly on a success code.
  const noun = info.class.digit === '2' ? 'status' : 'problem';
  return `${info.code}: ${classLabel}, ${subjectLabel} ${noun} (this exact code is not in the IANA registry; it is the receiving server's own).`;
}

/** The outcome a status code announces, from its first digit; null when the string is not a status code. */
export function statusClassOf(code: string): StatusClass | null {
  const parts = parseStatus(code);
  return parts ? STATUS_CLASSES[parts.classDigit].kind : null;
}

/**
 * Whether IANA pairs this enhanced status code with this basic reply code.
 * null when it cannot be judged: the code is invalid or unregistered, or the
 * registry names no associated codes ("Not given", "Any", "5XX").
 * Only the registry's list is consulted; a class mismatch such as 5.1.1 with 451
 * (IANA lists 451 for X.1.1) is the line parser's warning to give, not this one.
 */
export function isReplyCodeAssociated(status: string, replyCode: number): boolean | null {
  const parts = parseStatus(status);
  if (!parts) return null;
  const row = findDetail(parts.subject, parts.detail);
  if (!row || row.replyCodes.length === 0) return null;
  if (row.replyCodes.includes(replyCode)) return true;
  if (row.otherReplyCodesAllowed === true) {
    return Number.isInteger(replyCode) && replyCode >= 400 && replyCode <= 599;
  }
  return false;
}
