// Postmark's bounce webhook (and its bounces API): RecordType "Bounce" with
// Type ("HardBounce", "Transient", "SoftBounce", "SpamNotification", …) and its
// TypeCode, Email, BouncedAt, Details (the server's reply), Description,
// MessageID; and the spam complaint webhook (RecordType "SpamComplaint").
import type { EventReader } from './types';
import type { LogRecord } from '../logs/types';
import { blankRecord, str, timeOf, withoutDiagnosticType } from './json';
import { cleanAddress } from '../text/addresses';

// Types that are not a failed delivery; the rest are.
const DELAYED = new Set(['Transient']);

export const postmarkEvent: EventReader = {
  id: 'postmark-event',
  matches(event) {
    return typeof event.Email === 'string' && (typeof event.TypeCode === 'number' || event.RecordType === 'Bounce' || event.RecordType === 'SpamComplaint');
  },
  read(event) {
    const type = str(event.Type) ?? str(event.RecordType) ?? '';
    const record: LogRecord = blankRecord(this.id);
    record.recipient = cleanAddress(str(event.Email) ?? '');
    record.sender = cleanAddress(str(event.From) ?? '');
    record.timestamp = timeOf(event.BouncedAt);
    record.queueId = str(event.MessageID);
    const details = withoutDiagnosticType(str(event.Details) ?? '');
    record.text = details === '' ? (str(event.Description) ?? '') : details;
    record.logStatus = type || null;
    if (type === 'SpamComplaint' || event.RecordType === 'SpamComplaint') {
      record.reason = 'feedback';
      record.feedbackType = 'abuse';
    } else if (type === 'AutoResponder') {
      record.reason = 'vacation';
    } else if (type === 'ManuallyDeactivated') {
      record.action = 'failed';
      record.reason = 'suppressed';
    } else {
      record.action = DELAYED.has(type) ? 'delayed' : 'failed';
    }
    return [record];
  },
};
