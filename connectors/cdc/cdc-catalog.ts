import { BadConfigError } from '../errors';
import type { SqlPool, SqlSession } from '../jdbc/sql-client';
import type { PgTypeInfo } from './pg-type-mapping';
import { captures, type TableFilter } from './table-filter';

export interface CatalogColumn {
  readonly name: string;
  readonly typeOid: number;
  readonly typeModifier: number;
  readonly nullable: boolean;
  readonly primaryKey: boolean;
  readonly typeInfo?: PgTypeInfo;
}

export interface TableRef {
  readonly schema: string;
  readonly table: string;
}

type Queryable = Pick<SqlSession, 'query'>;

export const quoteIdent = (s: string): string => `"${s.replace(/"/g, '""')}"`;
export const quoteLiteral = (s: string): string => `'${s.replace(/'/g, "''")}'`;

const ENUM_LABELS = (oid: string) =>
  `(SELECT string_agg(e.enumlabel, chr(31) ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = ${oid})`;

/**
 * Columns of a table in attribute order, with nullability, primary-key membership and the
 * catalog facts user-defined types need (enum labels, extension type names, array elements).
 */
export async function tableColumns(db: Queryable, ref: TableRef): Promise<CatalogColumn[]> {
  const r = await db.query(
    `SELECT a.attname AS name, a.atttypid::int AS oid, a.atttypmod AS typmod,
            NOT a.attnotnull AS nullable, COALESCE(a.attnum = ANY(i.indkey), false) AS pk,
            t.typname AS type_name, ${ENUM_LABELS('t.oid')} AS labels,
            t.typelem::int AS elem_oid, et.typname AS elem_name, ${ENUM_LABELS('et.oid')} AS elem_labels
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_type t ON t.oid = a.atttypid
       LEFT JOIN pg_type et ON et.oid = t.typelem AND t.typcategory = 'A'
       LEFT JOIN pg_index i ON i.indrelid = c.oid AND i.indisprimary
      WHERE n.nspname = $1 AND c.relname = $2 AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY a.attnum`,
    [ref.schema, ref.table],
  );
  const labels = (v: unknown) => (typeof v === 'string' ? v.split('\u001f') : null);
  return r.rows.map((row) => ({
    name: String(row['name']),
    typeOid: Number(row['oid']),
    typeModifier: Number(row['typmod']),
    nullable: row['nullable'] === true,
    primaryKey: row['pk'] === true,
    typeInfo: {
      name: String(row['type_name']),
      enumLabels: labels(row['labels']),
      element:
        typeof row['elem_name'] === 'string'
          ? {
              oid: Number(row['elem_oid']),
              info: {
                name: row['elem_name'],
                enumLabels: labels(row['elem_labels']),
                element: null,
              },
            }
          : null,
    },
  }));
}

/** Ordinary and partitioned tables the filter captures, sorted. */
export async function capturedTables(db: Queryable, filter: TableFilter): Promise<TableRef[]> {
  const r = await db.query(
    `SELECT n.nspname AS schema, c.relname AS table
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
      ORDER BY 1, 2`,
  );
  return r.rows
    .map((row) => ({ schema: String(row['schema']), table: String(row['table']) }))
    .filter((t) => captures(filter, t.schema, t.table));
}

/**
 * Creates (or, in filtered mode, re-scopes) the publication as `publication.autocreate.mode` says;
 * `extra` tables (the signal table) are published even when the filter does not capture them.
 */
export async function ensurePublication(
  pool: SqlPool,
  name: string,
  mode: 'all_tables' | 'filtered' | 'disabled',
  filter: TableFilter,
  extra: readonly TableRef[] = [],
): Promise<void> {
  const existing = await pool.query('SELECT puballtables FROM pg_publication WHERE pubname = $1', [
    name,
  ]);
  const exists = existing.rows.length > 0;
  switch (mode) {
    case 'disabled':
      if (!exists)
        throw new BadConfigError(
          `Publication ${name} does not exist and publication.autocreate.mode is disabled`,
        );
      return;
    case 'all_tables':
      if (!exists) await pool.query(`CREATE PUBLICATION ${quoteIdent(name)} FOR ALL TABLES`);
      return;
    case 'filtered': {
      const captured = await capturedTables(pool, filter);
      const tables = [
        ...captured,
        ...extra.filter((e) => !captured.some((t) => t.schema === e.schema && t.table === e.table)),
      ];
      if (tables.length === 0)
        throw new BadConfigError(
          `No table matches the include/exclude lists for publication ${name}`,
        );
      const list = tables.map((t) => `${quoteIdent(t.schema)}.${quoteIdent(t.table)}`).join(', ');
      await pool.query(
        exists
          ? `ALTER PUBLICATION ${quoteIdent(name)} SET TABLE ${list}`
          : `CREATE PUBLICATION ${quoteIdent(name)} FOR TABLE ${list}`,
      );
      return;
    }
  }
}

export async function slotExists(pool: SqlPool, slot: string): Promise<boolean> {
  const r = await pool.query('SELECT 1 FROM pg_replication_slots WHERE slot_name = $1', [slot]);
  return r.rows.length > 0;
}

/** Drops the slot, ending whatever walsender still holds it. */
export async function dropSlot(pool: SqlPool, slot: string): Promise<void> {
  await pool.query(
    'SELECT pg_terminate_backend(active_pid) FROM pg_replication_slots WHERE slot_name = $1 AND active_pid IS NOT NULL',
    [slot],
  );
  for (let attempt = 0; attempt < 20; attempt++) {
    try {
      await pool.query(
        'SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1',
        [slot],
      );
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
