import type { SourceRecord } from '../data/connect-record';
import { structSchema, connectSchema, type ConnectSchema } from '../data/connect-schema';
import type { CatalogColumn } from './cdc-catalog';
import {
  columnInValue,
  columnMapper,
  NO_COLUMN_SELECTION,
  type ColumnSelection,
} from './column-selection';
import {
  envelopeValue,
  sourceStruct,
  tableModel,
  type Op,
  type SourceInfo,
  type TableModel,
} from './envelope';
import { keyColumnsOf, messageKeyColumns, type MessageKeyColumns } from './message-key-columns';
import { columnMapping, zeroValue, type TypeOptions } from './pg-type-mapping';
import type { TupleValue } from './pgoutput-decoder';

/** Everything, besides the catalog, that decides how a table's events look. */
export interface ModelOptions {
  readonly prefix: string;
  readonly types: TypeOptions;
  readonly keyColumns: MessageKeyColumns;
  readonly columns: ColumnSelection;
}

export function modelOptions(prefix: string, types: TypeOptions): ModelOptions {
  return { prefix, types, keyColumns: messageKeyColumns(''), columns: NO_COLUMN_SELECTION };
}

/** Builds the table's model from catalog columns (types from the relation message when given). */
export function modelFor(
  options: ModelOptions,
  schema: string,
  table: string,
  catalog: readonly CatalogColumn[],
): TableModel {
  const custom = keyColumnsOf(
    options.keyColumns,
    schema,
    table,
    catalog.map((c) => c.name),
  );
  return tableModel(
    options.prefix,
    schema,
    table,
    catalog.map((c) => {
      const valueMapper = columnMapper(options.columns, schema, table, c.name);
      return {
        name: c.name,
        mapping: columnMapping(c.typeOid, c.typeModifier, options.types, c.typeInfo),
        optional: c.nullable,
        isKey: custom === undefined ? c.primaryKey : custom.has(c.name),
        identity: c.primaryKey,
        inValue: columnInValue(options.columns, schema, table, c.name),
        ...(valueMapper === undefined ? {} : { valueMapper }),
      };
    }),
  );
}

/**
 * A row image from tuple texts in column order. Columns the server did not send (TOAST
 * `undefined`, or absent from a key-only image) become the placeholder for text and bytes,
 * null when optional, and a zero value otherwise, as Debezium fills them.
 */
export function rowStruct(
  model: TableModel,
  tuple: readonly TupleValue[],
  placeholder: string,
  keyOnly = false,
): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  model.columns.forEach((c, i) => {
    const text = keyOnly && !c.identity ? null : tuple[i];
    if (text === null && (!keyOnly || c.identity || c.optional)) row[c.name] = null;
    else if (text === null) row[c.name] = zeroValue(c.mapping.schema);
    else if (text === undefined) {
      const t = c.mapping.schema.type;
      row[c.name] =
        t === 'STRING'
          ? placeholder
          : t === 'BYTES'
            ? Buffer.from(placeholder)
            : c.optional
              ? null
              : zeroValue(c.mapping.schema);
    } else row[c.name] = c.mapping.convert(text);
  });
  return row;
}

export function keyStruct(
  model: TableModel,
  row: Record<string, unknown>,
): Record<string, unknown> | null {
  if (model.keySchema === null) return null;
  return Object.fromEntries(model.columns.filter((c) => c.isKey).map((c) => [c.name, row[c.name]]));
}

/** The before/after image of a row: value columns only, mask and truncate rules applied. */
export function valueStruct(
  model: TableModel,
  row: Record<string, unknown> | null,
): Record<string, unknown> | null {
  if (row === null || !model.shaped) return row;
  const out: Record<string, unknown> = {};
  for (const c of model.columns) {
    if (!c.inValue) continue;
    const v = row[c.name];
    out[c.name] = c.valueMapper !== undefined && typeof v === 'string' ? c.valueMapper(v) : v;
  }
  return out;
}

/**
 * Whether an update moved the row to another key, which Debezium emits as a delete and a create.
 * Only decidable when the old image holds every key column: a full image, or a key-only image
 * of a key the replica identity covers.
 */
export function keyChanged(
  model: TableModel,
  before: Record<string, unknown> | null,
  after: Record<string, unknown>,
  oldKind: 'K' | 'O' | null,
): boolean {
  if (before === null || model.keySchema === null) return false;
  if (oldKind !== 'O' && model.columns.some((c) => c.isKey && !c.identity)) return false;
  return (
    JSON.stringify(keyStruct(model, before), big) !== JSON.stringify(keyStruct(model, after), big)
  );
}

function big(_k: string, v: unknown): unknown {
  return typeof v === 'bigint' ? v.toString() : v;
}

export interface EventPosition {
  readonly partition: Readonly<Record<string, unknown>>;
  readonly offset: Readonly<Record<string, unknown>>;
}

export interface ChangeInput {
  readonly op: Op;
  readonly model: TableModel;
  readonly before: Record<string, unknown> | null;
  readonly after: Record<string, unknown> | null;
  readonly source: SourceInfo;
  readonly position: EventPosition;
  readonly nowMs: number;
  readonly transaction: Record<string, unknown> | null;
}

export function changeRecord(input: ChangeInput): SourceRecord {
  const { model } = input;
  const keyRow = input.after ?? input.before;
  return {
    topic: model.topic,
    kafkaPartition: null,
    keySchema: input.op === 't' ? null : model.keySchema,
    key: input.op === 't' || keyRow === null ? null : keyStruct(model, keyRow),
    valueSchema: model.envelopeSchema,
    value: envelopeValue(
      input.op,
      valueStruct(model, input.before),
      valueStruct(model, input.after),
      sourceStruct(input.source, model),
      input.nowMs,
      input.transaction,
    ),
    timestamp: input.nowMs,
    headers: [],
    sourcePartition: input.position.partition,
    sourceOffset: input.position.offset,
  };
}

export function tombstone(record: SourceRecord): SourceRecord {
  return { ...record, valueSchema: null, value: null };
}

const HEARTBEAT_KEY: ConnectSchema = structSchema('io.debezium.connector.common.ServerNameKey', [
  { name: 'serverName', schema: connectSchema('STRING') },
]);
const HEARTBEAT_VALUE: ConnectSchema = structSchema('io.debezium.connector.common.Heartbeat', [
  { name: 'ts_ms', schema: connectSchema('INT64') },
]);

export function heartbeatRecord(
  topic: string,
  serverName: string,
  nowMs: number,
  position: EventPosition,
): SourceRecord {
  return {
    topic,
    kafkaPartition: null,
    keySchema: HEARTBEAT_KEY,
    key: { serverName },
    valueSchema: HEARTBEAT_VALUE,
    value: { ts_ms: BigInt(nowMs) },
    timestamp: nowMs,
    headers: [],
    sourcePartition: position.partition,
    sourceOffset: position.offset,
  };
}
