import type { SqlPool } from '../jdbc/sql-client';
import { quoteIdent, type TableRef } from './cdc-catalog';

/** Key values travel as text and Postgres casts them back in the row comparisons below. */
export type KeyTexts = readonly string[];

// Qualified, so ORDER BY and WHERE see the typed columns, not the ::text output columns.
const col = (name: string) => `src.${quoteIdent(name)}`;
const from = (ref: TableRef) => `${quoteIdent(ref.schema)}.${quoteIdent(ref.table)} AS src`;
const placeholders = (first: number, n: number) =>
  Array.from({ length: n }, (_v, i) => `$${first + i + 1}`).join(', ');

/** `additional-conditions` filters are SQL written by whoever may insert into the signal table. */
const where = (condition: string | null) => (condition === null ? '' : `(${condition}) AND `);

/** The largest primary key of the rows the snapshot reads, or null when there are none. */
export async function maximumKey(
  pool: SqlPool,
  ref: TableRef,
  keyColumns: readonly string[],
  condition: string | null,
): Promise<KeyTexts | null> {
  const keys = keyColumns.map(col);
  const r = await pool.query(
    `SELECT ${keys.map((k) => `${k}::text`).join(', ')} FROM ${from(ref)}
      WHERE ${where(condition)}true
      ORDER BY ${keys.map((k) => `${k} DESC`).join(', ')} LIMIT 1`,
  );
  const row = r.rows[0];
  return row === undefined ? null : r.fields.map((f) => String(row[f.name]));
}

/** The next rows (column texts) in primary-key order after `lastKey`, up to `maxKey`. */
export async function readChunk(
  pool: SqlPool,
  chunk: {
    readonly ref: TableRef;
    readonly columns: readonly string[];
    readonly keyColumns: readonly string[];
    readonly lastKey: KeyTexts | null;
    readonly maxKey: KeyTexts;
    readonly size: number;
    readonly condition: string | null;
  },
): Promise<(string | null)[][]> {
  const keys = chunk.keyColumns.map(col).join(', ');
  const n = chunk.keyColumns.length;
  const params = [...(chunk.lastKey ?? []), ...chunk.maxKey];
  const after = chunk.lastKey === null ? '' : `(${keys}) > (${placeholders(0, n)}) AND `;
  const r = await pool.query(
    `SELECT ${chunk.columns.map((c) => `${col(c)}::text`).join(', ')} FROM ${from(chunk.ref)}
      WHERE ${where(chunk.condition)}${after}(${keys}) <= (${placeholders(params.length - n, n)})
      ORDER BY ${keys} LIMIT ${chunk.size}`,
    params,
  );
  return r.rows.map((row) => r.fields.map((f) => row[f.name] as string | null));
}
