// Sendmail's syslog lines (facts from sendmail/deliver.c logdelivery() and
// parseaddr.c rscheck()):
//   QUEUEID: to=<a@example.com>, [ctladdr=<…> (uid/gid), ]delay=hh:mm:ss, xdelay=…, mailer=esmtp,
//     pri=…, relay=mx.example.com. [192.0.2.10], dsn=5.1.1, [reply=550 5.1.1 …, ]stat=User unknown
//   QUEUEID: ruleset=check_rcpt, arg1=<a@example.com>, relay=client [ip], reject=550 5.7.1 …
// (reply= is written by 8.17 and later.) Other lines (from=…, DSN: …, "<a>... User unknown") read as null.
import { blankRecord } from './types';
import type { LogAction, LogReader, LogRecord } from './types';
import type { SmtpCommand } from '../types';
import { parseSyslog } from './syslog';
import { addressValue, fieldToNext, fieldValue, relayHost } from './fields';
import { commandOf } from '../smtp/commands';
import { findAddresses } from '../text/addresses';

const QUEUE_ID = /^[0-9A-Z]{8,20}$/i;

// Fields that may follow the one being read, in logdelivery()'s order.
const STOPS = ['delay', 'xdelay', 'mailer', 'pri', 'relay', 'dsn', 'reply', 'stat', 'ctladdr'];

const RULESET_COMMANDS: Readonly<Record<string, SmtpCommand>> = {
  check_relay: 'CONN',
  check_mail: 'MAIL',
  check_rcpt: 'RCPT',
  check_data: 'DATA',
  check_eom: 'DATA',
};

function isSendmail(program: string): boolean {
  return program === 'sendmail' || program.startsWith('sm-');
}

function blank(line: number, timestamp: string, queueId: string): LogRecord {
  return blankRecord('sendmail-log', line, timestamp, queueId);
}

function actionOf(stat: string, dsn: string | null): LogAction | null {
  if (stat.startsWith('Sent')) return 'delivered';
  if (stat.startsWith('Deferred') || stat.startsWith('tempfail')) return 'delayed';
  if (stat.startsWith('queued')) return null;
  const cls = dsn?.charAt(0);
  if (cls === '2') return 'delivered';
  if (cls === '4') return 'delayed';
  return 'failed';
}

export const sendmailLog: LogReader = {
  id: 'sendmail-log',
  recognises(text) {
    const s = parseSyslog(text, {});
    return s !== null && isSendmail(s.program);
  },
  read(entry, options) {
    const s = parseSyslog(entry.text, options);
    if (s === null || !isSendmail(s.program)) return null;
    const colon = s.message.indexOf(': ');
    if (colon === -1) return null;
    const id = s.message.slice(0, colon);
    if (!QUEUE_ID.test(id)) return null;
    const rest = s.message.slice(colon + 2);
    const record = blank(entry.line, s.timestamp, id);
    if (rest.startsWith('to=')) return readDelivery(record, rest);
    if (rest.startsWith('ruleset=')) return readReject(record, rest);
    return null;
  },
};

function readDelivery(record: LogRecord, rest: string): LogRecord | null {
  const stat = fieldToNext(rest, 'stat', []);
  if (stat === null) return null;
  const dsn = fieldValue(rest, 'dsn');
  const action = actionOf(stat, dsn);
  if (action === null) return null;
  // to= may list several recipients of one delivery ("<a@x>,<b@x>"): the first is named.
  record.recipient = findAddresses(fieldToNext(rest, 'to', STOPS) ?? '')[0] ?? null;
  record.relay = relayHost(fieldToNext(rest, 'relay', STOPS));
  record.status = dsn;
  record.action = action;
  record.logStatus = stat;
  const reply = fieldToNext(rest, 'reply', STOPS);
  record.text = reply ?? (stat.startsWith('Deferred: ') ? stat.slice(10) : stat);
  record.command = commandOf(record.text);
  return record;
}

function readReject(record: LogRecord, rest: string): LogRecord | null {
  const reject = fieldToNext(rest, 'reject', []);
  if (reject === null) return null;
  const ruleset = fieldValue(rest, 'ruleset') ?? '';
  record.command = RULESET_COMMANDS[ruleset] ?? null;
  const arg = addressValue(fieldValue(rest, 'arg1'));
  if (record.command === 'RCPT') record.recipient = arg;
  if (record.command === 'MAIL') record.sender = arg;
  record.action = reject.startsWith('4') ? 'delayed' : 'failed';
  record.logStatus = 'reject';
  record.text = reject;
  return record;
}
