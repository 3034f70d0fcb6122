import { text } from '../../data/text';
import { structSchema, type ConnectSchema } from '../../data/connect-schema';
import { sourceRecord, type SourceRecord } from '../../data/connect-record';
import { DataError } from '../../errors';
import type { SourceOffset, SourcePartition } from '../../plugins/source-connector';
import { quoteTable, tableIdText, type TableId } from '../dialect/identifiers';
import {
  columnSchema,
  columnValue,
  isTimestampOid,
  type NumericMapping,
} from '../dialect/pg-source-types';
import { compareTimestamps, parsePgTimestamp, type PreciseTimestamp } from '../dialect/pg-temporal';
import type { SqlField, SqlPool } from '../sql-client';
import { incrementalQuery, type LoadMode, type QuerierOffset } from './offset-criteria';

export type QuerierSource =
  | { readonly kind: 'table'; readonly table: TableId; readonly database: string }
  | { readonly kind: 'query'; readonly query: string };

export interface QuerierSettings {
  readonly mode: LoadMode;
  readonly timestampColumns: readonly string[];
  readonly incrementingColumn: string;
  readonly topicPrefix: string;
  readonly batchMaxRows: number;
  readonly delayMs: number;
  readonly validateNonNull: boolean;
  readonly numericMapping: NumericMapping;
  readonly querySuffix: string;
}

interface Shape {
  readonly fields: readonly SqlField[];
  readonly schema: ConnectSchema;
  readonly timestampCast: 'timestamp' | 'timestamptz';
  readonly incrementingColumn: string | null;
}

/** Reads one table (or the custom query) incrementally and turns rows into SourceRecords. */
export class TableQuerier {
  nextPollAt = 0;
  private shape: Shape | undefined;
  readonly partition: SourcePartition;
  readonly topic: string;

  constructor(
    private readonly pool: SqlPool,
    private readonly source: QuerierSource,
    private readonly settings: QuerierSettings,
    private offset: QuerierOffset,
  ) {
    this.partition =
      source.kind === 'table'
        ? { protocol: '1', table: `${source.database}.${tableIdText(source.table)}` }
        : { query: 'query' };
    this.topic =
      source.kind === 'table'
        ? `${settings.topicPrefix}${source.table.table}`
        : settings.topicPrefix;
  }

  get name(): string {
    return this.source.kind === 'table' ? tableIdText(this.source.table) : 'query';
  }

  private base(): string {
    return this.source.kind === 'table'
      ? `SELECT * FROM ${quoteTable(this.source.table)}`
      : `SELECT * FROM (${this.source.query}) AS "brook_query"`;
  }

  /** One query: at most `batch.max.rows` rows after the current offset (bulk: the whole table). */
  async poll(): Promise<SourceRecord[]> {
    let shape = await this.currentShape();
    const { mode, batchMaxRows } = this.settings;
    const end = mode.startsWith('timestamp') ? await this.endBound() : { ms: 0, nanos: 0 };
    const cols = {
      timestampColumns: this.settings.timestampColumns,
      incrementingColumn: shape.incrementingColumn,
      timestampCast: shape.timestampCast,
    };
    const run = async (limit: number | null) => {
      const q = incrementalQuery(
        this.base(),
        mode,
        cols,
        this.offset,
        end,
        limit,
        this.settings.querySuffix,
      );
      return (await this.pool.query(q.text, q.params)).rows;
    };
    let rows = await run(mode === 'bulk' ? null : batchMaxRows);
    if (mode === 'timestamp' && rows.length === batchMaxRows)
      rows = await this.withoutSplitTies(rows, run);
    if (rows.length > 0 && this.shapeChanged(rows[0]!, shape)) {
      this.shape = undefined;
      shape = await this.currentShape();
    }
    return rows.map((row) => this.toRecord(row, shape));
  }

  /** Timestamp mode resumes strictly after the last timestamp, so a batch must not end inside a run of equal timestamps. */
  private async withoutSplitTies(
    rows: readonly Record<string, unknown>[],
    run: (limit: number | null) => Promise<readonly Record<string, unknown>[]>,
  ) {
    const last = this.rowTimestamp(rows[rows.length - 1]!);
    const first = this.rowTimestamp(rows[0]!);
    if (last === null || first === null) return rows;
    if (compareTimestamps(first, last) === 0)
      return (await run(null)).filter((r) => compareTimestamps(this.rowTimestamp(r)!, last) === 0);
    return rows.filter((r) => compareTimestamps(this.rowTimestamp(r)!, last) !== 0);
  }

  private shapeChanged(row: Record<string, unknown>, shape: Shape): boolean {
    const names = Object.keys(row);
    return (
      names.length !== shape.fields.length || names.some((n, i) => shape.fields[i]?.name !== n)
    );
  }

  private toRecord(row: Record<string, unknown>, shape: Shape): SourceRecord {
    const value: Record<string, unknown> = {};
    for (const f of shape.schema.fields ?? [])
      value[f.name] = columnValue(f.schema, row[f.name], f.name);
    const ts = this.rowTimestamp(row);
    const inc = shape.incrementingColumn === null ? null : row[shape.incrementingColumn];
    this.offset = {
      timestamp: ts ?? this.offset.timestamp,
      incrementing:
        inc === null || inc === undefined ? this.offset.incrementing : BigInt(text(inc)),
    };
    return sourceRecord({
      topic: this.topic,
      valueSchema: shape.schema,
      value,
      sourcePartition: this.partition,
      sourceOffset: encodeOffset(this.settings.mode, this.offset),
    });
  }

