// The From header as mailparser gives it (its `from.text`).
import type { HeaderLine } from '../finish-email';
import { decline } from './decline';
import { decodeWords } from './encoded-words';
import { mailparserValue } from './header-lines';

// The From forms bounces use, read the way nodemailer's addressparser reads them:
//   addr | <addr> | <> | word | Name <addr> | "Name" <addr> | addr (Comment) | <addr> (Comment) | Name <addr> (Comment)
const PLAIN_ADDRESS = /^[\w!#$%&'*+/=?^`{|}~.-]+@[\d.a-z-]+$/i;
const PLAIN_WORD = /^[\w!#$%&'*+/=?^`{|}~.-]+$/;
// A phrase: no specials, no control or Unicode space characters, no "@".
const PHRASE = /^[^\s"(),:;<>@[\]\\]+(?: [^\s"(),:;<>@[\]\\]+)*$/u;
const QUOTED = /^"([^"\\\p{Cc}]+)"$/u;
// A comment's text (checked apart to be non-blank).
const COMMENT = /^\(([^()\\\p{Cc}]*)\)$/u;
const UNICODE_SPACE = /[\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff]/;

function formatAddress(address: string, name: string): string {
  // addressparser: a name equal to the address is dropped, an "address" with no "@" is a name.
  let addr = address;
  let display = name.trim();
  if (addr === display) {
    if (addr.includes('@')) display = '';
    else addr = '';
  }
  if (addr.includes('=?') || addr.includes('@xn--')) decline('From: encoded or IDN address');
  if (display !== '') display = decodeWords(display);
  if (display === '') return addr;
  const quoted = `"${display.replace(/["\\]/g, '\\$&')}"`;
  return addr === '' ? quoted : `${quoted} <${addr}>`;
}

/** The text of a simple "(comment)": not blank, not nested, no escapes. */
function commentText(comment: string): string {
  const text = (COMMENT.exec(comment)?.[1] ?? '').trim();
  return text === '' ? decline('From: comment shape') : text;
}

export function fromOf(lines: readonly HeaderLine[]): string {
  const line = lines.find((l) => l.key === 'from');
  if (line === undefined) return '';
  const value = mailparserValue(line);
  if (value === '') return '';
  if (UNICODE_SPACE.test(value) || /\p{Cc}/u.test(value)) decline('From: control or Unicode space');
  // A trailing " (comment)", then "phrase <address>" or a bare token.
  let rest = value;
  let comment: string | undefined;
  if (value.endsWith(')')) {
    const open = value.lastIndexOf(' (');
    if (open === -1) decline('From: comment shape');
    comment = value.slice(open + 1);
    rest = value.slice(0, open);
  }
  if (!rest.endsWith('>')) {
    // addr | word | addr (Comment)
    if (rest === '' || /\s/.test(rest)) decline('From: address shape');
    if (comment !== undefined) {
      if (!PLAIN_ADDRESS.test(rest)) decline('From: address shape');
      return formatAddress(rest, commentText(comment));
    }
    if (PLAIN_ADDRESS.test(rest)) return formatAddress(rest, '');
    if (PLAIN_WORD.test(rest) && !rest.includes('@')) return formatAddress(rest, rest);
    return decline('From: address shape');
  }
  const open = rest.lastIndexOf('<');
  if (open === -1) decline('From: address shape');
  const address = rest.slice(open + 1, -1);
  const before = rest.slice(0, open);
  const phrase = before.endsWith(' ') ? before.slice(0, -1) : before;
  if (address !== '' && !PLAIN_ADDRESS.test(address) && !PLAIN_WORD.test(address)) decline('From: address shape');
  let name = '';
  if (phrase !== '') {
    const quoted = QUOTED.exec(phrase);
    if (quoted !== null) name = quoted[1] ?? '';
    else if (PHRASE.test(phrase)) name = phrase;
    else decline('From: name shape');
    if (name.trim() === '' || name !== name.trim()) decline('From: name shape');
  }
  if (comment !== undefined) {
    const text = commentText(comment);
    // A comment names the address only when there is no other name.
    if (name === '') name = text;
  }
  // "Name <>" and "<word>": addressparser makes the text the address, then drops it as a name.
  return formatAddress(address === '' ? name : address, name === '' ? address : name);
}
