import { Type } from 'avsc';
import type { SchemaRegistryPort } from '../ports';

/**
 * The formats PRINT can recognise in raw bytes, in the order ksqlDB tries them. A topic's
 * format is whatever every record so far decodes as; several may fit (`JSON or KAFKA_STRING`).
 */
export type PrintFormat = 'AVRO' | 'KAFKA_INT' | 'KAFKA_BIGINT' | 'KAFKA_DOUBLE' | 'JSON' | 'KAFKA_STRING';

export const PRINT_FORMATS: readonly PrintFormat[] = ['AVRO', 'KAFKA_INT', 'KAFKA_BIGINT', 'KAFKA_DOUBLE', 'JSON', 'KAFKA_STRING'];

/** Decodes bytes as one format into display text, or `undefined` when they are not that format. */
export class PrintDecoder {
  private readonly avroTypes = new Map<number, Promise<Type | undefined>>();

  constructor(private readonly registry: SchemaRegistryPort) {}

  async decode(format: PrintFormat, bytes: Buffer): Promise<string | undefined> {
    switch (format) {
      case 'AVRO':
        return this.avro(bytes);
      case 'KAFKA_INT':
        return bytes.length === 4 ? String(bytes.readInt32BE(0)) : undefined;
      case 'KAFKA_BIGINT':
        return bytes.length === 8 ? String(bytes.readBigInt64BE(0)) : undefined;
      case 'KAFKA_DOUBLE': {
        if (bytes.length !== 8) return undefined;
        const value = bytes.readDoubleBE(0);
        return Number.isFinite(value) ? String(value) : undefined;
      }
      case 'JSON':
        return json(bytes);
      case 'KAFKA_STRING':
        return utf8(bytes);
    }
  }

  private async avro(bytes: Buffer): Promise<string | undefined> {
    if (bytes.length < 5 || bytes[0] !== 0) return undefined;
    const id = bytes.readInt32BE(1);
    let type = this.avroTypes.get(id);
    if (!type) {
      type = this.registry.schemaById(id).then(
        (schema) => Type.forSchema(schema as never, { wrapUnions: false }),
        () => undefined,
      );
      this.avroTypes.set(id, type);
    }
    const resolved = await type;
    if (!resolved) return undefined;
    try {
      return renderAvro(resolved.fromBuffer(bytes.subarray(5)));
    } catch {
      return undefined;
    }
  }
}

function json(bytes: Buffer): string | undefined {
  const text = utf8(bytes);
  if (text === undefined) return undefined;
  try {
    JSON.parse(text);
    return text;
  } catch {
    return undefined;
  }
}

function utf8(bytes: Buffer): string | undefined {
  const text = bytes.toString('utf8');
  if (!Buffer.from(text, 'utf8').equals(bytes)) return undefined;
  // Control characters (other than tab and line breaks) mean binary data, not text.
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return undefined;
  }
  return text;
}

/** Avro values as ksqlDB prints them (Avro's `GenericRecord.toString`: `{"a": 1, "b": "x"}`). */
export function renderAvro(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Buffer.isBuffer(value)) return JSON.stringify(value.toString('base64'));
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return `[${value.map(renderAvro).join(', ')}]`;
  if (value instanceof Map) return `{${[...value.entries()].map(([k, v]) => `${JSON.stringify(String(k))}: ${renderAvro(v)}`).join(', ')}}`;
  if (typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${JSON.stringify(k)}: ${renderAvro(v)}`).join(', ')}}`;
  }
  return JSON.stringify(value);
}
