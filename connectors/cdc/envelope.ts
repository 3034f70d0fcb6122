import { connectSchema, optional, structSchema, type ConnectSchema } from '../data/connect-schema';
import { POSTGRES_CDC_VERSION } from './postgres-cdc-config';
import type { ColumnMapping } from './pg-type-mapping';

/** A captured table as the change events describe it. */
export interface TableColumn {
  readonly name: string;
  readonly mapping: ColumnMapping;
  readonly optional: boolean;
  /** Part of the record key: the primary key, or the table's `message.key.columns`. */
  readonly isKey: boolean;
  /** Part of the replica identity, so present in key-only old images. */
  readonly identity: boolean;
  /** Carried in before/after (`column.include.list` / `column.exclude.list`). */
  readonly inValue: boolean;
  /** Rewrites the value's text (`column.mask.with.*` / `column.truncate.to.*`). */
  readonly valueMapper?: (value: string) => string;
}

export interface TableModel {
  readonly schema: string;
  readonly table: string;
  readonly topic: string;
  readonly columns: readonly TableColumn[];
  /** Null when the table has no key columns (Debezium then sends null keys). */
  readonly keySchema: ConnectSchema | null;
  /** True when before/after differ from the full row (columns left out or rewritten). */
  readonly shaped: boolean;
  readonly valueSchema: ConnectSchema;
  readonly envelopeSchema: ConnectSchema;
}

const SNAPSHOT_ENUM =
  'true,first,first_in_data_collection,last_in_data_collection,last,false,incremental';

export const SOURCE_SCHEMA: ConnectSchema = structSchema(
  'io.debezium.connector.postgresql.Source',
  [
    { name: 'version', schema: connectSchema('STRING') },
    { name: 'connector', schema: connectSchema('STRING') },
    { name: 'name', schema: connectSchema('STRING') },
    { name: 'ts_ms', schema: connectSchema('INT64') },
    {
      name: 'snapshot',
      schema: connectSchema('STRING', {
        optional: true,
        name: 'io.debezium.data.Enum',
        version: 1,
        parameters: { allowed: SNAPSHOT_ENUM },
        defaultValue: 'false',
      }),
    },
    { name: 'db', schema: connectSchema('STRING') },
    { name: 'sequence', schema: optional(connectSchema('STRING')) },
    { name: 'ts_us', schema: optional(connectSchema('INT64')) },
    { name: 'ts_ns', schema: optional(connectSchema('INT64')) },
    { name: 'schema', schema: connectSchema('STRING') },
    { name: 'table', schema: connectSchema('STRING') },
    { name: 'txId', schema: optional(connectSchema('INT64')) },
    { name: 'lsn', schema: optional(connectSchema('INT64')) },
    { name: 'xmin', schema: optional(connectSchema('INT64')) },
  ],
);

export const TRANSACTION_SCHEMA: ConnectSchema = {
  ...structSchema(
    'event.block',
    [
      { name: 'id', schema: connectSchema('STRING') },
      { name: 'total_order', schema: connectSchema('INT64') },
      { name: 'data_collection_order', schema: connectSchema('INT64') },
    ],
    true,
  ),
  version: 1,
};

export function tableModel(
  prefix: string,
  schema: string,
  table: string,
  columns: readonly TableColumn[],
): TableModel {
  const base = `${prefix}.${schema}.${table}`;
  const fieldOf = (c: TableColumn) => ({
    name: c.name,
    schema: c.optional ? optional(c.mapping.schema) : c.mapping.schema,
  });
  const keyColumns = columns.filter((c) => c.isKey);
  const keySchema =
    keyColumns.length === 0 ? null : structSchema(`${base}.Key`, keyColumns.map(fieldOf));
  const valueColumns = columns.filter((c) => c.inValue);
  const valueSchema = structSchema(`${base}.Value`, valueColumns.map(fieldOf), true);
  const shaped =
    valueColumns.length < columns.length || columns.some((c) => c.valueMapper !== undefined);
  const envelopeSchema: ConnectSchema = {
    ...structSchema(`${base}.Envelope`, [
      { name: 'before', schema: valueSchema },
      { name: 'after', schema: valueSchema },
      { name: 'source', schema: SOURCE_SCHEMA },
      { name: 'transaction', schema: TRANSACTION_SCHEMA },
      { name: 'op', schema: connectSchema('STRING') },
      { name: 'ts_ms', schema: optional(connectSchema('INT64')) },
      { name: 'ts_us', schema: optional(connectSchema('INT64')) },
      { name: 'ts_ns', schema: optional(connectSchema('INT64')) },
    ]),
    version: 2,
  };
  return { schema, table, topic: base, columns, keySchema, shaped, valueSchema, envelopeSchema };
}

/** Where an event comes from: Debezium's `source` block. */
export interface SourceInfo {
  readonly serverName: string;
  readonly db: string;
  readonly commitTimeUs: bigint;
  readonly snapshot: 'true' | 'first' | 'last' | 'false' | 'incremental';
  readonly lastCommitLsn: bigint | null;
  readonly lsn: bigint | null;
  readonly txId: number | null;
}

export function sourceStruct(info: SourceInfo, model: TableModel): Record<string, unknown> {
  return {
    version: POSTGRES_CDC_VERSION,
    connector: 'postgresql',
    name: info.serverName,
    ts_ms: info.commitTimeUs / 1000n,
    snapshot: info.snapshot,
    db: info.db,
    sequence: JSON.stringify([
      info.lastCommitLsn === null ? null : info.lastCommitLsn.toString(),
      info.lsn === null ? null : info.lsn.toString(),
    ]),
    ts_us: info.commitTimeUs,
    ts_ns: info.commitTimeUs * 1000n,
    schema: model.schema,
    table: model.table,
    txId: info.txId === null ? null : BigInt(info.txId),
    lsn: info.lsn,
    xmin: null,
  };
}

export type Op = 'c' | 'u' | 'd' | 'r' | 't';

export function envelopeValue(
  op: Op,
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  source: Record<string, unknown>,
  nowMs: number,
  transaction: Record<string, unknown> | null,
): Record<string, unknown> {
  const now = BigInt(nowMs);
  return {
    before,
    after,
    source,
    transaction,
    op,
    ts_ms: now,
    ts_us: now * 1000n,
    ts_ns: now * 1_000_000n,
  };
}
