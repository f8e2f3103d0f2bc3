import type { ReasonRule } from './rule.js';

export const expired: ReasonRule = {
  id: 'expired',
  actor: 'network',
  title: 'Delivery timed out after retrying',
  explanation:
    'The sending server kept retrying but could not hand the message over in time, usually because the receiving server could not be reached; it has given up, or is still retrying in a delay warning.',
  advice: "Check that the recipient's domain and mail servers are up; resend later or ask the recipient.",
  statusCodes: ['4.4.7', '5.4.7', '4.4.1', '5.4.300'],
  phrases: [
    // English
    'retry timeout exceeded',
    'retry time not reached', // Exim: "all hosts for 'example.net' have been failing for a long time (and retry time not reached)"
    'delivery retry timeout',
    'envelope expired',
    'message expired',
    'queue.expired',
    'delivery time expired',
    'delivery expired',
    'in the queue too long',
    'could not be delivered for',
    'could not deliver for',
    'recipients was aborted after',
    'not delivered within',
    'unable to deliver in',
    'timed out',
    'did not accept our requests to connect',
    'unable to connect',
    'could not connect',
    'couldn\'t connect',
    'establish an smtp connection',
    'host not reachable',
    'not responding',
    'connection refused',
    // German
    'zeitüberschreitung',
    'zustellung abgelaufen',
    // French
    'délai de remise dépassé',
    'délai expiré',
    'message expiré',
    // Spanish
    'tiempo de espera agotado',
    'mensaje caducado',
    // Italian
    'tempo di consegna scaduto',
    'messaggio scaduto',
    // Portuguese
    'tempo esgotado',
    'mensagem expirada',
    // Japanese
    'タイムアウト',
    '配送期限',
    // Chinese
    '投递超时',
    '连接超时',
    '邮件已过期',
    // Russian
    'превышено время ожидания',
    'истекло время',
    'срок доставки истёк',
  ],
  hints: ['has been delayed', 'delivery is delayed'],
};
