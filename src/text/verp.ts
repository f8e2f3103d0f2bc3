import type { VerpDecoding } from '../types';

// Return addresses that carry another address inside them.
//
// VERP (variable envelope return path, qmail's and Mailman's scheme): a list
// sends each copy with its own envelope sender, the member's address folded
// into the local part, so a bounce names the member even when its text does
// not: "bounces+jane=example.com@list.example.org" was sent to jane@example.com.
//
// SRS (the sender rewriting scheme of forwarders, so SPF still passes): a
// forwarder replaces the envelope sender with one of its own that holds the
// original, "SRS0=HHH=TT=example.org=bounces@forwarder.example"; a second
// forwarder makes it "SRS1=HHH=forwarder.example==HHH=TT=example.org=bounces@…".
// Unwrapping it gives the original envelope sender, which may itself be a VERP
// address. SRS holds a sender, never a recipient.
//
// Everything here is string slicing, no regex over the whole address.


// Words that end the fixed part of a VERP local part written with "-"
// ("list-bounces-jane=example.com", ezmlm's "list-return-42-jane=example.com").
const VERP_WORDS = new Set(['bounce', 'bounces', 'return', 'returns', 'owner', 'errors', 'verp', 'bo', 'rp']);

/** Whether a text is a plausible domain name: labels of letters, digits and hyphens, a dot, an alphabetic TLD. */
function isDomain(text: string): boolean {
  if (text.length < 3 || text.length > 253) return false;
  const labels = text.split('.');
  if (labels.length < 2) return false;
  for (const label of labels) {
    if (label === '' || label.length > 63 || label.startsWith('-') || label.endsWith('-')) return false;
    if (!/^[a-z0-9-]+$/i.test(label)) return false;
  }
  return /^[a-z]{2,63}$/i.test(labels[labels.length - 1] ?? '') || /^xn--[a-z0-9-]+$/i.test(labels[labels.length - 1] ?? '');
}

/** "local=domain" → "local@domain", split at the last "="; null when it is not an address. */
function foldedAddress(encoded: string): string | null {
  const eq = encoded.lastIndexOf('=');
  if (eq <= 0) return null;
  const local = encoded.slice(0, eq);
  const domain = encoded.slice(eq + 1);
  if (local.includes('@') || /\s/.test(local) || !isDomain(domain)) return null;
  return `${local}@${domain.toLowerCase()}`;
}

/** A VERP local part: its fixed part and the member address; null when it is not one. */
function verpOf(local: string): { base: string; member: string } | null {
  if (!local.includes('=')) return null;
  const plus = local.indexOf('+');
  if (plus > 0) {
    const member = foldedAddress(local.slice(plus + 1));
    return member === null ? null : { base: local.slice(0, plus), member };
  }
  // With "-": after a bounce word and any numbers that follow it, else after the first "-".
  const words = local.split('-');
  if (words.length < 2) return null;
  let cut = words.findIndex((w, i) => i < words.length - 1 && VERP_WORDS.has(w.toLowerCase()));
  if (cut === -1) cut = 0;
  while (cut + 1 < words.length - 1 && /^\d+$/.test(words[cut + 1] ?? '')) cut++;
  const member = foldedAddress(words.slice(cut + 1).join('-'));
  return member === null ? null : { base: words.slice(0, cut + 1).join('-'), member };
}

/** The original sender an SRS0 body holds ("HHH=TT=domain=local"), or null. */
function srs0Body(body: string): string | null {
  // hash "=" timestamp "=" domain "=" local part (which may hold "=" itself)
  const first = body.indexOf('=');
  const second = first === -1 ? -1 : body.indexOf('=', first + 1);
  const third = second === -1 ? -1 : body.indexOf('=', second + 1);
  if (third === -1) return null;
  const domain = body.slice(second + 1, third);
  const local = body.slice(third + 1);
  if (local === '' || local.includes('@') || !isDomain(domain)) return null;
  return `${local}@${domain.toLowerCase()}`;
}

/** The original sender an SRS local part holds, with its scheme; null when it is not SRS. */
function srsOf(local: string): { scheme: 'srs0' | 'srs1'; sender: string } | null {
  const tag = local.slice(0, 4).toLowerCase();
  const sep = local[4];
  if ((tag !== 'srs0' && tag !== 'srs1') || (sep !== '=' && sep !== '+' && sep !== '-')) return null;
  const body = local.slice(5);
  if (tag === 'srs0') {
    const sender = srs0Body(body);
    return sender === null ? null : { scheme: 'srs0', sender };
  }
  // SRS1: hash "=" first forwarder "=" then an SRS0 body that starts with its own separator.
  const first = body.indexOf('=');
  if (first === -1) return null;
  const rest = body.slice(first + 1);
  const eq = rest.indexOf('=');
  if (eq === -1) return null;
  const inner = rest.slice(eq + 1).replace(/^[=+-]/, '');
  const sender = srs0Body(inner);
  return sender === null ? null : { scheme: 'srs1', sender };
}

/** Splits an address at its last "@"; null when it has no local part or domain. */
function split(address: string): { local: string; domain: string } | null {
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1) return null;
  return { local: address.slice(0, at), domain: address.slice(at + 1) };
}

/**
 * What a return address holds: the member of a VERP address and the original
 * sender of an SRS one (a VERP address under SRS gives both). Null for an
 * ordinary address. A BATV tag ("prvs=1234abcd=bounces+…") is looked through.
 */
export function decodeReturnAddress(address: string): VerpDecoding | null {
  // Every scheme puts an "=" in the local part: most addresses stop here.
  if (!address.includes('=')) return null;
  const parts = split(address.trim());
  if (parts === null || parts.local.length > 512) return null;
  let { local } = parts;
  const batv = /^prvs=[0-9a-z]{1,20}=/i.exec(local);
  if (batv !== null) local = local.slice(batv[0].length);
  const srs = srsOf(local);
  if (srs !== null) {
    const inner = decodeReturnAddress(srs.sender);
    return { scheme: srs.scheme, sender: inner?.sender ?? srs.sender, recipient: inner?.recipient ?? null };
  }
  const verp = verpOf(local);
  if (verp === null) return null;
  return { scheme: 'verp', sender: `${verp.base}@${parts.domain}`, recipient: verp.member };
}
