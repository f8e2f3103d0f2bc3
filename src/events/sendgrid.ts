// SendGrid's Event Webhook (an array of events): "bounce" (with "type":
// "bounce" or "blocked"), "dropped", "deferred", "delivered", each with
// email, timestamp (Unix seconds), sg_message_id, and reason / status /
// response. Opens, clicks and other engagement events give nothing.
import type { EventReader } from './types';
import type { LogAction } from '../logs/types';
import { blankRecord, str, timeOf } from './json';
import { cleanAddress } from '../text/addresses';

const ACTIONS: Readonly<Record<string, LogAction>> = {
  bounce: 'failed',
  blocked: 'failed',
  dropped: 'failed',
  deferred: 'delayed',
  delivered: 'delivered',
};

// Dropped because of the account's own suppression lists (SendGrid's reason texts).
const SUPPRESSION = /Bounced Address|Unsubscribed Address|Spam Reporting Address|Suppress/i;

export const sendgridEvent: EventReader = {
  id: 'sendgrid-event',
  matches(event) {
    return typeof event.event === 'string' && typeof event.email === 'string' && ('sg_message_id' in event || 'sg_event_id' in event || 'smtp-id' in event);
  },
  read(event) {
    const kind = str(event.event) ?? '';
    const type = kind === 'bounce' ? (str(event.type) ?? 'bounce') : kind;
    const action = ACTIONS[type] ?? ACTIONS[kind];
    if (action === undefined) return [];
    const record = blankRecord(this.id);
    record.recipient = cleanAddress(str(event.email) ?? '');
    record.timestamp = timeOf(event.timestamp);
    record.queueId = str(event.sg_message_id);
    record.action = action;
    // "status" is the enhanced code of a bounce; a deferral's text is in "response".
    const status = str(event.status);
    record.status = status !== null && /^[245]\.\d{1,3}\.\d{1,3}$/.test(status) ? status : null;
    record.text = str(event.reason) ?? str(event.response) ?? '';
    record.logStatus = type;
    if (kind === 'dropped' && SUPPRESSION.test(record.text)) record.reason = 'suppressed';
    return [record];
  },
};
