// The log readers in priority order: the first that recognises a line reads
// it. The servers' own formats come first (each knows its program tag or its
// line shape); the Exchange CSV reader takes a stream once it has seen its
// header; the generic "timestamp + SMTP reply" reader is the last resort.
import type { LogReader } from './types';
import { postfixLog } from './postfix';
import { eximLog } from './exim';
import { sendmailLog } from './sendmail';
import { opensmtpdLog } from './opensmtpd';
import { createExchangeCsvReader } from './exchange-csv';
import { logLine } from './log-line';

/** A fresh set of readers for one stream (the CSV reader remembers its header). */
export function createLogReaders(): LogReader[] {
  return [postfixLog, eximLog, sendmailLog, opensmtpdLog, createExchangeCsvReader(), logLine];
}

/** The ids of the log readers, in order. */
export const LOG_FORMATS: readonly string[] = createLogReaders().map((r) => r.id);

