// Where everything in the lab listens (all on loopback, inside the lab's own
// network namespace) and the DNS zone that ties the names to those addresses.
import type { ZoneRecord } from './dns';

export const DNS_IP = '127.0.0.1';
export const REMOTE_IP = '127.0.0.2'; // scripted remote side: users, quota, size, relay, greylisting, content
export const COLLECTOR_IP = '127.0.0.3'; // receives the bounces (MX of sender.lab.example)
export const DNSBL_IP = '127.0.0.4'; // a remote side that checks its client in bl.lab.example
export const SPF_IP = '127.0.0.5'; // a remote side that checks the sender's SPF record
export const SENDER_REJECT_IP = '127.0.0.6'; // a remote side that refuses the envelope sender
export const NOTLS_IP = '127.0.0.7'; // the remote side again, for the domain where the sender requires TLS
export const DEAD_IP = '127.0.0.9'; // nothing listens here: connections are refused

/** The address each server under test listens on (port 25) and sends from. */
export const SERVER_IP: Record<string, string> = {
  postfix: '127.0.0.10',
  exim: '127.0.0.11',
  opensmtpd: '127.0.0.12',
  sendmail: '127.0.0.13',
};

export const SENDER_DOMAIN = 'sender.lab.example';
/** The SPF record of the sender's domain allows one documentation address only, so every lab server fails it. */
export const SENDER_SPF = 'v=spf1 ip4:192.0.2.25 -all';
export const DNSBL_ZONE = 'bl.lab.example';

function mxTo(host: string): ZoneRecord {
  return { mx: [{ pref: 10, host }] };
}

export function labZone(): Map<string, ZoneRecord> {
  const z = new Map<string, ZoneRecord>();
  z.set('lab.example', {});
  z.set(SENDER_DOMAIN, { ...mxTo('mx.sender.lab.example'), txt: [SENDER_SPF] });
  z.set('mx.sender.lab.example', { a: [COLLECTOR_IP] });
  z.set('remote.lab.example', mxTo('mx.remote.lab.example'));
  z.set('mx.remote.lab.example', { a: [REMOTE_IP] });
  z.set('other.lab.example', mxTo('mx.remote.lab.example')); // a domain the remote side does not serve
  // The sender requires TLS here. A host of its own, so that the TLS failure
  // does not put mx.remote.lab.example in the senders' retry databases.
  z.set('notls.lab.example', mxTo('mx.notls.lab.example'));
  z.set('mx.notls.lab.example', { a: [NOTLS_IP] });
  z.set('rbl.lab.example', mxTo('mx.rbl.lab.example'));
  z.set('mx.rbl.lab.example', { a: [DNSBL_IP] });
  z.set('spf.lab.example', mxTo('mx.spf.lab.example'));
  z.set('mx.spf.lab.example', { a: [SPF_IP] });
  z.set('senderreject.lab.example', mxTo('mx.senderreject.lab.example'));
  z.set('mx.senderreject.lab.example', { a: [SENDER_REJECT_IP] });
  z.set('dead.lab.example', mxTo('mx.dead.lab.example'));
  z.set('mx.dead.lab.example', { a: [DEAD_IP] });
  z.set(DNSBL_ZONE, {});
  for (const ip of ['127.0.0.1', ...Object.values(SERVER_IP)]) {
    z.set(ip.split('.').reverse().join('.') + '.' + DNSBL_ZONE, { a: ['127.0.0.2'], txt: ['listed by the lab'] });
  }
  for (const [name, ip] of Object.entries(SERVER_IP)) {
    z.set(`mx.${name}.lab.example`, { a: [ip] });
    z.set(`${name}.lab.example`, mxTo(`mx.${name}.lab.example`));
  }
  // nx.lab.example is deliberately absent: NXDOMAIN.
  return z;
}
