import Decimal from 'decimal.js';
import type { Value } from '../function-contract';

/**
 * Orders two non-NULL values of one SQL type: numbers, bigints and Decimals numerically, strings
 * by UTF-16 code units (as Java's String.compareTo), booleans false first, bytes unsigned
 * lexicographically. Values of different numeric representations compare by value.
 */
export function compareValues(a: Value, b: Value): number {
  if (typeof a === 'string' && typeof b === 'string') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'number' && typeof b === 'number')
    return a < b
      ? -1
      : a > b
        ? 1
        : Number.isNaN(a)
          ? Number.isNaN(b)
            ? 0
            : 1
          : Number.isNaN(b)
            ? -1
            : 0;
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'boolean' && typeof b === 'boolean') return Number(a) - Number(b);
  if (Buffer.isBuffer(a) && Buffer.isBuffer(b)) return Buffer.compare(a, b);
  if (Decimal.isDecimal(a) || Decimal.isDecimal(b)) return toDecimal(a).comparedTo(toDecimal(b));
  if (isNumberLike(a) && isNumberLike(b)) return Number(a) - Number(b);
  return String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0;
}

function isNumeric(v: Value): boolean {
  return typeof v === 'number' || typeof v === 'bigint' || Decimal.isDecimal(v);
}

function isNumberLike(v: Value): v is number | bigint {
  return typeof v === 'number' || typeof v === 'bigint';
}

function toDecimal(v: Value): Decimal {
  if (Decimal.isDecimal(v)) return v;
  return new Decimal(typeof v === 'bigint' ? v.toString() : Number(v));
}

/** Equality as SQL `=` sees it for one type (Decimal by value, bytes by content, deep for collections). */
export function valuesEqual(a: Value, b: Value): boolean {
  if (a === b) return true;
  if (a === null || b === null || a === undefined || b === undefined) return false;
  if (Decimal.isDecimal(a) && Decimal.isDecimal(b)) return a.equals(b);
  if (Buffer.isBuffer(a) && Buffer.isBuffer(b)) return a.equals(b);
  if (isNumeric(a) && isNumeric(b)) return compareValues(a, b) === 0;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((x, i) => valuesEqual(x, b[i]));
  if (a instanceof Map && b instanceof Map) {
    if (a.size !== b.size) return false;
    for (const [k, v] of a) if (!b.has(k) || !valuesEqual(v, b.get(k))) return false;
    return true;
  }
  if (typeof a === 'object' && typeof b === 'object') {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    const ra = a as Record<string, Value>;
    const rb = b as Record<string, Value>;
    return ka.length === kb.length && ka.every((k) => valuesEqual(ra[k], rb[k]));
  }
  return false;
}
