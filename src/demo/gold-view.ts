import type { PgQueryable } from '../../connectors';
import { renderTable } from '../cli/render-table';
import type { GoldTable } from './medallion-pipeline';

/** Rows per gold table; 0 for a table the sink has not created yet. */
export async function goldRowCounts(
  pg: PgQueryable,
  tables: readonly GoldTable[],
): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of tables) {
    out[t.table] = await pg
      .query<{ n: string }>(`select count(*) as n from ${quoteTable(t.table)}`)
      .then(
        (r) => Number(r.rows[0]?.n ?? 0),
        () => 0,
      );
  }
  return out;
}

/** The first `limit` rows of a gold table by its key, drawn as the ksql CLI draws tables. */
export async function renderGoldSnapshot(
  pg: PgQueryable,
  table: GoldTable,
  limit: number,
): Promise<string> {
  const order = table.keyColumns.map((k) => `"${k}"`).join(', ');
  const result = await pg
    .query(
      `select * from ${quoteTable(table.table)}${order ? ` order by ${order}` : ''} limit ${limit}`,
    )
    .catch(() => undefined);
  if (result === undefined || result.rows.length === 0) return `${table.table}: no rows yet`;
  const headers = Object.keys(result.rows[0] ?? {});
  const rows = result.rows.map((r) => headers.map((h) => cell(r[h])));
  return `${table.table}\n${renderTable(headers, rows)}`;
}

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : v.toFixed(2);
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'string') return v;
  if (typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}

/** `schema.table` -> `"schema"."table"`. */
export function quoteTable(name: string): string {
  return name
    .split('.')
    .map((p) => `"${p.replace(/"/g, '""')}"`)
    .join('.');
}
