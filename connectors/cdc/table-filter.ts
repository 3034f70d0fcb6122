/**
 * Debezium's include/exclude lists: comma-separated regular expressions matched against the
 * whole identifier (`schema` or `schema.table`). An include list, when set, wins over exclusion.
 */
export interface TableFilter {
  readonly schemaInclude: readonly RegExp[];
  readonly schemaExclude: readonly RegExp[];
  readonly tableInclude: readonly RegExp[];
  readonly tableExclude: readonly RegExp[];
}

export function regexList(text: string): RegExp[] {
  return text
    .split(/(?<!\\),/)
    .map((s) => s.trim().replace(/\\,/g, ','))
    .filter((s) => s !== '')
    .map((s) => new RegExp(`^(?:${s})$`, 'i'));
}

export function tableFilter(props: {
  readonly schemaInclude: string;
  readonly schemaExclude: string;
  readonly tableInclude: string;
  readonly tableExclude: string;
}): TableFilter {
  return {
    schemaInclude: regexList(props.schemaInclude),
    schemaExclude: regexList(props.schemaExclude),
    tableInclude: regexList(props.tableInclude),
    tableExclude: regexList(props.tableExclude),
  };
}

const SYSTEM_SCHEMAS = /^(pg_.*|information_schema)$/;

export function captures(filter: TableFilter, schema: string, table: string): boolean {
  if (SYSTEM_SCHEMAS.test(schema)) return false;
  const id = `${schema}.${table}`;
  const any = (list: readonly RegExp[], s: string) => list.some((r) => r.test(s));
  if (filter.schemaInclude.length > 0 && !any(filter.schemaInclude, schema)) return false;
  if (any(filter.schemaExclude, schema)) return false;
  if (filter.tableInclude.length > 0) return any(filter.tableInclude, id);
  return !any(filter.tableExclude, id);
}
