// Email addresses inside bounce text. The local part is capped at 64 characters
// (RFC 5321 §4.5.3.1.1) so a long run of address-like characters without an "@"
// costs at most 64 steps per start position; labels of the domain cannot hold a
// dot, so "(\.label)+" has a single way to match.
const ADDRESS = /[\w.!#$%&'*+/=?^`{|}~-]{1,64}@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g;

// Addresses that answer for the mail system and are never the failed recipient.
const SYSTEM_LOCALS = new Set(['mailer-daemon', 'postmaster', 'mail-daemon', 'maildaemon', 'mailerdaemon']);

/** Every address in a text, in order, without surrounding dots. */
export function findAddresses(text: string): string[] {
  const out: string[] = [];
  ADDRESS.lastIndex = 0;
  for (let m = ADDRESS.exec(text); m !== null; m = ADDRESS.exec(text)) {
    out.push(m[0].replace(/^\.+|\.+$/g, ''));
  }
  return out;
}

/** An address value from a header or DSN field, without type, brackets, quotes or display name. */
export function cleanAddress(value: string): string | null {
  const found = findAddresses(value);
  return found[0] ?? null;
}

/** Whether an address belongs to the mail system (MAILER-DAEMON, postmaster) rather than a person. */
export function isSystemAddress(address: string): boolean {
  const local = address.slice(0, address.indexOf('@')).toLowerCase();
  return SYSTEM_LOCALS.has(local);
}
