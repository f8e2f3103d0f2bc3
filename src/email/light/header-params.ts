// A structured header value ("type/subtype; key=value") split into its value
// and parameters, as libmime splits it.
import { decline } from './decline';

export interface HeaderValue {
  value: string;
  params: Record<string, string>;
}

const isSpace = (c: string): boolean => c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === '\f' || c === '\v';

/**
 * "type/subtype; key=value; key2="quoted"" split like libmime's parseHeaderValue,
 * for values with no comments, escapes or RFC 2231 parameters (mimeHeader and the
 * check below decline those).
 */
export function parseHeaderValue(text: string): HeaderValue {
  const simple = splitHeaderValue(text);
  if (simple !== null) return simple;
  const result: HeaderValue = { value: '', params: {} };
  let key: string | null = null;
  let inKey = false;
  let value = '';
  let valueEnd = 0;
  let quote = false;
  let quoteClosed = false;
  const commit = (): void => {
    const collected = value.slice(0, valueEnd);
    value = '';
    valueEnd = 0;
    if (inKey) {
      const name = collected.toLowerCase();
      if (name !== '' && !Object.hasOwn(result.params, name)) result.params[name] = '';
    } else if (key === null) result.value = collected;
    else if (!Object.hasOwn(result.params, key)) result.params[key] = collected;
  };
  for (const c of text) {
    if (inKey) {
      if (c === '=') {
        key = value.slice(0, valueEnd).toLowerCase();
        value = '';
        valueEnd = 0;
        inKey = false;
      } else if (c === ';') commit();
      else if (isSpace(c)) {
        if (value.length > 0) value += c;
      } else {
        value += c;
        valueEnd = value.length;
      }
      continue;
    }
    if (quoteClosed && c !== ';') continue;
    if (c === '"') {
      quoteClosed = quote;
      quote = !quote;
    } else if (!quote && c === ';') {
      commit();
      inKey = true;
      quoteClosed = false;
    } else if (!quote && isSpace(c)) {
      if (value.length > 0) value += c;
    } else {
      value += c;
      valueEnd = value.length;
    }
  }
  commit();
  for (const name of Object.keys(result.params)) {
    // RFC 2231 continuations and charsets (name*=, name*0=): left to mailparser.
    if (/\*(?:\d+\*?)?$/.test(name)) decline('MIME parameter: RFC 2231');
  }
  return result;
}

/**
 * parseHeaderValue for the common shapes, by splitting at ";" and "=": each
 * piece trimmed of the blanks libmime skips, a parameter value either bare or
 * wholly in quotes (kept as is inside them). null for anything else, such as a
 * ";" in quotes, which the full reading handles.
 */
function splitHeaderValue(text: string): HeaderValue | null {
  const pieces = text.split(';');
  const first = pieces[0] ?? '';
  if (first.includes('"')) return null;
  const result: HeaderValue = { value: first.trim(), params: {} };
  for (let i = 1; i < pieces.length; i++) {
    const piece = pieces[i] ?? '';
    const eq = piece.indexOf('=');
    const key = eq === -1 ? piece : piece.slice(0, eq);
    if (key.includes('"')) return null;
    const name = key.trim().toLowerCase();
    let value = eq === -1 ? '' : piece.slice(eq + 1).trim();
    if (value.includes('"')) {
      const inner = value.slice(1, -1);
      if (value.length < 2 || !value.startsWith('"') || !value.endsWith('"') || inner.includes('"')) return null;
      value = inner;
    }
    if ((eq === -1 && name === '') || Object.hasOwn(result.params, name)) continue;
    result.params[name] = value;
  }
  for (const name of Object.keys(result.params)) {
    if (/\*(?:\d+\*?)?$/.test(name)) decline('MIME parameter: RFC 2231');
  }
  return result;
}
