import { text } from '../data/text';
import Decimal from 'decimal.js';
import { decimalScale, LOGICAL, type ConnectSchema } from '../data/connect-schema';
import { ConversionError } from '../errors';
import { avroName } from './avro-schema-mapping';
import { bytesToDecimal, decimalToBytes } from './decimal-bytes';

/** Connect value -> the JS value avsc encodes (longs as bigint, decimals as bytes, records as objects). */
export function toAvroValue(schema: ConnectSchema, value: unknown, path = '$'): unknown {
  if (value === null || value === undefined) {
    if (schema.optional) return null;
    throw new ConversionError(`null value for required field ${path}`);
  }
  switch (schema.name) {
    case LOGICAL.decimal:
      return decimalToBytes(
        value instanceof Decimal ? value : new Decimal(text(value)),
        decimalScale(schema),
      );
    case LOGICAL.timestamp:
      return BigInt(Math.trunc(Number(value)));
    default:
      break;
  }
  switch (schema.type) {
    case 'INT64':
      return typeof value === 'bigint' ? value : BigInt(Math.trunc(Number(value)));
    case 'STRUCT': {
      const input = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const f of schema.fields ?? [])
        out[avroName(f.name)] = toAvroValue(f.schema, input[f.name], `${path}.${f.name}`);
      return out;
    }
    case 'ARRAY':
      return (value as readonly unknown[]).map((v, i) =>
        toAvroValue(schema.valueSchema!, v, `${path}[${i}]`),
      );
    case 'MAP': {
      const entries =
        value instanceof Map
          ? [...(value as Map<unknown, unknown>).entries()]
          : Object.entries(value);
      return Object.fromEntries(
        entries.map(([k, v]) => [
          String(k),
          toAvroValue(schema.valueSchema!, v, `${path}.${String(k)}`),
        ]),
      );
    }
    default:
      return value;
  }
}

/** avsc's decoded value -> Connect value for the schema produced by `avroToConnect`. */
export function fromAvroValue(schema: ConnectSchema, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (schema.name) {
    case LOGICAL.decimal:
      return bytesToDecimal(value as Buffer, decimalScale(schema));
    case LOGICAL.timestamp:
      return Number(value);
    default:
      break;
  }
  switch (schema.type) {
    case 'STRUCT': {
      const input = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const f of schema.fields ?? [])
        out[f.name] = fromAvroValue(f.schema, input[avroName(f.name)]);
      return out;
    }
    case 'ARRAY':
      return (value as readonly unknown[]).map((v) => fromAvroValue(schema.valueSchema!, v));
    case 'MAP':
      return new Map(
        Object.entries(value).map(([k, v]) => [k, fromAvroValue(schema.valueSchema!, v)]),
      );
    default:
      return value;
  }
}
