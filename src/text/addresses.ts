// Email addresses inside bounce text. The local part is capped at 64 characters
// (RFC 5321 §4.5.3.1.1) so a long run of address-like characters without an "@"
// costs at most 64 steps per start position; labels of the domain cannot hold a
// dot, so "(\.label)+" has a single way to match. The lookbehind lets a match
// start only where such a run starts: without it, a 10 MB run of "=" cost 64
// steps at each of its 10 million positions (3.7 s); with it, 64 steps in all.
const ADDRESS = /(?<![\w.!#$%&'*+/=?^`{|}~-])[\w.!#$%&'*+/=?^`{|}~-]{1,64}@[A-Z0-9-]+(?:\.[A-Z0-9-]+)+/gi;

// A field name glued to an address by "=" ("smtp=alice@example.com" in some
// gateways' notices, "to=alice@example.com" in log lines without brackets): "=" may
// stand in a local part, so only these names are taken off.
const FIELD_PREFIX = /^(?:smtp|to|rcpt|rfc822|orcpt|recipient)=/i;

// Addresses that answer for the mail system and are never the failed recipient.
const SYSTEM_LOCALS = new Set(['mailer-daemon', 'postmaster', 'mail-daemon', 'maildaemon', 'mailerdaemon']);

/** Every address in a text, in order, without surrounding dots. */
export function findAddresses(text: string): string[] {
  const out: string[] = [];
  ADDRESS.lastIndex = 0;
  for (let m = ADDRESS.exec(text); m !== null; m = ADDRESS.exec(text)) {
    // (?<!\.) so that a run of dots is tried once, not from each of its dots (ReDoS).
    out.push(m[0].replace(/^\.+|(?<!\.)\.+$/g, '').replace(FIELD_PREFIX, ''));
  }
  return out;
}

/** The first address in a text (findAddresses(text)[0]). */
export function firstAddress(text: string): string | undefined {
  return findAddresses(text)[0];
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
