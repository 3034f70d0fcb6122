import { DataError } from '../../errors';
import { quoteIdent, quoteTable, tableIdText, type TableId } from '../dialect/identifiers';
import { sqlType } from '../dialect/pg-sink-types';
import type { SqlPool } from '../sql-client';
import type { FieldsMetadata, SinkColumn } from './fields-metadata';

/**
 * Knows the destination tables' columns and, when allowed, creates tables (auto.create) and adds
 * missing columns (auto.evolve), as Confluent's DbStructure does. Columns are cached per table
 * and re-read before any DDL, so concurrent tasks racing to create a table both succeed.
 */
export class TableManager {
  private readonly columns = new Map<string, Set<string>>();

  constructor(
    private readonly pool: SqlPool,
    private readonly autoCreate: boolean,
    private readonly autoEvolve: boolean,
  ) {}

  async ensure(table: TableId, meta: FieldsMetadata): Promise<void> {
    const key = tableIdText(table);
    let found = this.columns.get(key) ?? (await this.read(table));
    if (found === null) {
      if (!this.autoCreate)
        throw new DataError(`Table ${quoteTable(table)} is missing and auto-creation is disabled`);
      await this.pool.query(createTableSql(table, meta));
      found = (await this.read(table)) ?? new Set<string>();
    }
    let existing: Set<string> = found;
    if (meta.columns.some((c) => !existing.has(c.name))) {
      const fresh: Set<string> = (await this.read(table)) ?? existing;
      const missing = meta.columns.filter((c) => !fresh.has(c.name));
      if (missing.length > 0) await this.evolve(table, missing);
      existing = (await this.read(table)) ?? fresh;
    }
    this.columns.set(key, existing);
  }

  private async evolve(table: TableId, missing: readonly SinkColumn[]): Promise<void> {
    const names = missing.map((c) => c.name).join(', ');
    if (!this.autoEvolve)
      throw new DataError(
        `Table ${quoteTable(table)} is missing fields (${names}) and auto-evolution is disabled`,
      );
    for (const c of missing) {
      if (!c.schema.optional && c.schema.defaultValue === undefined) {
        throw new DataError(
          `Cannot ALTER TABLE ${quoteTable(table)} to add missing field ${c.name}, as the field is not optional and does not have a default value`,
        );
      }
    }
    const adds = missing.map(
      (c) => `ADD COLUMN IF NOT EXISTS ${quoteIdent(c.name)} ${sqlType(c.schema)}`,
    );
    await this.pool.query(`ALTER TABLE ${quoteTable(table)} ${adds.join(', ')}`);
  }

  /** The table's column names, or null when it does not exist. */
  private async read(table: TableId): Promise<Set<string> | null> {
    const r = await this.pool.query(
      `SELECT a.attname FROM pg_attribute a WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped`,
      [quoteTable(table)],
    );
    if (r.rows.length > 0) return new Set(r.rows.map((row) => String(row['attname'])));
    const exists = await this.pool.query(`SELECT to_regclass($1) IS NOT NULL AS present`, [
      quoteTable(table),
    ]);
    return exists.rows[0]?.['present'] === true ? new Set() : null;
  }
}

export function createTableSql(table: TableId, meta: FieldsMetadata): string {
  const cols = meta.columns.map(
    (c) =>
      `${quoteIdent(c.name)} ${sqlType(c.schema)}${c.isKey || !c.schema.optional ? ' NOT NULL' : ''}`,
  );
  const pk =
    meta.keyColumns.length === 0
      ? ''
      : `,\nPRIMARY KEY(${meta.keyColumns.map((c) => quoteIdent(c.name)).join(', ')})`;
  return `CREATE TABLE IF NOT EXISTS ${quoteTable(table)} (\n${cols.join(',\n')}${pk})`;
}
