// One CSV row (RFC 4180: fields in double quotes may hold commas, a doubled
// quote is a quote). A single pass over the characters; quoted fields that
// span lines are not joined (each line is read alone).

/** The fields of one CSV line, unquoted. */
export function splitCsvRow(line: string, separator = ','): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
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
    } else if (c === '"' && field.trim() === '') {
      quoted = true;
      field = '';
    } else if (c === separator) {
      fields.push(field);
      field = '';
    } else {
      field += c;
    }
    i++;
  }
  fields.push(field);
  return fields;
}
