// Postfix's mail log. The lines read (facts from Postfix's sources, global/log_adhoc.c,
// smtpd/smtpd_check.c, postscreen/, qmgr/qmgr_active.c):
//   QUEUEID: to=<…>[, orig_to=<…>], relay=…, [conn_use=N, ]delay=…, delays=…, dsn=X.Y.Z, status=WORD (text)
//     written by smtp, lmtp, local, virtual, pipe, error, retry, discard;
//     WORD is sent, bounced, deferred, expired, SOFTBOUNCE, deliverable, undeliverable
//   NOQUEUE: reject: RCPT from host[ip]: 550 5.1.1 …; from=<…> to=<…> proto=… helo=<…>   (smtpd)
//   NOQUEUE: reject: RCPT from [ip]:port: 550 5.7.1 …; from=<…>, to=<…>, proto=…, helo=<…> (postscreen)
//   QUEUEID: from=<…>, status=expired, returned to sender                                 (qmgr)
// Every other Postfix line (connect from, cleanup, qmgr's from=<…>, size=…) reads as null.
import { blankRecord } from './types';
import type { LogAction, LogReader, LogRecord } from './types';
import { parseSyslog } from './syslog';
import { addressValue, fieldStart, fieldValue, parenthesised, relayHost } from './fields';
import { commandOf } from '../smtp/commands';
import type { SmtpCommand } from '../types';

const QUEUE_ID = /^[0-9A-Z]{5,20}$/i;

const STATUS_ACTIONS: Readonly<Record<string, LogAction>> = {
  sent: 'delivered',
  deliverable: 'delivered',
  bounced: 'failed',
  expired: 'failed',
  undeliverable: 'failed',
  deferred: 'delayed',
  // soft_bounce=yes: what would have bounced stays in the queue.
  SOFTBOUNCE: 'delayed',
};

// The "where" word of a reject line (smtpd's state->where) as a command.
const WHERE_COMMANDS: Readonly<Record<string, SmtpCommand>> = {
  CONNECT: 'CONN',
  HELO: 'HELO',
  EHLO: 'EHLO',
  STARTTLS: 'STARTTLS',
  AUTH: 'AUTH',
  MAIL: 'MAIL',
  RCPT: 'RCPT',
  DATA: 'DATA',
  BDAT: 'BDAT',
  'END-OF-MESSAGE': 'DATA',
};

function isPostfix(program: string): boolean {
  // "postfix/smtp", "postfix/submission/smtpd", a second instance's "postfix-out/smtp".
  return program.startsWith('postfix') && program.includes('/');
}

function blank(format: string, line: number, timestamp: string, queueId: string | null): LogRecord {
  return blankRecord(format, line, timestamp, queueId);
}

export const postfixLog: LogReader = {
  id: 'postfix-log',
  recognises(text) {
    const s = parseSyslog(text, {});
    return s !== null && isPostfix(s.program);
  },
  read(entry, options) {
    const s = parseSyslog(entry.text, options);
    if (s === null || !isPostfix(s.program)) return null;
    const msg = s.message;
    const colon = msg.indexOf(': ');
    if (colon === -1) return null;
    const id = msg.slice(0, colon);
    if (id !== 'NOQUEUE' && !QUEUE_ID.test(id)) return null;
    const rest = msg.slice(colon + 2);
    const queueId = id === 'NOQUEUE' ? null : id;
    // A record (and its timestamp) is made only for the lines that give one: most lines of a log give none.
    const format = this.id;
    if (rest.startsWith('to=<')) return readDelivery(() => blank(format, entry.line, s.timestamp, queueId), rest);
    if (rest.startsWith('reject: ') || rest.startsWith('milter-reject: ')) return readReject(blank(format, entry.line, s.timestamp, queueId), rest);
    if (rest.startsWith('from=<') && rest.endsWith('returned to sender')) {
      const record = blank(format, entry.line, s.timestamp, queueId);
      record.sender = addressValue(fieldValue(rest, 'from'));
      record.action = 'failed';
      record.logStatus = fieldValue(rest, 'status');
      record.reason = 'expired';
      record.text = rest;
      return record;
    }
    return null;
  },
  finishedQueue(text) {
    // "QUEUEID: removed": qmgr is done with the message, every recipient's fate is logged.
    if (!text.endsWith(': removed')) return null;
    const s = parseSyslog(text, {});
    if (s === null || !isPostfix(s.program)) return null;
    const id = s.message.slice(0, -': removed'.length);
    return id !== 'NOQUEUE' && QUEUE_ID.test(id) ? id : null;
  },
};

function readDelivery(blankOne: () => LogRecord, rest: string): LogRecord | null {
  const statusAt = fieldStart(rest, 'status');
  if (statusAt === -1) return null;
  const word = fieldValue(rest, 'status') ?? '';
  const action = STATUS_ACTIONS[word];
  if (action === undefined) return null;
  const record = blankOne();
  record.recipient = addressValue(fieldValue(rest, 'to'));
  record.originalRecipient = addressValue(fieldValue(rest, 'orig_to'));
  record.relay = relayHost(fieldValue(rest, 'relay'));
  record.status = fieldValue(rest, 'dsn');
  record.action = action;
  record.logStatus = word;
  record.text = (parenthesised(rest, statusAt + word.length) ?? '').trim();
  record.command = commandOf(record.text);
  return record;
}

function readReject(record: LogRecord, rest: string): LogRecord {
  const body = rest.slice(rest.indexOf(': ') + 2);
  // "RCPT from host[ip]: reply; from=<…> to=<…>": the where word, the client, then the reply.
  const space = body.indexOf(' ');
  const where = space === -1 ? body : body.slice(0, space);
  record.command = WHERE_COMMANDS[where] ?? null;
  // The reply may hold "; " itself (postscreen's "…; client [ip] blocked using …"):
  // the envelope part starts at the last "; from=<".
  const envelope = body.lastIndexOf('; from=<');
  const head = envelope === -1 ? body : body.slice(0, envelope);
  const tail = envelope === -1 ? '' : body.slice(envelope + 2);
  if (body.startsWith(`${where} from `)) {
    // The client is "name[ip]" (smtpd) or "[ip]:port" (postscreen), then ": ".
    const client = head.indexOf(']');
    const sep = client === -1 ? head.indexOf(': ') : head.indexOf(': ', client);
    record.text = (sep === -1 ? head : head.slice(sep + 2)).trim();
  } else {
    // cleanup's "header Subject: … from host[ip]; from=<…> to=<…> proto=… helo=<…>: 5.7.1 text".
    const after = tail.lastIndexOf('>: ');
    record.text = (after === -1 ? head : tail.slice(after + 3)).trim();
    record.command = 'DATA';
  }
  record.recipient = addressValue(fieldValue(tail, 'to'));
  record.sender = addressValue(fieldValue(tail, 'from'));
  // A 4xx reject ("450 4.1.8 …", milter "4.7.1 …") asks the client to try again later.
  record.action = record.text.startsWith('4') ? 'delayed' : 'failed';
  record.logStatus = rest.startsWith('milter-') ? 'milter-reject' : 'reject';
  record.command ??= commandOf(record.text);
  return record;
}
