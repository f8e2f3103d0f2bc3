// Typed field values of RFC 3464 and RFC 5965 bodies ("rfc822; a@b", "smtp; 550 …").

/** Takes the type prefix off a typed field value: "rfc822; a@b" → "a@b", "smtp; 550 …" → "550 …". */
export function stripType(value: string): string {
  const semi = value.indexOf(';');
  if (semi === -1) return value.trim();
  const type = value.slice(0, semi).trim();
  // Address and diagnostic types are single tokens (rfc822, smtp, x-postfix, dns, x-unix…).
  return /^[A-Z][\w.-]*$/i.test(type) ? value.slice(semi + 1).trim() : value.trim();
}
