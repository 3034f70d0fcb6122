import type { FormatInfo, SourceDefinition } from '../../sql';
import { inferColumnsFromAvroSchema, type SerdeFactory } from '../../topology';
import type { Column, FormatSpec, TopologySpec, WindowedKeySpec } from '../../topology/spec';
import type { ActualRecord, SinkShape } from './compare-records';

/** How a topic's records are decoded: the writer's columns and formats. */
export interface TopicSchema {
  readonly keyColumns: readonly Column[];
  readonly valueColumns: readonly Column[];
  readonly keyFormat: FormatSpec;
  readonly valueFormat: FormatSpec;
  readonly window: WindowedKeySpec | null;
}

/** A record as a topic holds it. */
export interface StoredRecord {
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly timestamp: number;
  readonly headers: readonly { readonly key: string; readonly value: Buffer | null }[];
}

/**
 * The schema of a topic named in `outputs`: the sink of a query writing it, else a catalog
 * source on it (INSERT VALUES into a declared stream).
 */
export function topicSchema(
  topic: string,
  queries: readonly TopologySpec[],
  sources: readonly SourceDefinition[],
): TopicSchema | undefined {
  const sink = queries.find((q) => q.sink.topic === topic)?.sink;
  if (sink) return sink;
  const source = sources.find((s) => s.topic === topic);
  if (!source) return undefined;
  return {
    keyColumns: source.columns
      .filter((c) => c.namespace === 'KEY')
      .map(({ name, type }) => ({ name, type })),
    valueColumns: source.columns
      .filter((c) => c.namespace === 'VALUE')
      .map(({ name, type }) => ({ name, type })),
    keyFormat: formatSpec(source.keyFormat),
    valueFormat: formatSpec(source.valueFormat),
    window: source.windowing
      ? { type: source.windowing.type, sizeMs: source.windowing.sizeMs ?? null }
      : null,
  };
}

/** Looks a registered schema up by id, as the serdes' registry port does. */
export interface SchemaById {
  schemaById(id: number): Promise<unknown>;
}

/**
 * A sink that pins `VALUE_SCHEMA_ID` writes with that registered schema, which may hold fields
 * the query does not select (written with their defaults), so its records are read back with
 * the writer schema's columns, as QTT's harness reads them, not with the query's columns.
 */
export async function withWriterSchema(
  schema: TopicSchema,
  registry: SchemaById,
): Promise<TopicSchema> {
  const id = schema.valueFormat.properties.schemaId;
  if (schema.valueFormat.format !== 'AVRO' || id === undefined) return schema;
  const writer = await registry.schemaById(Number(id));
  const valueColumns = inferColumnsFromAvroSchema(writer, {
    preserveCase: true,
    unwrapped: schema.valueFormat.wrapSingleValue === false,
  });
  return { ...schema, valueColumns };
}

export function sinkShape(schema: TopicSchema): SinkShape {
  return {
    keyColumns: schema.keyColumns,
    valueColumns: schema.valueColumns,
    valueFormat: schema.valueFormat.format,
    wrapSingleValue: schema.valueFormat.wrapSingleValue !== false,
    ...(schema.window
      ? { windowType: schema.window.type === 'SESSION' ? ('session' as const) : ('time' as const) }
      : {}),
  };
}

/** Decodes a topic's records with its schema; throws the serde's error for undecodable bytes. */
export async function decodeRecords(
  topic: string,
  records: readonly StoredRecord[],
  schema: TopicSchema,
  serdes: SerdeFactory,
): Promise<ActualRecord[]> {
  const window = schema.window
    ? {
        type: schema.window.type,
        ...(schema.window.sizeMs === null ? {} : { sizeMs: schema.window.sizeMs }),
      }
    : undefined;
  const keySerde = serdes.create({
    topic,
    isKey: true,
    format: schema.keyFormat,
    columns: schema.keyColumns,
    ...(window ? { window } : {}),
  });
  const valueSerde = serdes.create({
    topic,
    isKey: false,
    format: schema.valueFormat,
    columns: schema.valueColumns,
  });
  const out: ActualRecord[] = [];
  for (const [i, r] of records.entries()) {
    try {
      const key = await keySerde.deserialize(r.key);
      const value = await valueSerde.deserialize(r.value);
      out.push({
        key: schema.keyColumns.length === 0 || r.key === null ? null : key.row,
        value: value.row,
        valueText: r.value === null ? null : r.value.toString('utf8'),
        timestamp: r.timestamp,
        ...(key.window ? { window: key.window } : {}),
        headers: r.headers,
      });
    } catch (error) {
      throw new Error(
        `${topic} record ${i} does not decode: ${error instanceof Error ? error.message : String(error)}`,
        { cause: error },
      );
    }
  }
  return out;
}

function formatSpec(info: FormatInfo): FormatSpec {
  const properties: Record<string, string> = {};
  if (info.delimiter !== undefined) properties.delimiter = info.delimiter;
  if (info.fullSchemaName !== undefined) properties.fullSchemaName = info.fullSchemaName;
  if (info.schemaId !== undefined) properties.schemaId = String(info.schemaId);
  return {
    format: info.format as FormatSpec['format'],
    properties,
    ...(info.wrapSingleValue === undefined ? {} : { wrapSingleValue: info.wrapSingleValue }),
  };
}
