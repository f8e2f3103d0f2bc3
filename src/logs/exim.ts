// Exim's main log (facts from Exim's deliver.c and the spec's "Log files" chapter):
//   2026-12-04 10:00:01[.mmm][ +hhmm] [[pid] ]MSGID FLAG address[ <parent>] R=router T=transport H=host [ip] …: error
// FLAG: "**" failed, "==" deferred, "=>" delivered, "->" another address of the
// same delivery, "*>" delivery suppressed. Rejections at SMTP time carry no id:
//   2026-12-04 10:00:01 H=(helo) [192.0.2.5] F=<s@example.org> [temporarily ]rejected RCPT <a@example.com>: text
// Exim logging to syslog writes the same message after "host exim[pid]: ".
import { blankRecord } from './types';
import type { LogAction, LogReadOptions, LogReader, LogRecord } from './types';
import { normaliseOffset, parseSyslog } from './syslog';
import { addressValue, fieldValue, relayHost } from './fields';
import { commandOf } from '../smtp/commands';
import { cleanAddress } from '../text/addresses';

const STAMP = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2}:\d{2}(?:\.\d{3})?)(?: ([+-]\d{4}))? (?:\[\d{1,10}\] )?/;
// Message ids: "1tXyZa-000AbC-12" (before 4.97), "1tXyZa-000000AbCd-1234" (4.97 on).
const MESSAGE_ID = /^[0-9A-Z]{6}-[0-9A-Z]{6,11}-[0-9A-Z]{2,4} /i;

const FLAG_ACTIONS: Readonly<Record<string, LogAction>> = {
  '**': 'failed',
  '==': 'delayed',
  '=>': 'delivered',
  '->': 'delivered',
  '*>': 'delivered',
};

interface EximLine {
  timestamp: string;
  message: string;
}

function split(text: string, options: LogReadOptions): EximLine | null {
  const m = STAMP.exec(text);
  if (m !== null) {
    const offset = m[3] === undefined ? '' : normaliseOffset(m[3]);
    return { timestamp: `${m[1] ?? ''}T${m[2] ?? ''}${offset}`, message: text.slice(m[0].length) };
  }
  const s = parseSyslog(text, options);
  if (!s?.program.startsWith('exim')) return null;
  return { timestamp: s.timestamp, message: s.message };
}

function isRejection(message: string): boolean {
  return message.includes(' rejected RCPT ') || message.includes(' rejected MAIL ');
}

function blank(line: number, timestamp: string): LogRecord {
  return blankRecord('exim-log', line, timestamp);
}

export const eximLog: LogReader = {
  id: 'exim-log',
  recognises(text) {
    const e = split(text, {});
    return e !== null && (MESSAGE_ID.test(e.message) || e.message.startsWith('H=') || isRejection(e.message));
  },
  read(entry, options) {
    const e = split(entry.text, options);
    if (e === null) return null;
    const record = blank(entry.line, e.timestamp);
    if (MESSAGE_ID.test(e.message)) {
      const space = e.message.indexOf(' ');
      record.queueId = e.message.slice(0, space);
      return readDelivery(record, e.message.slice(space + 1));
    }
    if (isRejection(e.message)) return readRejection(record, e.message);
    return null;
  },
};

function readDelivery(record: LogRecord, rest: string): LogRecord | null {
  const flag = rest.slice(0, 2);
  const action = FLAG_ACTIONS[flag];
  if (action === undefined || rest.charAt(2) !== ' ') return null;
  const body = rest.slice(3);
  // "addr[ <parent>] R=…": a local delivery names the local part first and the address in <>.
  const space = body.indexOf(' ');
  const first = space === -1 ? body : body.slice(0, space);
  const firstAddr = cleanAddress(first.endsWith(':') ? first.slice(0, -1) : first) ?? null;
  const parent = space !== -1 && body.charAt(space + 1) === '<' ? addressValue(bracketed(body, space + 1)) : null;
  record.recipient = firstAddr ?? parent;
  record.originalRecipient = firstAddr !== null && parent !== null && parent !== firstAddr ? parent : null;
  record.relay = hostOf(body);
  record.action = action;
  record.logStatus = flag;
  if (action === 'delivered') {
    record.text = fieldValue(body, 'C') ?? '';
  } else {
    const colon = body.indexOf(': ');
    record.text = colon === -1 ? '' : body.slice(colon + 2).trim();
  }
  record.command = commandOf(record.text);
  return record;
}

function bracketed(text: string, from: number): string | null {
  const close = text.indexOf('>', from);
  return close === -1 ? null : text.slice(from + 1, close);
}

// "H=mx.example.com [192.0.2.10]:25" or "H=[192.0.2.10]"; "(helo)" is a name the client gave itself.
function hostOf(body: string): string | null {
  const name = fieldValue(body, 'H');
  return name === null || name.startsWith('(') ? null : relayHost(name);
}

function readRejection(record: LogRecord, message: string): LogRecord {
  const temporary = message.includes(' temporarily rejected ');
  const at = message.indexOf(' rejected ');
  const verb = message.slice(at + 10, at + 14);
  const after = message.slice(at + 15);
  const colon = after.indexOf(': ');
  const address = addressValue(bracketed(after, after.indexOf('<')));
  record.command = verb === 'RCPT' ? 'RCPT' : 'MAIL';
  if (verb === 'RCPT') record.recipient = address;
  record.sender = addressValue(fieldValue(message, 'F'));
  record.action = temporary ? 'delayed' : 'failed';
  record.logStatus = temporary ? 'temporarily rejected' : 'rejected';
  record.text = colon === -1 ? '' : after.slice(colon + 2).trim();
  return record;
}
