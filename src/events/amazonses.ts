// Amazon SES notifications (SNS "notificationType") and event publishing
// ("eventType"): Bounce, Complaint, Delivery and DeliveryDelay, as the SES
// developer guide describes their JSON. The SNS envelope ({"Type":
// "Notification", "Message": "<JSON as a string>"}) is opened by index.ts.
import type { EventReader, JsonObject } from './types';
import type { LogRecord } from '../logs/types';
import { arr, blankRecord, obj, str, timeOf, withoutDiagnosticType } from './json';
import { cleanAddress } from '../text/addresses';

const ID = 'amazonses-event';

function kindOf(event: JsonObject): string | null {
  return str(event.notificationType) ?? str(event.eventType);
}

function base(event: JsonObject, timestamp: unknown): LogRecord {
  const mail = obj(event.mail);
  const record = blankRecord(ID);
  record.queueId = str(mail?.messageId);
  record.sender = cleanAddress(str(mail?.source) ?? '');
  record.timestamp = timeOf(timestamp) ?? timeOf(mail?.timestamp);
  return record;
}

function relayOf(part: JsonObject | null): string | null {
  const ip = str(part?.remoteMtaIp);
  return ip === null || ip === '' ? null : `[${ip}]`;
}

export const amazonsesEvent: EventReader = {
  id: ID,
  matches(event) {
    const kind = kindOf(event);
    return kind === 'Bounce' || kind === 'Complaint' || kind === 'Delivery' || kind === 'DeliveryDelay';
  },
  read(event) {
    const kind = kindOf(event);
    const out: LogRecord[] = [];
    if (kind === 'Bounce') {
      const bounce = obj(event.bounce);
      const type = [str(bounce?.bounceType), str(bounce?.bounceSubType)].filter((s) => s !== null).join('/');
      // SES did not send to an address on a suppression list at all.
      const suppressed = /Suppress/i.test(str(bounce?.bounceSubType) ?? '');
      for (const r of arr(bounce?.bouncedRecipients)) {
        const rcpt = obj(r);
        if (rcpt === null) continue;
        const record = base(event, bounce?.timestamp);
        record.recipient = cleanAddress(str(rcpt.emailAddress) ?? '');
        record.action = 'failed';
        record.status = str(rcpt.status);
        record.text = withoutDiagnosticType(str(rcpt.diagnosticCode) ?? '');
        record.relay = relayOf(bounce);
        record.logStatus = type || null;
        if (suppressed) record.reason = 'suppressed';
        out.push(record);
      }
    } else if (kind === 'Complaint') {
      const complaint = obj(event.complaint);
      const feedback = str(complaint?.complaintFeedbackType);
      for (const r of arr(complaint?.complainedRecipients)) {
        const record = base(event, complaint?.timestamp);
        record.recipient = cleanAddress(str(obj(r)?.emailAddress) ?? '');
        record.reason = 'feedback';
        record.feedbackType = feedback ?? 'abuse';
        record.logStatus = feedback === null ? 'Complaint' : `Complaint/${feedback}`;
        out.push(record);
      }
    } else if (kind === 'Delivery') {
      const delivery = obj(event.delivery);
      for (const r of arr(delivery?.recipients)) {
        const record = base(event, delivery?.timestamp);
        record.recipient = cleanAddress(str(r) ?? '');
        record.action = 'delivered';
        record.text = str(delivery?.smtpResponse) ?? '';
        record.relay = relayOf(delivery);
        record.logStatus = 'Delivery';
        out.push(record);
      }
    } else if (kind === 'DeliveryDelay') {
      const delay = obj(event.deliveryDelay);
      for (const r of arr(delay?.delayedRecipients)) {
        const rcpt = obj(r);
        if (rcpt === null) continue;
        const record = base(event, delay?.timestamp);
        record.recipient = cleanAddress(str(rcpt.emailAddress) ?? '');
        record.action = 'delayed';
        record.status = str(rcpt.status);
        record.text = withoutDiagnosticType(str(rcpt.diagnosticCode) ?? '');
        record.logStatus = str(delay?.delayType) ?? 'DeliveryDelay';
        out.push(record);
      }
    }
    return out;
  },
};
