// One CSV row (RFC 4180: fields in double quotes may hold commas, a doubled
// quote is a quote). A single pass over the characters; quoted fields that
// span lines are not joined (each line is read alone).

/** The fields of one CSV line, unquoted. */
export function splitCsvRow(line: string, separator = ','): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  // Whether the field has a character other than a space yet: a quote opens a
  // quoted field only before any (kept as a flag, not found again by trim(),
  // so that a line of quotes costs one pass).
  let started = false;
  let i = 0;
  while (i < line.length) {
    const c = line.charAt(i);
    if (quoted) {
      if (c === '"') {
        if (line.charAt(i + 1) === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"' && !started) {
      quoted = true;
      started = true;
      field = '';
    } else if (c === separator) {
      fields.push(field);
      field = '';
      started = false;
    } else {
      field += c;
      if (c !== ' ') started = true;
    }
    i++;
  }
  fields.push(field);
  return fields;
}
