import type { Action, BounceEmail, Candidate, Extractor } from '../types';
import { cleanAddress } from '../text/addresses';
import { stripType } from './shared/report-fields';
import { parseSmtpLine } from '../smtp/parse-smtp-line';
import { statusOf } from './shared/candidates';
import { commandOf } from '../smtp/commands';
import { readDeliveryStatus } from './shared/dsn';
import { MAX_SES_JSON_CHARS } from '../limits';

// Amazon SES notifications relayed by Amazon SNS as email ("AWS Notification
// Message" from no-reply@sns.amazonaws.com): the body is SES's JSON event,
// either bare or as the string "Message" of SNS's own JSON envelope.
//   {"notificationType":"Bounce","bounce":{"bounceType":"Permanent",
//    "bouncedRecipients":[{"emailAddress":"kijitora@example.jp","action":"failed",
//    "status":"5.1.1","diagnosticCode":"smtp; 550 5.1.1 user unknown"}],
//    "reportingMTA":"dsn; a1-2.smtp-out.us-west-2.amazonses.com"}, …}
// The DSNs SES itself sends (MAILER-DAEMON@amazonses.com) are RFC 3464, but
// older ones wrap the remote reply in SES's own words, which are read here first:
//   Diagnostic-Code: smtp; 5.1.0 - Unknown address error 550-'5.2.2 <kijitora@example.jp>... Mailbox Full' (delivery attempts: 0)
// "Unknown address error" is SES's category for the whole class, not the
// server's reason; the quoted reply is what the server said.
const SES_WRAPPED = /^[245]\.\d{1,3}\.\d{1,3} - [^'\n]{1,80} ([2-5]\d\d)-'(.{0,2000})' \(delivery attempts: \d{1,6}\)$/s;

// Guard (src/limits.ts MAX_SES_JSON_CHARS): characters JSON.parse may read of an Amazon SES event (one is a few KB).

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v : null;
}

function list(v: unknown): unknown[] {
  return Array.isArray(v) ? v.slice(0, 1000) : [];
}

function tryParse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The SES event of the body, or null. Mail systems wrap long lines; those wraps are undone first. */
function eventOf(email: BounceEmail): Json | null {
  const start = email.text.indexOf('{');
  const end = email.text.lastIndexOf('}');
  if (start === -1 || end <= start || end - start > MAX_SES_JSON_CHARS) return null;
  const raw = email.text.slice(start, end + 1);
  // A wrapped line goes on with a leading space; some relays also mark the cut with "!".
  const attempts = [raw, raw.replace(/\n[ \t]/g, ''), raw.replace(/!?\n[ \t]?/g, '')];
  for (const text of attempts) {
    const outer = tryParse(text);
    if (!isObject(outer)) continue;
    const inner = str(outer.Message);
    const event = inner === null ? outer : tryParse(inner);
    if (isObject(event) && str(event.notificationType) !== null) return event;
  }
  return null;
}

function bounces(event: Json): Candidate[] {
  const bounce = isObject(event.bounce) ? event.bounce : {};
  const transient = str(bounce.bounceType) === 'Transient';
  const reporting = str(bounce.reportingMTA);
  return list(bounce.bouncedRecipients).flatMap((r) => {
    if (!isObject(r)) return [];
    const diagnostic = stripType(str(r.diagnosticCode) ?? '');
    const action = (str(r.action) ?? (transient ? 'delayed' : 'failed')) as Action;
    const status = str(r.status);
    return [
      {
        recipient: cleanAddress(str(r.emailAddress) ?? ''),
        action: ['failed', 'delayed', 'delivered', 'relayed', 'expanded'].includes(action) ? action : null,
        // SES's "status" is the recipient's status field; without a valid one, the bounce type states the class.
        ...(status !== null && /^[245]\.\d{1,3}\.\d{1,3}$/.test(status)
          ? { statusField: status }
          : { statusField: null, statedStatus: transient ? '4.0.0' : '5.0.0' }),
        diagnostic,
        remoteMta: null,
        command: commandOf(diagnostic),
        format: 'amazonses',
        reportingMta: reporting === null ? null : stripType(reporting),
      },
    ];
  });
}

function complaints(event: Json): Candidate[] {
  const complaint = isObject(event.complaint) ? event.complaint : {};
  const type = str(complaint.complaintFeedbackType) ?? 'abuse';
  return list(complaint.complainedRecipients).flatMap((r) => {
    if (!isObject(r)) return [];
    return [
      {
        recipient: cleanAddress(str(r.emailAddress) ?? ''),
        action: null,
        statusField: null,
        diagnostic: str(complaint.userAgent) ?? '',
        remoteMta: null,
        command: null,
        format: 'amazonses',
        reason: 'feedback' as const,
        feedbackType: type,
      },
    ];
  });
}

function deliveries(event: Json): Candidate[] {
  const delivery = isObject(event.delivery) ? event.delivery : {};
  const response = str(delivery.smtpResponse) ?? '';
  return list(delivery.recipients).flatMap((r) => {
    const recipient = cleanAddress(str(r) ?? '');
    if (recipient === null) return [];
    return [
      {
        recipient,
        action: 'delivered' as const,
        statusField: null,
        diagnostic: response,
        remoteMta: str(delivery.remoteMtaIp),
        command: null,
        format: 'amazonses',
        reason: 'delivered' as const,
      },
    ];
  });
}

/** "5.1.0 - Unknown address error 550-'5.7.1 … Access denied' (delivery attempts: 0)" → "550 5.7.1 … Access denied". */
export function unwrapSesReply(diagnostic: string): string {
  const m = SES_WRAPPED.exec(diagnostic);
  return m === null ? diagnostic : `${m[1] ?? ''} ${m[2] ?? ''}`;
}

function sesDsn(email: BounceEmail): Candidate[] {
  return email.deliveryStatus
    .flatMap((body) => readDeliveryStatus(body, 'amazonses'))
    .map((c) => {
      const diagnostic = unwrapSesReply(c.diagnostic);
      if (diagnostic === c.diagnostic) return c;
      // SES's own code ("5.3.0 - Other mail system problem") stands in for a
      // reply that has none: "550-'Unknown user kijitora@example.jp'".
      const own = /^[245]\.\d{1,3}\.\d{1,3}/.exec(c.diagnostic)?.[0] ?? null;
      const status = statusOf(c);
      const replace = parseSmtpLine(diagnostic).status === null && (status === null || status.endsWith('.0.0'));
      // SES's own code is read from its text: a stated status, not a Status field.
      const statuses = replace ? { statusField: null, statedStatus: own } : {};
      return { ...c, diagnostic, ...statuses, command: commandOf(diagnostic) };
    });
}

export const amazonses: Extractor = {
  id: 'amazonses',
  matches: (email) =>
    (/@sns\.amazonaws\.com\b/i.test(email.from) && /"?notificationType\\?"\s?:/.test(email.text.slice(0, 8000))) ||
    (/@(?:[\w-]+\.)*amazonses\.com\b/i.test(email.from) && email.deliveryStatus.length > 0),
  extract: (email) => {
    if (email.deliveryStatus.length > 0) return sesDsn(email);
    const event = eventOf(email);
    if (event === null) return [];
    switch (str(event.notificationType)) {
      case 'Bounce':
        return bounces(event);
      case 'Complaint':
        return complaints(event);
      case 'Delivery':
        return deliveries(event);
      default:
        return [];
    }
  },
};