  private rowTimestamp(row: Record<string, unknown>): PreciseTimestamp | null {
    for (const c of this.settings.timestampColumns) {
      const raw = row[c];
      if (raw !== null && raw !== undefined) return parsePgTimestamp(text(raw));
    }
    return null;
  }

  private async endBound(): Promise<PreciseTimestamp> {
    const r = await this.pool.query(
      `SELECT to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS.US') AS now`,
    );
    const now = parsePgTimestamp(String(r.rows[0]?.['now']));
    const ms = now.ms - this.settings.delayMs;
    return { ms, nanos: (((ms % 1000) + 1000) % 1000) * 1e6 + (now.nanos % 1e6) };
  }

  private async currentShape(): Promise<Shape> {
    if (this.shape !== undefined) return this.shape;
    const probe = await this.pool.query(`${this.base()} LIMIT 0`);
    const notNull =
      this.source.kind === 'table'
        ? await this.notNullColumns(this.source.table)
        : new Set<string>();
    const mapping = this.settings.numericMapping;
    const schemaName = this.source.kind === 'table' ? this.source.table.table : undefined;
    const schema = structSchema(
      schemaName,
      probe.fields.map((f) => ({
        name: f.name,
        schema: columnSchema(f, !notNull.has(f.name), mapping),
      })),
    );
    const incrementingColumn = await this.incrementingColumn(probe.fields);
    const tsField = probe.fields.find((f) => f.name === this.settings.timestampColumns[0]);
    if (
      this.settings.mode.startsWith('timestamp') &&
      (tsField === undefined || !isTimestampOid(tsField.typeOid))
    ) {
      throw new DataError(
        `timestamp column ${this.settings.timestampColumns.join(',')} of ${this.name} is missing or not a TIMESTAMP`,
      );
    }
    this.validateNullability(notNull, incrementingColumn);
    this.shape = {
      fields: probe.fields,
      schema,
      timestampCast: tsField?.typeOid === 1184 ? 'timestamptz' : 'timestamp',
      incrementingColumn,
    };
    return this.shape;
  }

  private validateNullability(
    notNull: ReadonlySet<string>,
    incrementingColumn: string | null,
  ): void {
    if (!this.settings.validateNonNull || this.source.kind === 'query') return;
    const { mode, timestampColumns } = this.settings;
    if (mode.startsWith('timestamp') && !timestampColumns.some((c) => notNull.has(c))) {
      throw new DataError(
        `Cannot make incremental queries using timestamp columns [${timestampColumns.join(', ')}] on ${this.name} because all of these columns are nullable.`,
      );
    }
    if (
      mode.endsWith('incrementing') &&
      incrementingColumn !== null &&
      !notNull.has(incrementingColumn)
    ) {
      throw new DataError(
        `Cannot make incremental queries using incrementing column ${incrementingColumn} on ${this.name} because this column is nullable.`,
      );
    }
  }

  private async incrementingColumn(fields: readonly SqlField[]): Promise<string | null> {
    if (!this.settings.mode.endsWith('incrementing')) return null;
    const configured = this.settings.incrementingColumn;
    if (configured !== '') {
      if (!fields.some((f) => f.name === configured))
        throw new DataError(`incrementing column ${configured} not found in ${this.name}`);
      return configured;
    }
    if (this.source.kind === 'table') {
      const r = await this.pool.query(
        `SELECT a.attname FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
         WHERE a.attrelid = $1::regclass AND a.attnum > 0 AND NOT a.attisdropped
           AND (a.attidentity <> '' OR pg_get_expr(d.adbin, d.adrelid) LIKE 'nextval(%') ORDER BY a.attnum LIMIT 1`,
        [quoteTable(this.source.table)],
      );
      const found = r.rows[0]?.['attname'];
      if (typeof found === 'string') return found;
    }
    throw new DataError(
      `no incrementing.column.name given and no auto-increment column found in ${this.name}`,
    );
  }

  private async notNullColumns(table: TableId): Promise<Set<string>> {
    const r = await this.pool.query(
      `SELECT attname FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped AND attnotnull`,
      [quoteTable(table)],
    );
    return new Set(r.rows.map((row) => String(row['attname'])));
  }
}

/** Confluent's offset layout: `incrementing`, `timestamp` (ms) and `timestamp_nanos` (nanos of second). */
export function encodeOffset(mode: LoadMode, offset: QuerierOffset): SourceOffset {
  const out: Record<string, unknown> = {};
  if (mode.endsWith('incrementing') && offset.incrementing !== null) {
    const n = offset.incrementing;
    out['incrementing'] =
      n <= BigInt(Number.MAX_SAFE_INTEGER) && n >= BigInt(Number.MIN_SAFE_INTEGER)
        ? Number(n)
        : n.toString();
  }
  if (mode.startsWith('timestamp') && offset.timestamp !== null) {
    out['timestamp'] = offset.timestamp.ms;
    out['timestamp_nanos'] = offset.timestamp.nanos;
  }
  return out;
}

export function decodeOffset(
  stored: SourceOffset | null,
  initialTimestampMs: number | null,
): QuerierOffset {
  const inc = stored?.['incrementing'];
  const ts = stored?.['timestamp'];
  const nanos = stored?.['timestamp_nanos'];
  const timestamp =
    typeof ts === 'number'
      ? { ms: ts, nanos: typeof nanos === 'number' ? nanos : (((ts % 1000) + 1000) % 1000) * 1e6 }
      : initialTimestampMs === null
        ? null
        : { ms: initialTimestampMs, nanos: (((initialTimestampMs % 1000) + 1000) % 1000) * 1e6 };
  return { timestamp, incrementing: inc === undefined || inc === null ? null : BigInt(text(inc)) };
}
