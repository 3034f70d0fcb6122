/** A table as `schema.table`; `schema` null means the search path decides. */
export interface TableId {
  readonly schema: string | null;
  readonly table: string;
}

/** Always-quoted identifiers (Connect's `quote.sql.identifiers=always`): any name is safe. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

export function quoteTable(id: TableId): string {
  return id.schema === null
    ? quoteIdent(id.table)
    : `${quoteIdent(id.schema)}.${quoteIdent(id.table)}`;
}

/** Parses `schema.table`, `table`, or quoted parts (`"my schema"."my.table"`). */
export function parseTableId(text: string): TableId {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '"') {
      if (quoted && text[i + 1] === '"') {
        current += '"';
        i++;
      } else quoted = !quoted;
    } else if (ch === '.' && !quoted) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  const table = parts[parts.length - 1] ?? '';
  const schema = parts.length >= 2 ? parts[parts.length - 2]! : null;
  return { schema, table };
}

/** `schema.table`, quoting a part only when it holds a dot or a quote, so `parseTableId` reads it back. */
export function tableIdText(id: TableId): string {
  const part = (s: string) => (/[."]/.test(s) ? quoteIdent(s) : s);
  return id.schema === null ? part(id.table) : `${part(id.schema)}.${part(id.table)}`;
}
