import { parseTableId, type TableId } from '../dialect/identifiers';
import type { SqlPool } from '../sql-client';

const RELKINDS: Record<string, readonly string[]> = {
  TABLE: ['r', 'p'],
  'PARTITIONED TABLE': ['p'],
  VIEW: ['v'],
  'MATERIALIZED VIEW': ['m'],
};

export interface TableFilter {
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  readonly schemaPattern: string | null;
  readonly tableTypes: readonly string[];
}

function matches(id: TableId, entry: string): boolean {
  const wanted = parseTableId(entry);
  return wanted.table === id.table && (wanted.schema === null || wanted.schema === id.schema);
}

/** Tables the connector copies, sorted by schema and name (a stable task assignment). */
export async function discoverTables(pool: SqlPool, filter: TableFilter): Promise<TableId[]> {
  const kinds = [...new Set(filter.tableTypes.flatMap((t) => RELKINDS[t.toUpperCase()] ?? []))];
  const result = await pool.query(
    `SELECT n.nspname AS schema, c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relkind = ANY($1::text[]) AND n.nspname NOT IN ('pg_catalog', 'information_schema')
       AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%' AND ($2::text IS NULL OR n.nspname LIKE $2::text)
       AND NOT c.relispartition
     ORDER BY n.nspname, c.relname`,
    [kinds, filter.schemaPattern],
  );
  const all = result.rows.map((r) => ({ schema: String(r['schema']), table: String(r['name']) }));
  return all.filter((id) => {
    if (filter.include.length > 0) return filter.include.some((e) => matches(id, e));
    return !filter.exclude.some((e) => matches(id, e));
  });
}

/** Splits `items` into at most `groups` contiguous groups of near-equal size (Connect's ConnectorUtils). */
export function groupPartitions<T>(items: readonly T[], groups: number): T[][] {
  const n = Math.max(1, Math.min(groups, items.length));
  const out: T[][] = [];
  const per = Math.floor(items.length / n);
  const extra = items.length % n;
  let start = 0;
  for (let i = 0; i < n; i++) {
    const size = per + (i < extra ? 1 : 0);
    out.push(items.slice(start, start + size));
    start += size;
  }
  return out;
}
