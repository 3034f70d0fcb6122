/**
 * CSV as Apache Commons CSV writes it with QuoteMode.MINIMAL (what ksqlDB's DELIMITED format
 * uses): a field is quoted when it contains the delimiter, a quote, CR or LF, when it starts with
 * a character up to '#' (space, '!', '"', '#', controls) or ends with one up to space, when it is
 * the first field of the record and starts with a non-alphanumeric character, or when it is an
 * empty first field. Quotes inside are doubled. NULL is an empty, unquoted field.
 */
export function writeCsvRecord(fields: readonly (string | null)[], delimiter: string): string {
  return fields
    .map((f, i) => (f === null ? '' : quoteIfNeeded(f, i === 0, delimiter)))
    .join(delimiter);
}

function quoteIfNeeded(value: string, first: boolean, delimiter: string): string {
  return needsQuotes(value, first, delimiter) ? `"${value.replace(/"/g, '""')}"` : value;
}

const isAlphanumeric = (c: string) => /[0-9A-Za-z]/.test(c);

function needsQuotes(value: string, first: boolean, delimiter: string): boolean {
  if (value.length === 0) return first;
  const c = value[0]!;
  if (first && !isAlphanumeric(c)) return true;
  if (c <= '#') return true;
  for (const ch of value)
    if (ch === delimiter || ch === '"' || ch === '\n' || ch === '\r') return true;
  return value[value.length - 1]! <= ' ';
}

/** Splits one CSV record; a field is null when empty and unquoted. Throws on a stray quote. */
export function readCsvRecord(line: string, delimiter: string): (string | null)[] {
  const fields: (string | null)[] = [];
  let i = 0;
  for (;;) {
    if (line[i] === '"') {
      let text = '';
      i++;
      for (;;) {
        if (i >= line.length) throw new Error('Unterminated quoted field');
        if (line[i] === '"') {
          if (line[i + 1] === '"') {
            text += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        text += line[i++];
      }
      fields.push(text);
    } else {
      const end = line.indexOf(delimiter, i);
      const raw = end < 0 ? line.substring(i) : line.substring(i, end);
      fields.push(raw === '' ? null : raw);
      i = end < 0 ? line.length : end;
    }
    if (i >= line.length) return fields;
    if (!line.startsWith(delimiter, i))
      throw new Error(`Unexpected character after quoted field at ${i}`);
    i += delimiter.length;
    if (i === line.length) {
      fields.push(null);
      return fields;
    }
  }
}
