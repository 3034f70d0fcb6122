import { text } from '../../data/text';
import Decimal from 'decimal.js';
import { decimalScale, LOGICAL, type ConnectSchema } from '../../data/connect-schema';
import { assertNever } from '../../errors';
import { formatDate, formatTime, formatTimestampMs } from './pg-temporal';

/** Postgres column type for a Connect schema (auto.create / auto.evolve). */
export function sqlType(schema: ConnectSchema): string {
  switch (schema.name) {
    case LOGICAL.decimal:
      return 'DECIMAL';
    case LOGICAL.date:
      return 'DATE';
    case LOGICAL.time:
      return 'TIME';
    case LOGICAL.timestamp:
      return 'TIMESTAMP';
    default:
      break;
  }
  switch (schema.type) {
    case 'INT8':
    case 'INT16':
      return 'SMALLINT';
    case 'INT32':
      return 'INT';
    case 'INT64':
      return 'BIGINT';
    case 'FLOAT32':
      return 'REAL';
    case 'FLOAT64':
      return 'DOUBLE PRECISION';
    case 'BOOLEAN':
      return 'BOOLEAN';
    case 'STRING':
      return 'TEXT';
    case 'BYTES':
      return 'BYTEA';
    case 'ARRAY':
    case 'MAP':
    case 'STRUCT':
      // Confluent's sink rejects nested types; Brook stores them as JSONB instead of failing.
      return 'JSONB';
    default:
      return assertNever(schema.type);
  }
}

function jsonable(value: unknown): unknown {
  if (value instanceof Map)
    return Object.fromEntries([...value.entries()].map(([k, v]) => [String(k), jsonable(v)]));
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Decimal) return value.toString();
  if (Buffer.isBuffer(value)) return value.toString('base64');
  if (Array.isArray(value)) return value.map(jsonable);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, jsonable(v)]));
  return value;
}

/** Connect value -> a pg query parameter (text for exact types, so nothing is rounded). */
export function toParam(schema: ConnectSchema, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  switch (schema.name) {
    case LOGICAL.decimal:
      return (value instanceof Decimal ? value : new Decimal(text(value))).toFixed(
        decimalScale(schema),
      );
    case LOGICAL.date:
      return formatDate(Number(value));
    case LOGICAL.time:
      return formatTime(Number(value));
    case LOGICAL.timestamp:
      return formatTimestampMs(Number(value));
    default:
      break;
  }
  switch (schema.type) {
    case 'INT64':
      return text(value);
    case 'ARRAY':
    case 'MAP':
    case 'STRUCT':
      return JSON.stringify(jsonable(value));
    default:
      return value;
  }
}

/** COPY text-format field for a parameter produced by `toParam`. */
export function copyField(param: unknown): string {
  if (param === null || param === undefined) return '\\N';
  const field = Buffer.isBuffer(param) ? `\\x${param.toString('hex')}` : text(param);
  return field
    .replace(/\\/g, '\\\\')
    .replace(/\t/g, '\\t')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r');
}
