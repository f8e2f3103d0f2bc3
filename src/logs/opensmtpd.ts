// OpenSMTPD's log lines (facts from usr.sbin/smtpd/mta.c mta_log(), mda.c and smtp_session.c):
//   SESSION mta delivery evpid=EVPID from=<…> to=<…> rcpt=<…|-> source="ip" relay="ip (host)" delay=2s result="PermFail" stat="550 5.1.1 …"
//   SESSION mda delivery evpid=EVPID from=<…> to=<…> [rcpt=<…> ]user=… delay=… result=Ok stat=Delivered
//   SESSION smtp failed-command command="RCPT TO:<…>" result="550 5.1.1 …"
// result is Ok, TempFail, PermFail or Loop; the rest of OpenSMTPD's lines read as null.
import { blankRecord } from './types';
import type { LogAction, LogReader, LogRecord } from './types';
import { parseSyslog } from './syslog';
import { addressValue, fieldValue, relayHost } from './fields';
import { commandOf, toSmtpCommand } from '../smtp/commands';

const SESSION = /^[0-9a-f]{16} /;

const RESULT_ACTIONS: Readonly<Record<string, LogAction>> = {
  Ok: 'delivered',
  TempFail: 'delayed',
  PermFail: 'failed',
  Loop: 'failed',
};

function isOpensmtpd(program: string): boolean {
  return program === 'smtpd' || program === 'opensmtpd';
}

function blank(line: number, timestamp: string): LogRecord {
  return blankRecord('opensmtpd-log', line, timestamp);
}

export const opensmtpdLog: LogReader = {
  id: 'opensmtpd-log',
  recognises(text) {
    const s = parseSyslog(text, {});
    // Postfix's smtpd logs as "postfix/smtpd"; a bare "smtpd" with a 16-hex session is OpenSMTPD.
    return s !== null && isOpensmtpd(s.program) && SESSION.test(s.message);
  },
  read(entry, options) {
    const s = parseSyslog(entry.text, options);
    if (s === null || !isOpensmtpd(s.program) || !SESSION.test(s.message)) return null;
    const rest = s.message.slice(17);
    const record = blank(entry.line, s.timestamp);
    if (rest.startsWith('mta delivery ') || rest.startsWith('mda delivery ')) {
      const result = fieldValue(rest, 'result') ?? '';
      const action = RESULT_ACTIONS[result];
      if (action === undefined) return null;
      record.queueId = fieldValue(rest, 'evpid');
      // to= is the envelope recipient; rcpt= the address as given in RCPT TO when it differs.
      record.recipient = addressValue(fieldValue(rest, 'to'));
      const rcpt = addressValue(fieldValue(rest, 'rcpt'));
      record.originalRecipient = rcpt !== null && rcpt !== record.recipient ? rcpt : null;
      record.sender = addressValue(fieldValue(rest, 'from'));
      record.relay = rest.startsWith('mta') ? relayHost(fieldValue(rest, 'relay')) : null;
      record.action = action;
      record.logStatus = result;
      record.text = statOf(rest);
      record.command = commandOf(record.text);
      return record;
    }
    if (rest.startsWith('smtp failed-command ')) {
      const command = fieldValue(rest, 'command') ?? '';
      const result = fieldValue(rest, 'result') ?? '';
      record.command = toSmtpCommand(command.split(/[\s:]/, 1)[0]);
      if (record.command === 'RCPT') record.recipient = addressValue(command.slice(command.indexOf('<')));
      if (record.command === 'MAIL') record.sender = addressValue(command.slice(command.indexOf('<')));
      record.action = result.startsWith('4') ? 'delayed' : 'failed';
      record.logStatus = 'failed-command';
      record.text = result;
      return record;
    }
    return null;
  },
};

// stat="…" (mta) runs to its closing quote; stat=… (mda) to the end of the line.
function statOf(rest: string): string {
  const at = rest.lastIndexOf(' stat=');
  if (at === -1) return '';
  const v = rest.slice(at + 6);
  if (v.startsWith('"')) return v.endsWith('"') ? v.slice(1, -1) : v.slice(1);
  return v.trim();
}
