// Mailgun events (the Events API's items and the webhook's "event-data"):
// "failed" with severity "permanent" or "temporary", "delivered"; the
// "delivery-status" object holds code, message, description, enhanced-code and
// mx-host; "reason" says why ("bounce", "suppress-bounce", "generic", …).
import type { EventReader } from './types';
import type { LogAction } from '../logs/types';
import { blankRecord, obj, str, timeOf } from './json';
import { cleanAddress } from '../text/addresses';

export const mailgunEvent: EventReader = {
  id: 'mailgun-event',
  matches(event) {
    return typeof event.event === 'string' && typeof event.recipient === 'string' && ('delivery-status' in event || 'log-level' in event || 'severity' in event);
  },
  read(event) {
    const kind = str(event.event);
    const severity = str(event.severity);
    let action: LogAction;
    if (kind === 'failed') action = severity === 'temporary' ? 'delayed' : 'failed';
    else if (kind === 'delivered') action = 'delivered';
    else return [];
    const ds = obj(event['delivery-status']);
    const reason = str(event.reason);
    const record = blankRecord(this.id);
    record.recipient = cleanAddress(str(event.recipient) ?? '');
    record.timestamp = timeOf(event.timestamp);
    const headers = obj(obj(event.message)?.headers);
    record.queueId = str(headers?.['message-id']) ?? str(event.id);
    record.action = action;
    record.status = str(ds?.['enhanced-code']);
    const code = str(ds?.code);
    const message = (str(ds?.message) ?? '').trim();
    const description = (str(ds?.description) ?? '').trim();
    const words = [message, description].filter((s) => s !== '').join(' ');
    // Mailgun's own codes (605: not delivering to a previously bounced address) are not SMTP codes.
    record.text = code !== null && code !== '0' && !words.startsWith(code) ? `${code} ${words}`.trim() : words;
    const mx = str(ds?.['mx-host']);
    record.relay = mx === '' ? null : mx;
    record.logStatus = [severity ?? kind, reason].filter((s) => s !== null && s !== '').join('/');
    if (reason?.startsWith('suppress-') === true) record.reason = 'suppressed';
    return [record];
  },
};
