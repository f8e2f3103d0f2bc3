import { exim } from './exim';
import { opensmtpd } from './opensmtpd';
import { postfix } from './postfix';
import { sendmail } from './sendmail';
import type { LabServer } from './types';

/** The servers of the lab, in the order of the table. */
export const SERVERS: LabServer[] = [postfix, exim, opensmtpd, sendmail];
