import type { SourceRecord } from '../data/connect-record';
import { structSchema, connectSchema, type ConnectSchema } from '../data/connect-schema';
import type { CatalogColumn } from './cdc-catalog';
import {
  envelopeValue,
  sourceStruct,
  tableModel,
  type Op,
  type SourceInfo,
  type TableModel,
} from './envelope';
import { columnMapping, zeroValue, type TypeOptions } from './pg-type-mapping';
import type { TupleValue } from './pgoutput-decoder';

/** Builds the table's model from catalog columns (types from the relation message when given). */
export function modelFor(
  prefix: string,
  schema: string,
  table: string,
  catalog: readonly CatalogColumn[],
  types: TypeOptions,
): TableModel {
  return tableModel(
    prefix,
    schema,
    table,
    catalog.map((c) => ({
      name: c.name,
      mapping: columnMapping(c.typeOid, c.typeModifier, types),
      optional: c.nullable,
      isKey: c.primaryKey,
    })),
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
    const text = keyOnly && !c.isKey ? null : tuple[i];
    if (text === null && (!keyOnly || c.isKey || c.optional)) row[c.name] = null;
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
      input.before,
      input.after,
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
