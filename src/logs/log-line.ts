// The fallback: any line holding an SMTP reply code or enhanced status code,
// with or without a leading timestamp ("2026-12-04 10:00:01 550 5.1.1 …",
// "Dec  4 10:00:01 host app[12]: 550 …", or the bare reply). The rest of the
// line is the reply; the recipient is a to=<…> field or an address in <>.
import type { LogReader, LogRecord } from './types';
import { hasSmtpCode } from '../smtp/parse-smtp-line';
import { commandOf } from '../smtp/commands';
import { findAddresses, isSystemAddress } from '../text/addresses';
import { normaliseOffset, parseSyslog } from './syslog';

const ISO_STAMP = /^\[?(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}:\d{2}(?:[.,]\d{1,9})?)(Z|[+-]\d{2}:?\d{2}| ?UTC)?\]? ?/;

function recipientOf(text: string): string | null {
  const at = text.search(/\bto=</i);
  if (at !== -1) {
    const close = text.indexOf('>', at);
    const found = findAddresses(text.slice(at + 4, close === -1 ? at + 260 : close))[0];
    if (found !== undefined) return found;
  }
  let open = text.indexOf('<');
  while (open !== -1) {
    const close = text.indexOf('>', open);
    if (close === -1) break;
    if (close - open < 300) {
      const found = findAddresses(text.slice(open + 1, close))[0];
      if (found !== undefined && !isSystemAddress(found)) return found;
    }
    open = text.indexOf('<', close);
  }
  return null;
}

/** Splits a leading timestamp off a line: [ISO 8601 or null, the rest]. */
function stampOf(text: string): [string | null, string] {
  const m = ISO_STAMP.exec(text);
  if (m !== null) {
    const zone = m[3]?.trim();
    const offset = zone === undefined ? '' : zone === 'UTC' ? 'Z' : normaliseOffset(zone);
    return [`${m[1] ?? ''}T${(m[2] ?? '').replace(',', '.')}${offset}`, text.slice(m[0].length)];
  }
  return [null, text];
}

export const logLine: LogReader = {
  id: 'log-line',
  recognises(text) {
    return hasSmtpCode(text);
  },
  read(entry, options) {
    if (!hasSmtpCode(entry.text)) return null;
    let timestamp: string | null;
    let text: string;
    const s = parseSyslog(entry.text, options);
    if (s !== null) {
      timestamp = s.timestamp;
      text = s.message;
    } else {
      [timestamp, text] = stampOf(entry.text);
    }
    const record: LogRecord = {
      format: 'log-line',
      line: entry.line,
      timestamp,
      queueId: null,
      recipient: recipientOf(text),
      originalRecipient: null,
      sender: null,
      relay: null,
      action: null,
      status: null,
      text: text.trim(),
      command: commandOf(text),
      logStatus: null,
    };
    return record;
  },
};
