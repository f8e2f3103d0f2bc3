// SparkPost message events: webhook batches of {"msys": {"message_event": {…}}}
// and the Events API's results. Types read: "bounce" and "out_of_band" (with
// bounce_class, SparkPost's numbered classification), "delay", "delivery",
// "policy_rejection"; raw_reason holds the server's reply, error_code its code.
import type { EventReader, JsonObject } from './types';
import type { LogAction } from '../logs/types';
import { blankRecord, obj, str, timeOf, withoutDiagnosticType } from './json';
import { cleanAddress } from '../text/addresses';

const ACTIONS: Readonly<Record<string, LogAction>> = {
  bounce: 'failed',
  out_of_band: 'failed',
  policy_rejection: 'failed',
  generation_rejection: 'failed',
  generation_failure: 'failed',
  delay: 'delayed',
  delivery: 'delivered',
};

/** The event object inside the msys wrapper, or the event itself. */
function inner(event: JsonObject): JsonObject {
  const msys = obj(event.msys);
  if (msys === null) return event;
  return obj(msys.message_event) ?? obj(msys.track_event) ?? obj(msys.gen_event) ?? msys;
}

export const sparkpostEvent: EventReader = {
  id: 'sparkpost-event',
  matches(event) {
    const e = inner(event);
    return obj(event.msys) !== null || (typeof e.type === 'string' && typeof e.rcpt_to === 'string' && ('bounce_class' in e || 'transmission_id' in e));
  },
  read(event) {
    const e = inner(event);
    const type = str(e.type) ?? '';
    const action = ACTIONS[type];
    if (action === undefined) return [];
    const record = blankRecord(this.id);
    record.recipient = cleanAddress(str(e.rcpt_to) ?? str(e.raw_rcpt_to) ?? '');
    record.sender = cleanAddress(str(e.friendly_from) ?? str(e.msg_from) ?? '');
    record.timestamp = timeOf(e.timestamp);
    record.queueId = str(e.message_id);
    record.action = action;
    record.text = withoutDiagnosticType(str(e.raw_reason) ?? str(e.reason) ?? '');
    const code = str(e.error_code);
    if (code !== null && record.text !== '' && !record.text.includes(code)) record.text = `${code} ${record.text}`;
    const cls = str(e.bounce_class);
    record.logStatus = cls === null ? type : `${type}/${cls}`;
    // Class 25 is SparkPost's "Admin Failure": its own suppression list or policy.
    if (cls === '25' && /suppress/i.test(record.text)) record.reason = 'suppressed';
    return [record];
  },
};
