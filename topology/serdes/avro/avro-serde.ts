import type * as avro from 'avsc';
import { formatProperty } from '../format-options';
import { SerdeError, type Row, type Serde, type SerdeRequest } from '../serde-contract';
import { avroSchemaFor } from './avro-schema';
import { avroType } from './avro-types';
import { fromAvro, fromRecord, toAvro } from './avro-row';
import { fitToWriter } from './fit-to-writer';
import type { SchemaRegistryPort } from './schema-registry-port';

const MAGIC = 0;

/** Writer types by global schema id, shared by every AVRO serde of one factory. */
export class AvroTypeCache {
  private readonly types = new Map<number, Promise<avro.Type>>();
  private readonly ready = new Map<number, avro.Type>();
  constructor(readonly registry: SchemaRegistryPort) {}

  /** The type when already fetched: the per-record path then needs no promise. */
  resolved(id: number): avro.Type | undefined {
    return this.ready.get(id);
  }

  byId(id: number): Promise<avro.Type> {
    let type = this.types.get(id);
    if (!type) {
      type = this.registry
        .schemaById(id)
        .then(avroType)
        .then((t) => (this.ready.set(id, t), t));
      type.catch(() => this.types.delete(id));
      this.types.set(id, type);
    }
    return type;
  }
}

/**
 * ksqlDB's AVRO format in the Confluent wire format: magic byte 0, 4-byte big-endian schema id,
 * Avro binary. Writing registers the schema derived from the columns under `<topic>-key` or
 * `<topic>-value` (or uses the schema pinned by the `schemaId` property); reading decodes with
 * the writer's schema, found by the id in the record, and maps its fields to the columns by name,
 * so records written with an older or newer compatible schema read correctly.
 */
export function avroSerde(request: SerdeRequest, cache: AvroTypeCache): Serde {
  const { topic, isKey, columns, format } = request;
  const unwrapped = columns.length === 1 && (isKey || format.wrapSingleValue === false);
  const subject = `${topic}-${isKey ? 'key' : 'value'}`;
  const fail = (message: string, cause?: unknown) =>
    new SerdeError(message, topic, isKey, { cause });
  let writer: Promise<{ id: number; type: avro.Type }> | undefined;
  let resolvedWriter: { id: number; type: avro.Type } | undefined;

  const pinned = formatProperty(format, 'schemaId', isKey ? 'KEY_SCHEMA_ID' : 'VALUE_SCHEMA_ID');

  function resolveWriter(): Promise<{ id: number; type: avro.Type }> {
    if (!writer) {
      const fullName = formatProperty(
        format,
        'fullSchemaName',
        isKey ? 'KEY_SCHEMA_FULL_NAME' : 'VALUE_SCHEMA_FULL_NAME',
      );
      const id = pinned
        ? Promise.resolve(Number(pinned))
        : cache.registry.register(
            subject,
            avroSchemaFor(columns, { unwrapped, ...(fullName ? { fullName } : {}) }),
          );
      writer = id.then(async (n) => ({ id: n, type: await cache.byId(n) }));
      writer.catch(() => (writer = undefined));
    }
    return writer;
  }

  /**
   * The datum for the writer's schema. A pinned schema (`schemaId`) may spell field names
   * differently from the columns, have fields no column feeds, or non-null fields with defaults:
   * `fitToWriter` matches names case-insensitively and fills defaults.
   */
  function toDatum(row: Row, writer: avro.Type): unknown {
    if (unwrapped) return toAvro(row[0] ?? null, columns[0]!.type);
    const out: Record<string, unknown> = {};
    columns.forEach((c, i) => (out[c.name] = toAvro(row[i] ?? null, c.type)));
    // A schema derived from the columns fits the datum already.
    return pinned ? fitToWriter(out, writer) : out;
  }

  /**
   * Maps a decoded datum to the columns by the writer's schema: records by field name; a bare
   * value to a single column; and, leniently, a single-field record (a Connect struct key) to a
   * single non-STRUCT column.
   */
  function toRow(datum: unknown, writer: avro.Type): Row {
    const isRecord = writer.typeName === 'record' && datum !== null;
    const single = columns.length === 1 ? columns[0]! : undefined;
    if (single && (unwrapped || !isRecord)) {
      if (isRecord && single.type.kind !== 'STRUCT') {
        const values = Object.values(datum as Record<string, unknown>);
        if (values.length !== 1)
          throw new Error(`Expected a single-field record for column ${single.name}`);
        return [fromAvro(values[0], single.type)];
      }
      return [fromAvro(datum, single.type)];
    }
    if (!isRecord) throw new Error(`Expected an Avro record for ${columns.length} columns`);
    const record = fromRecord(datum as Record<string, unknown>, columns);
    return columns.map((c) => record[c.name] ?? null);
  }

  return {
    async serialize(row: Row | null) {
      if (row === null || columns.length === 0 || (unwrapped && (row[0] ?? null) === null))
        return null;
      try {
        const { id, type } = resolvedWriter ?? (resolvedWriter = await resolveWriter());
        const header = Buffer.alloc(5);
        header.writeUInt8(MAGIC, 0);
        header.writeInt32BE(id, 1);
        return Buffer.concat([header, type.toBuffer(toDatum(row, type))]);
      } catch (cause) {
        throw fail(
          `Failed to serialize AVRO for topic ${topic}: ${cause instanceof Error ? cause.message : String(cause)}`,
          cause,
        );
      }
    },
    async deserialize(bytes: Buffer | null) {
      if (bytes === null) return { row: isKey ? columns.map(() => null) : null };
      if (columns.length === 0) return { row: [] };
      if (bytes.length < 5 || bytes[0] !== MAGIC)
        throw fail(`Unknown magic byte in AVRO record of topic ${topic}`);
      try {
        const id = bytes.readInt32BE(1);
        const type = cache.resolved(id) ?? (await cache.byId(id));
        return { row: toRow(type.fromBuffer(bytes.subarray(5)), type) };
      } catch (cause) {
        throw fail(
          `Failed to deserialize AVRO from topic ${topic}: ${cause instanceof Error ? cause.message : String(cause)}`,
          cause,
        );
      }
    },
  };
}
