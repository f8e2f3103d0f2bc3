// Bounce text is written by strangers. Before any of it reaches a terminal,
// every character that can move the cursor, recolour, retitle, hide or reorder
// text is shown as a visible escape instead: C0 controls but tab and newline,
// DEL, C1 controls (0x9b is a one-byte CSI), bidi overrides and isolates
// (they reorder what a reader sees), zero-width and line/paragraph separators.
// Showing them, not stripping them, is itself a diagnosis ("the bounce held ESC").
const UNSAFE =
  // eslint-disable-next-line no-control-regex -- the control characters are what is matched
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g;

function escapeChar(c: string): string {
  return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** Text from a bounce made safe for a terminal: unsafe characters become `\u001b`-style escapes. */
export function sanitizeForTerminal(text: string): string {
  return text.replace(UNSAFE, escapeChar);
}

/** Same, and newlines and tabs too: for values shown on one line. */
export function sanitizeInline(text: string): string {
  return sanitizeForTerminal(text).replace(/[\n\t]/g, ' ');
}

// JSON.stringify escapes C0 controls but leaves DEL, C1 controls and bidi
// overrides raw; a JSON document printed to a terminal must not carry them either.
const UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g;
const HAS_UNSAFE_IN_JSON = /[\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/;

/** Escapes, inside an already serialised JSON text, the characters JSON.stringify leaves raw. */
export function escapeJsonText(json: string): string {
  // Tested first: replace() with a function copies the whole text even when
  // nothing matches, and most JSON lines hold none of these (a batch writes
  // thousands, ~3 KB each).
  return HAS_UNSAFE_IN_JSON.test(json) ? json.replace(UNSAFE_IN_JSON, escapeChar) : json;
}
