import Decimal from 'decimal.js';
import type { SqlType } from '../../spec';
import type { Value } from '../function-contract';

/** A numeric value of any representation as a JS number (BIGINT and DECIMAL may lose precision). */
export function toNumber(v: Value): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (Decimal.isDecimal(v)) return v.toNumber();
  return Number(v);
}

export function toDecimal(v: Value): Decimal {
  if (Decimal.isDecimal(v)) return v;
  if (typeof v === 'bigint') return new Decimal(v.toString());
  return new Decimal(v as number);
}

/** A JS number as the representation of an integral SQL type (`INTEGER` number, `BIGINT` bigint). */
export function integral(n: number, type: SqlType): Value {
  if (!Number.isFinite(n)) return null;
  return type.kind === 'BIGINT' ? BigInt(Math.trunc(n)) : Math.trunc(n);
}

/** Converts a value to the representation of a numeric type (the runtime's implicit widening). */
export function asNumericType(v: Value, type: SqlType): Value {
  if (v === null || v === undefined) return null;
  switch (type.kind) {
    case 'INTEGER':
      return Math.trunc(toNumber(v)) | 0;
    case 'BIGINT':
      return typeof v === 'bigint'
        ? v
        : BigInt(Decimal.isDecimal(v) ? v.trunc().toFixed() : Math.trunc(toNumber(v)));
    case 'DOUBLE':
      return toNumber(v);
    case 'DECIMAL':
      return toDecimal(v).toDecimalPlaces(type.scale, Decimal.ROUND_HALF_UP);
    default:
      return v;
  }
}

/** Plain text of a scalar value (strings as is, Decimal in plain notation, bytes as base64). */
export function scalarText(v: Value): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') return String(v);
  if (Decimal.isDecimal(v)) return v.toFixed();
  if (Buffer.isBuffer(v)) return v.toString('base64');
  return JSON.stringify(v) ?? 'null';
}
