// Microsoft 365 / Exchange Online message trace exports and Exchange message
// tracking logs: CSV whose header names the columns. Column names seen in the
// documented exports:
//   message trace (Get-MessageTrace, the admin center's CSV): Received, SenderAddress,
//     RecipientAddress, Subject, Status, ToIP, FromIP, Size, MessageId, MessageTraceId
//   message trace detail: Date, Event, Action, Detail, Data
//   extended / historical report: date_time_utc, event_id, message_id, recipient_address,
//     recipient_status, sender_address, server_hostname, …
//   tracking log (on-premises, "#Fields: date-time,client-ip,…,event-id,…,message-id,…,
//     recipient-address,recipient-status,…,sender-address,…"): one event per row
// The reader keeps the header of its stream; rows before a header read as null.
import type { LogAction, LogReader, LogRecord } from './types';
import { splitCsvRow } from './csv';
import { cleanAddress } from '../text/addresses';
import { commandOf } from '../smtp/commands';
import { hasSmtpCode } from '../smtp/parse-smtp-line';

/** A column name without case, spaces, dashes or underscores: "recipient-address" → "recipientaddress". */
function key(name: string): string {
  let out = '';
  for (const ch of name.trim().toLowerCase()) {
    if (ch !== ' ' && ch !== '-' && ch !== '_' && ch !== '"') out += ch;
  }
  return out;
}

const RECIPIENT_WORD = /recipient|toaddress/i;

// Columns by role, the preferred name first.
const RECIPIENT = ['recipientaddress', 'recipient', 'recipients', 'toaddress'];
const STATUS = ['status', 'deliverystatus', 'eventid', 'event'];
const DETAIL = ['recipientstatus', 'detail', 'details', 'statusdetail', 'reason'];
const DATE = ['received', 'datetimeutc', 'datetime', 'date', 'timestamp', 'origintimestamputc'];
const MESSAGE_ID = ['messageid', 'internalmessageid', 'networkmessageid', 'messagetraceid'];
const SENDER = ['senderaddress', 'sender', 'fromaddress'];
const TO_IP = ['toip'];

const STATUS_ACTIONS: Readonly<Record<string, LogAction>> = {
  failed: 'failed',
  fail: 'failed',
  defer: 'delayed',
  deferred: 'delayed',
  pending: 'delayed',
  delayed: 'delayed',
  delivered: 'delivered',
  deliver: 'delivered',
  send: 'delivered',
  sent: 'delivered',
};

interface Columns {
  recipient: number;
  status: number;
  detail: number;
  date: number;
  messageId: number;
  sender: number;
  toIp: number;
}

function indexOfAny(keys: readonly string[], names: readonly string[]): number {
  for (const name of names) {
    const i = keys.indexOf(name);
    if (i !== -1) return i;
  }
  return -1;
}

/** The columns of a header line, or null when it is not a header this reader knows. */
export function readHeader(text: string): Columns | null {
  const line = text.startsWith('#Fields:') ? text.slice(8) : text;
  // Cheap first: every header this reader knows names a recipient column, and
  // most lines of other logs do not hold the word (no CSV split for them).
  if (line.startsWith('#') || !RECIPIENT_WORD.test(line)) return null;
  const keys = splitCsvRow(line).map(key);
  const columns: Columns = {
    recipient: indexOfAny(keys, RECIPIENT),
    status: indexOfAny(keys, STATUS),
    detail: indexOfAny(keys, DETAIL),
    date: indexOfAny(keys, DATE),
    messageId: indexOfAny(keys, MESSAGE_ID),
    sender: indexOfAny(keys, SENDER),
    toIp: indexOfAny(keys, TO_IP),
  };
  if (columns.recipient === -1 || (columns.status === -1 && columns.detail === -1) || columns.date === -1) return null;
  return columns;
}

const ISO = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,7})?)?)(Z|[+-]\d{2}:?\d{2})?$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2})(?::(\d{2}))?(?: ?([AP]M))?$/i;

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/**
 * A date cell as ISO 8601. "2026-12-04T10:00:01.123Z" stays; PowerShell's
 * "12/4/2026 10:00:01 AM" is read month first (en-US), day first when the
 * first number cannot be a month. Anything else is kept as written.
 */
export function isoDate(cell: string): string | null {
  const v = cell.trim();
  if (v === '') return null;
  const iso = ISO.exec(v);
  if (iso !== null) {
    const offset = iso[3] ?? '';
    const normal = offset === '' || offset === 'Z' || offset.includes(':') ? offset : `${offset.slice(0, 3)}:${offset.slice(3)}`;
    return `${iso[1] ?? ''}T${iso[2] ?? ''}${normal}`;
  }
  const us = US_DATE.exec(v);
  if (us === null) return v;
  let month = Number(us[1]);
  let day = Number(us[2]);
  if (month > 12) [month, day] = [day, month];
  let hour = Number(us[4]);
  const half = us[7]?.toUpperCase();
  if (half === 'PM' && hour < 12) hour += 12;
  if (half === 'AM' && hour === 12) hour = 0;
  return `${us[3] ?? ''}-${pad2(month)}-${pad2(day)}T${pad2(hour)}:${us[5] ?? '00'}:${us[6] ?? '00'}`;
}

function cell(fields: readonly string[], i: number): string {
  return i === -1 ? '' : (fields[i] ?? '').trim();
}

/** A reader for one stream: it keeps the last header it saw. */
export function createExchangeCsvReader(): LogReader {
  let columns: Columns | null = null;
  return {
    id: 'exchange-csv',
    recognises(text) {
      return columns !== null || readHeader(text) !== null;
    },
    read(entry) {
      const header = readHeader(entry.text);
      if (header !== null) {
        columns = header;
        return null;
      }
      if (columns === null || entry.text.startsWith('#')) return null;
      const fields = splitCsvRow(entry.text);
      const statusWord = cell(fields, columns.status);
      const detail = cell(fields, columns.detail);
      const action = STATUS_ACTIONS[statusWord.toLowerCase()] ?? null;
      // A row whose status is none of ours (Received, Expanded, Quarantined…) and whose detail holds no code.
      if (action === null && (statusWord !== '' || !hasSmtpCode(detail))) return null;
      const recipients = cell(fields, columns.recipient);
      const ip = cell(fields, columns.toIp);
      const record: LogRecord = {
        format: 'exchange-csv',
        line: entry.line,
        timestamp: isoDate(cell(fields, columns.date)),
        queueId: cell(fields, columns.messageId) || null,
        // Tracking logs list several recipients with ";": the first is named.
        recipient: cleanAddress(recipients.split(';', 1)[0] ?? ''),
        originalRecipient: null,
        sender: cleanAddress(cell(fields, columns.sender)),
        relay: ip === '' ? null : `[${ip}]`,
        action,
        status: null,
        text: detail,
        command: commandOf(detail),
        logStatus: statusWord || null,
      };
      return record;
    },
  };
}
