import { text } from '../data/text';
import Decimal from 'decimal.js';
import { isInteger, isSafeNumber, parse, stringify } from 'lossless-json';
import { decimalScale, LOGICAL, type ConnectSchema } from '../data/connect-schema';
import { ConversionError } from '../errors';
import type { Converter, ConverterPlugin, SchemaAndValue } from '../plugins/converter';
import type { Props } from '../plugins/source-connector';
import { bytesToDecimal, decimalToBytes } from './decimal-bytes';
import { connectToJsonSchema, jsonSchemaToConnect, type JsonSchema } from './json-schema-mapping';

export const JSON_CONVERTER = 'org.apache.kafka.connect.json.JsonConverter';

/**
 * Connect's JsonConverter. With `schemas.enable=true` (default) records are
 * `{"schema": ..., "payload": ...}`; without, the bare payload (decoded with a null schema).
 * Decimals follow `decimal.format` (BASE64 default, or NUMERIC).
 */
export class JsonConverter implements Converter {
  private schemasEnabled = true;
  private numericDecimals = false;

  configure(props: Props): void {
    this.schemasEnabled = (props['schemas.enable'] ?? 'true').toLowerCase() !== 'false';
    this.numericDecimals = (props['decimal.format'] ?? 'BASE64').toUpperCase() === 'NUMERIC';
  }

  fromConnectData(
    _topic: string,
    schema: ConnectSchema | null,
    value: unknown,
  ): Promise<Buffer | null> {
    if (value === null && (schema === null || schema.optional) && !this.schemasEnabled)
      return Promise.resolve(null);
    if (value === null && schema === null) return Promise.resolve(null);
    const payload = schema === null ? plainJson(value) : this.encode(schema, value);
    const body = this.schemasEnabled
      ? { schema: schema === null ? null : connectToJsonSchema(schema), payload }
      : payload;
    return Promise.resolve(Buffer.from(stringify(body) ?? 'null'));
  }

  toConnectData(topic: string, bytes: Buffer | null): Promise<SchemaAndValue> {
    try {
      return Promise.resolve(this.read(topic, bytes));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new ConversionError(String(error)));
    }
  }

  private read(topic: string, bytes: Buffer | null): SchemaAndValue {
    if (bytes === null) return { schema: null, value: null };
    let parsed: unknown;
    try {
      parsed = parse(bytes.toString('utf8'), undefined, parseJsonNumber);
    } catch (cause) {
      throw new ConversionError(`record on ${topic} is not valid JSON`, { topic, cause });
    }
    if (!this.schemasEnabled) return { schema: null, value: parsed };
    const envelope = parsed as { schema?: JsonSchema | null; payload?: unknown } | null;
    if (
      envelope === null ||
      typeof envelope !== 'object' ||
      !('payload' in envelope) ||
      !('schema' in envelope)
    ) {
      throw new ConversionError(
        'JsonConverter with schemas.enable requires "schema" and "payload" fields and may not contain additional fields. If you are trying to deserialize plain JSON data, set schemas.enable=false in your converter configuration.',
        { topic },
      );
    }
    if (envelope.schema === null || envelope.schema === undefined)
      return { schema: null, value: envelope.payload ?? null };
    const schema = jsonSchemaToConnect(envelope.schema);
    return { schema, value: this.decode(schema, envelope.payload ?? null) };
  }

  private encode(schema: ConnectSchema, value: unknown): unknown {
    if (value === null || value === undefined) return null;
    if (schema.name === LOGICAL.decimal) {
      const d = value instanceof Decimal ? value : new Decimal(text(value));
      return this.numericDecimals
        ? Number(d.toFixed(decimalScale(schema)))
        : decimalToBytes(d, decimalScale(schema)).toString('base64');
    }
    switch (schema.type) {
      case 'BYTES':
        return Buffer.isBuffer(value) ? value.toString('base64') : value;
      case 'STRUCT': {
        const input = value as Record<string, unknown>;
        return Object.fromEntries(
          (schema.fields ?? []).map((f) => [f.name, this.encode(f.schema, input[f.name])]),
        );
      }
      case 'ARRAY':
        return (value as readonly unknown[]).map((v) => this.encode(schema.valueSchema!, v));
      case 'MAP': {
        const entries =
          value instanceof Map
            ? [...(value as Map<unknown, unknown>).entries()]
            : Object.entries(value);
        return Object.fromEntries(
          entries.map(([k, v]) => [String(k), this.encode(schema.valueSchema!, v)]),
        );
      }
      default:
        return value;
    }
  }

  private decode(schema: ConnectSchema, value: unknown): unknown {
    if (value === null || value === undefined) return null;
    if (schema.name === LOGICAL.decimal) {
      return typeof value === 'string'
        ? bytesToDecimal(Buffer.from(value, 'base64'), decimalScale(schema))
        : new Decimal(text(value));
    }
    switch (schema.type) {
      case 'INT64':
        return schema.name === LOGICAL.timestamp ? Number(value) : BigInt(value as number | bigint);
      case 'BYTES':
        return Buffer.from(text(value), 'base64');
      case 'STRUCT': {
        const input = value as Record<string, unknown>;
        return Object.fromEntries(
          (schema.fields ?? []).map((f) => [f.name, this.decode(f.schema, input[f.name])]),
        );
      }
      case 'ARRAY':
        return (value as readonly unknown[]).map((v) => this.decode(schema.valueSchema!, v));
      case 'MAP':
        return new Map(
          Object.entries(value).map(([k, v]) => [k, this.decode(schema.valueSchema!, v)]),
        );
      default:
        return typeof value === 'bigint' ? Number(value) : value;
    }
  }
}

/** Safe integers as numbers, larger ones as bigints (no rounding), the rest as doubles. */
function parseJsonNumber(value: string): number | bigint {
  return isInteger(value) && !isSafeNumber(value) ? BigInt(value) : Number(value);
}

function plainJson(value: unknown): unknown {
  if (value instanceof Map)
    return Object.fromEntries([...value.entries()].map(([k, v]) => [String(k), plainJson(v)]));
  if (Buffer.isBuffer(value)) return value.toString('base64');
  if (value instanceof Decimal) return value.toString();
  if (Array.isArray(value)) return value.map(plainJson);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, plainJson(v)]));
  return value;
}

export const jsonConverterPlugin: ConverterPlugin = {
  className: JSON_CONVERTER,
  create: () => new JsonConverter(),
};
