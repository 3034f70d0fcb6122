import { assertNever } from '../../errors';
import { quoteIdent, quoteTable, type TableId } from '../dialect/identifiers';
import { copyField, sqlType } from '../dialect/pg-sink-types';
import type { SqlSession } from '../sql-client';
import type { FieldsMetadata } from './fields-metadata';

export type InsertMode = 'insert' | 'upsert' | 'update';

/**
 * How a batch of rows reaches the table. `unnest`: one statement binding one array per column;
 * `values`: multi-row VALUES lists; `copy-merge`: COPY into a temporary staging table, then
 * one INSERT ... SELECT / UPDATE ... FROM. bench/jdbc-sink compares them.
 */
export type WriteStrategy = 'unnest' | 'values' | 'copy-merge';

export interface TableBatch {
  readonly table: TableId;
  readonly meta: FieldsMetadata;
  /** Params per row, in `meta.columns` order. */
  readonly rows: readonly (readonly unknown[])[];
  /** Key params per deleted row, in `meta.keyColumns` order. */
  readonly deletes: readonly (readonly unknown[])[];
}

const MAX_PARAMS = 65535;

function conflictClause(mode: InsertMode, meta: FieldsMetadata, source: string): string {
  if (mode !== 'upsert' || meta.keyColumns.length === 0) return '';
  const keys = meta.keyColumns.map((c) => quoteIdent(c.name)).join(', ');
  if (meta.valueColumns.length === 0) return ` ON CONFLICT (${keys}) DO NOTHING`;
  const sets = meta.valueColumns
    .map((c) => `${quoteIdent(c.name)} = ${source}.${quoteIdent(c.name)}`)
    .join(', ');
  return ` ON CONFLICT (${keys}) DO UPDATE SET ${sets}`;
}

function unnestSource(meta: FieldsMetadata, columns = meta.columns, offset = 0): string {
  const arrays = columns.map((c, i) => `$${i + 1 + offset}::${sqlType(c.schema)}[]`).join(', ');
  return `SELECT * FROM unnest(${arrays}) AS v(${columns.map((c) => quoteIdent(c.name)).join(', ')})`;
}

function updateSql(table: TableId, meta: FieldsMetadata, source: string): string {
  const sets = meta.valueColumns
    .map((c) => `${quoteIdent(c.name)} = v.${quoteIdent(c.name)}`)
    .join(', ');
  const where = meta.keyColumns
    .map((c) => `t.${quoteIdent(c.name)} = v.${quoteIdent(c.name)}`)
    .join(' AND ');
  return `UPDATE ${quoteTable(table)} AS t SET ${sets} FROM (${source}) AS v WHERE ${where}`;
}

function transpose(rows: readonly (readonly unknown[])[], width: number): unknown[][] {
  const columns: unknown[][] = Array.from({ length: width }, () => []);
  for (const row of rows) for (let i = 0; i < width; i++) columns[i]!.push(row[i] ?? null);
  return columns;
}

async function writeUnnest(session: SqlSession, mode: InsertMode, b: TableBatch): Promise<void> {
  const cols = b.meta.columns.map((c) => quoteIdent(c.name)).join(', ');
  const params = transpose(b.rows, b.meta.columns.length);
  if (mode === 'update')
    await session.query(updateSql(b.table, b.meta, unnestSource(b.meta)), params);
  else
    await session.query(
      `INSERT INTO ${quoteTable(b.table)} (${cols}) ${unnestSource(b.meta)}${conflictClause(mode, b.meta, 'EXCLUDED')}`,
      params,
    );
}

async function writeValues(session: SqlSession, mode: InsertMode, b: TableBatch): Promise<void> {
  const width = b.meta.columns.length;
  const perStatement = Math.max(1, Math.floor(MAX_PARAMS / width));
  const cols = b.meta.columns.map((c) => quoteIdent(c.name)).join(', ');
  for (let start = 0; start < b.rows.length; start += perStatement) {
    const chunk = b.rows.slice(start, start + perStatement);
    const tuples = chunk
      .map(
        (_r, i) =>
          `(${b.meta.columns.map((c, j) => `$${i * width + j + 1}::${sqlType(c.schema)}`).join(', ')})`,
      )
      .join(', ');
    const params = chunk.flatMap((r) => [...r]);
    if (mode === 'update') {
      const source = `SELECT * FROM (VALUES ${tuples}) AS v(${cols})`;
      await session.query(updateSql(b.table, b.meta, source), params);
    } else {
      await session.query(
        `INSERT INTO ${quoteTable(b.table)} (${cols}) VALUES ${tuples}${conflictClause(mode, b.meta, 'EXCLUDED')}`,
        params,
      );
    }
  }
}

async function writeCopyMerge(session: SqlSession, mode: InsertMode, b: TableBatch): Promise<void> {
  const stage = quoteIdent(`brook_stage_${b.table.table}`.slice(0, 63));
  const cols = b.meta.columns.map((c) => quoteIdent(c.name)).join(', ');
  const defs = b.meta.columns.map((c) => `${quoteIdent(c.name)} ${sqlType(c.schema)}`).join(', ');
  await session.query(`CREATE TEMP TABLE IF NOT EXISTS ${stage} (${defs}) ON COMMIT DELETE ROWS`);
  const data = b.rows.map((r) => r.map(copyField).join('\t')).join('\n') + '\n';
  await session.copyFrom(`COPY ${stage} (${cols}) FROM STDIN`, data);
  const source = `SELECT ${cols} FROM ${stage}`;
  if (mode === 'update') await session.query(updateSql(b.table, b.meta, source));
  else
    await session.query(
      `INSERT INTO ${quoteTable(b.table)} (${cols}) ${source}${conflictClause(mode, b.meta, 'EXCLUDED')}`,
    );
  await session.query(`DROP TABLE ${stage}`);
}

async function deleteRows(session: SqlSession, b: TableBatch): Promise<void> {
  if (b.deletes.length === 0) return;
  const keys = b.meta.keyColumns;
  const tuple = keys.map((c) => quoteIdent(c.name)).join(', ');
  const params = transpose(b.deletes, keys.length);
  await session.query(
    `DELETE FROM ${quoteTable(b.table)} WHERE (${tuple}) IN (${unnestSource(b.meta, keys)})`,
    params,
  );
}

/** Writes one table batch in the caller's transaction: deletes first, then the rows. */
export async function writeBatch(
  session: SqlSession,
  mode: InsertMode,
  strategy: WriteStrategy,
  b: TableBatch,
): Promise<void> {
  await deleteRows(session, b);
  if (b.rows.length === 0) return;
  if (mode === 'update' && b.meta.valueColumns.length === 0) return;
  switch (strategy) {
    case 'unnest':
      return writeUnnest(session, mode, b);
    case 'values':
      return writeValues(session, mode, b);
    case 'copy-merge':
      return writeCopyMerge(session, mode, b);
    default:
      return assertNever(strategy);
  }
}
