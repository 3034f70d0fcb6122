import { text } from '../../data/text';
import Decimal from 'decimal.js';
import {
  connectSchema,
  dateSchema,
  decimalScale,
  decimalSchema,
  LOGICAL,
  timeSchema,
  timestampSchema,
  type ConnectSchema,
} from '../../data/connect-schema';
import { DataError } from '../../errors';
import type { SqlField } from '../sql-client';
import { parsePgDate, parsePgTime, parsePgTimestamp } from './pg-temporal';

export type NumericMapping = 'none' | 'precision_only' | 'best_fit' | 'best_fit_eager_double';

const OID = {
  bool: 16,
  bytea: 17,
  int8: 20,
  int2: 21,
  int4: 23,
  oid: 26,
  float4: 700,
  float8: 701,
  numeric: 1700,
  date: 1082,
  time: 1083,
  timetz: 1266,
  timestamp: 1114,
  timestamptz: 1184,
} as const;

/** NUMERIC precision/scale from the type modifier; null when unconstrained. */
function numericTypmod(typmod: number): { precision: number; scale: number } | null {
  if (typmod < 4) return null;
  const value = typmod - 4;
  return { precision: (value >> 16) & 0xffff, scale: value & 0xffff };
}

function integerFor(precision: number): ConnectSchema['type'] {
  return precision < 3 ? 'INT8' : precision < 5 ? 'INT16' : precision < 10 ? 'INT32' : 'INT64';
}

function numericSchema(
  typmod: number,
  mapping: NumericMapping,
  isOptional: boolean,
): ConnectSchema {
  const ps = numericTypmod(typmod);
  // Unconstrained NUMERIC has no fixed scale, which a Connect Decimal needs: carry it as a double.
  if (ps === null) return connectSchema('FLOAT64', { optional: isOptional });
  const { precision, scale } = ps;
  if (mapping !== 'none' && precision < 19 && scale === 0)
    return connectSchema(integerFor(precision), { optional: isOptional });
  if (
    (mapping === 'best_fit' && precision < 19 && scale > 0) ||
    (mapping === 'best_fit_eager_double' && scale > 0)
  ) {
    return connectSchema('FLOAT64', { optional: isOptional });
  }
  return decimalSchema(scale, precision, isOptional);
}

/** Connect schema of a result column, as Confluent's JDBC source maps Postgres types. */
export function columnSchema(
  field: SqlField,
  isOptional: boolean,
  mapping: NumericMapping,
): ConnectSchema {
  const opt = { optional: isOptional };
  switch (field.typeOid) {
    case OID.bool:
      return connectSchema('BOOLEAN', opt);
    case OID.bytea:
      return connectSchema('BYTES', opt);
    case OID.int2:
      return connectSchema('INT16', opt);
    case OID.int4:
      return connectSchema('INT32', opt);
    case OID.int8:
    case OID.oid:
      return connectSchema('INT64', opt);
    case OID.float4:
      return connectSchema('FLOAT32', opt);
    case OID.float8:
      return connectSchema('FLOAT64', opt);
    case OID.numeric:
      return numericSchema(field.typeModifier, mapping, isOptional);
    case OID.date:
      return dateSchema(isOptional);
    case OID.time:
    case OID.timetz:
      return timeSchema(isOptional);
    case OID.timestamp:
    case OID.timestamptz:
      return timestampSchema(isOptional);
    default:
      return connectSchema('STRING', opt);
  }
}

export function isTimestampOid(oid: number): boolean {
  return oid === OID.timestamp || oid === OID.timestamptz;
}

/** Raw pg value (text for temporal/numeric/int8) -> Connect value of `schema`. */
export function columnValue(schema: ConnectSchema, raw: unknown, column: string): unknown {
  if (raw === null || raw === undefined) return null;
  try {
    switch (schema.name) {
      case LOGICAL.timestamp:
        return parsePgTimestamp(text(raw)).ms;
      case LOGICAL.date:
        return parsePgDate(text(raw));
      case LOGICAL.time:
        return parsePgTime(text(raw));
      case LOGICAL.decimal:
        return new Decimal(text(raw)).toDecimalPlaces(decimalScale(schema));
      default:
        break;
    }
    switch (schema.type) {
      case 'INT8':
      case 'INT16':
      case 'INT32':
      case 'FLOAT32':
      case 'FLOAT64':
        return Number(raw);
      case 'INT64':
        return BigInt(new Decimal(text(raw)).toFixed(0));
      case 'BOOLEAN':
        return Boolean(raw);
      case 'BYTES':
        return Buffer.isBuffer(raw) ? raw : Buffer.from(text(raw));
      case 'STRING':
        return typeof raw === 'string'
          ? raw
          : raw instanceof Date
            ? raw.toISOString()
            : JSON.stringify(raw);
      default:
        return raw;
    }
  } catch (cause) {
    throw new DataError(
      `cannot convert column ${column} value ${text(raw)} to ${schema.name ?? schema.type}`,
      { cause },
    );
  }
}
