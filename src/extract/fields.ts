// RFC 3464 and RFC 5965 bodies are groups of "Name: value" fields separated by
// blank lines (per-message group first, then one group per recipient).

/** Fields of one group, by lower-case name; a repeated field keeps its first value. */
export type FieldGroup = ReadonlyMap<string, string>;

/** Splits a field body into groups, joins folded lines and keeps the first value of each field. */
export function parseFieldGroups(body: string): FieldGroup[] {
  const groups: FieldGroup[] = [];
  for (const block of body.replace(/\r\n?/g, '\n').split(/\n[ \t]*\n/)) {
    const fields = new Map<string, string>();
    const unfolded = block.replace(/\n[ \t]+/g, ' ');
    for (const line of unfolded.split('\n')) {
      const colon = line.indexOf(':');
      if (colon <= 0) continue;
      const name = line.slice(0, colon).trim().toLowerCase();
      // A field name is printable ASCII without spaces (RFC 5322 §2.2); anything
      // else is body text that happens to hold a colon.
      if (!/^[\x21-\x39\x3b-\x7e]+$/.test(name)) continue;
      if (!fields.has(name)) fields.set(name, line.slice(colon + 1).trim());
    }
    if (fields.size > 0) groups.push(fields);
  }
  return groups;
}

/** Takes the type prefix off a typed field value: "rfc822; a@b" → "a@b", "smtp; 550 …" → "550 …". */
export function stripType(value: string): string {
  const semi = value.indexOf(';');
  if (semi === -1) return value.trim();
  const type = value.slice(0, semi).trim();
  // Address and diagnostic types are single tokens (rfc822, smtp, x-postfix, dns, x-unix…).
  return /^[A-Z][\w.-]*$/i.test(type) ? value.slice(semi + 1).trim() : value.trim();
}
