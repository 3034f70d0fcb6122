import * as avro from 'avsc';
import type { ConnectSchema } from '../data/connect-schema';
import { ConversionError } from '../errors';
import type {
  Converter,
  ConverterDeps,
  ConverterPlugin,
  SchemaAndValue,
} from '../plugins/converter';
import type { Props } from '../plugins/source-connector';
import { connectToAvro, type AvroSchema, type NameAdjustment } from './avro-schema-mapping';
import { avroToConnect } from './avro-to-connect';
import { fromAvroValue, toAvroValue } from './avro-values';
import { schemaRegistryClient, type SchemaRegistryClient } from './schema-registry-client';

export const AVRO_CONVERTER = 'io.confluent.connect.avro.AvroConverter';

/** Avro longs as JS bigints, so INT64 values keep all 64 bits. */
const bigintLong = avro.types.LongType.__with({
  fromBuffer: (buf: Buffer) => buf.readBigInt64LE(),
  toBuffer: (n: bigint) => {
    const buf = Buffer.alloc(8);
    buf.writeBigInt64LE(BigInt(n));
    return buf;
  },
  fromJSON: (n: unknown) => BigInt(n as number),
  toJSON: (n: bigint) => Number(n),
  isValid: (n: unknown) => typeof n === 'bigint',
  compare: (a: bigint, b: bigint) => (a === b ? 0 : a < b ? -1 : 1),
});

const PRIMITIVE_TYPES = new Set([
  'null',
  'boolean',
  'int',
  'long',
  'float',
  'double',
  'bytes',
  'string',
]);

/** avsc only applies the registry's bigint long to `"long"` by name, so annotated primitives are reduced to their name (logical types are handled by Brook's own mapping). */
function forAvsc(schema: AvroSchema): AvroSchema {
  if (Array.isArray(schema)) return (schema as readonly AvroSchema[]).map(forAvsc);
  if (typeof schema === 'string') return schema;
  const obj = schema as Record<string, unknown>;
  const type = obj['type'];
  if (typeof type === 'string' && PRIMITIVE_TYPES.has(type)) return type;
  const out: Record<string, unknown> = { ...obj };
  if (typeof type === 'object' && type !== null) out['type'] = forAvsc(type as AvroSchema);
  if (Array.isArray(obj['fields']))
    out['fields'] = (obj['fields'] as Record<string, unknown>[]).map((f) => ({
      ...f,
      type: forAvsc(f['type'] as AvroSchema),
    }));
  if (obj['items'] !== undefined) out['items'] = forAvsc(obj['items'] as AvroSchema);
  if (obj['values'] !== undefined) out['values'] = forAvsc(obj['values'] as AvroSchema);
  return out;
}

export function avroType(schema: AvroSchema): avro.Type {
  return avro.Type.forSchema(forAvsc(schema) as avro.Schema, {
    registry: { long: bigintLong },
    wrapUnions: false,
  });
}

interface WriterEntry {
  readonly id: number;
  readonly type: avro.Type;
}

/**
 * Confluent's AvroConverter: Connect data <-> Confluent wire format (magic byte, 4-byte schema id,
 * Avro binary), subjects `<topic>-key` / `<topic>-value` (TopicNameStrategy).
 * Props: `schema.registry.url` (required), `auto.register.schemas` (default true),
 * `schema.name.adjustment.mode` (`avro`, the default, or `avro_unicode`: how record names Avro
 * cannot hold, such as a topic prefix with `-`, are rewritten).
 */
export class AvroConverter implements Converter {
  private registry: SchemaRegistryClient | undefined;
  private isKey = false;
  private nameAdjustment: NameAdjustment = 'avro';
  private readonly writers = new Map<string, Promise<WriterEntry>>();
  private readonly readers = new Map<number, Promise<{ schema: ConnectSchema; type: avro.Type }>>();

  constructor(private readonly deps: ConverterDeps = {}) {}

  configure(props: Props, isKey: boolean): void {
    const url = props['schema.registry.url'];
    if (url === undefined || url === '')
      throw new ConversionError('AvroConverter needs schema.registry.url');
    this.registry = schemaRegistryClient({
      url: url.split(',')[0]!.trim(),
      ...(this.deps.fetch ? { fetch: this.deps.fetch } : {}),
    });
    this.isKey = isKey;
    const mode = props['schema.name.adjustment.mode'] ?? 'avro';
    if (mode !== 'avro' && mode !== 'avro_unicode')
      throw new ConversionError(
        `schema.name.adjustment.mode must be avro or avro_unicode, not ${mode}`,
      );
    this.nameAdjustment = mode;
  }

  async fromConnectData(
    topic: string,
    schema: ConnectSchema | null,
    value: unknown,
  ): Promise<Buffer | null> {
    if (schema === null && value === null) return null;
    if (schema === null)
      throw new ConversionError(`AvroConverter needs a schema to write topic ${topic}`, { topic });
    if (value === null && schema.optional) return null;
    const writer = await this.writer(topic, schema);
    const body = writer.type.toBuffer(toAvroValue(schema, value));
    const header = Buffer.alloc(5);
    header.writeUInt32BE(writer.id, 1);
    return Buffer.concat([header, body]);
  }

  async toConnectData(topic: string, bytes: Buffer | null): Promise<SchemaAndValue> {
    if (bytes === null) return { schema: null, value: null };
    if (bytes.length < 5 || bytes[0] !== 0)
      throw new ConversionError(`record on ${topic} is not in the schema-registry wire format`, {
        topic,
      });
    const reader = await this.reader(bytes.readUInt32BE(1));
    return {
      schema: reader.schema,
      value: fromAvroValue(reader.schema, reader.type.fromBuffer(bytes.subarray(5))),
    };
  }

  private writer(topic: string, schema: ConnectSchema): Promise<WriterEntry> {
    const avroSchema = connectToAvro(schema, this.nameAdjustment);
    const text = JSON.stringify(avroSchema);
    const subject = `${topic}-${this.isKey ? 'key' : 'value'}`;
    const cacheKey = `${subject}\u0000${text}`;
    let entry = this.writers.get(cacheKey);
    if (entry === undefined) {
      entry = this.client()
        .register(subject, text)
        .then((id) => ({ id, type: avroType(avroSchema) }));
      entry.catch(() => this.writers.delete(cacheKey));
      this.writers.set(cacheKey, entry);
    }
    return entry;
  }

  private reader(id: number): Promise<{ schema: ConnectSchema; type: avro.Type }> {
    let entry = this.readers.get(id);
    if (entry === undefined) {
      entry = this.client()
        .schemaById(id)
        .then((text) => {
          const parsed = JSON.parse(text) as AvroSchema;
          return { schema: avroToConnect(parsed), type: avroType(parsed) };
        });
      entry.catch(() => this.readers.delete(id));
      this.readers.set(id, entry);
    }
    return entry;
  }

  private client(): SchemaRegistryClient {
    if (this.registry === undefined)
      throw new ConversionError('AvroConverter used before configure()');
    return this.registry;
  }
}

export const avroConverterPlugin: ConverterPlugin = {
  className: AVRO_CONVERTER,
  create: (deps) => new AvroConverter(deps),
};
