import Decimal from 'decimal.js';
import { toJavaText } from '../functions';
import type { SqlType } from '../spec';
import { toBigInt, toDouble } from './arithmetic';
import { fitDecimal, toExact } from './decimal-math';
import { ExpressionError } from './expression-error';
import {
  formatDate,
  formatTime,
  formatTimestamp,
  parseDate,
  parseTime,
  parseTimestamp,
} from './temporal-text';

const DAY_MS = 86_400_000;
const INT_MIN = -2147483648;
const INT_MAX = 2147483647;

/**
 * CAST with ksqlDB's rules: numeric narrowing truncates like Java casts, DECIMAL rounds HALF_UP
 * and checks precision, strings parse (trimmed) or fail, values render as Java's `toString`
 * (temporal types in ISO form), collections and structs cast element by element.
 * Throws `ExpressionError` for a value that does not convert; the caller logs it and uses NULL.
 */
export function castValue(value: unknown, from: SqlType, to: SqlType): unknown {
  if (value === null) return null;
  switch (to.kind) {
    case 'STRING':
      return castToString(value, from);
    case 'INTEGER':
    case 'BIGINT':
    case 'DOUBLE':
    case 'DECIMAL':
      return castToNumber(value, from, to);
    case 'BOOLEAN':
      return from.kind === 'STRING'
        ? (value as string).trim().toLowerCase() === 'true'
        : Boolean(value);
    case 'TIMESTAMP':
      if (from.kind === 'STRING') return parseTimestamp(value as string);
      if (from.kind === 'DATE') return (value as number) * DAY_MS;
      return numericTime(value, from);
    case 'DATE':
      if (from.kind === 'STRING') return parseDate(value as string);
      if (from.kind === 'TIMESTAMP') return Math.floor((value as number) / DAY_MS);
      return numericTime(value, from);
    case 'TIME':
      if (from.kind === 'STRING') return parseTime(value as string);
      if (from.kind === 'TIMESTAMP') return (((value as number) % DAY_MS) + DAY_MS) % DAY_MS;
      return numericTime(value, from);
    case 'BYTES':
      if (from.kind === 'BYTES') return value;
      break;
    case 'ARRAY':
      if (from.kind === 'ARRAY')
        return (value as unknown[]).map((v) => castValue(v ?? null, from.element, to.element));
      break;
    case 'MAP':
      if (from.kind === 'MAP') {
        const entries = [...(value as Map<unknown, unknown>)];
        return new Map(
          entries.map(([k, v]) => [
            castValue(k, from.key, to.key),
            castValue(v ?? null, from.value, to.value),
          ]),
        );
      }
      break;
    case 'STRUCT':
      if (from.kind === 'STRUCT') return castStruct(value as Record<string, unknown>, from, to);
      break;
  }
  throw new ExpressionError(`cannot cast ${from.kind} to ${to.kind}`, 'Cast');
}

function castToString(value: unknown, from: SqlType): string {
  switch (from.kind) {
    case 'TIMESTAMP':
      return formatTimestamp(value as number);
    case 'DATE':
      return formatDate(value as number);
    case 'TIME':
      return formatTime(value as number);
    default:
      return toJavaText(value, from);
  }
}

function castToNumber(value: unknown, from: SqlType, to: SqlType): unknown {
  const source = from.kind === 'STRING' ? parseNumber(value as string, to) : value;
  switch (to.kind) {
    case 'INTEGER':
      if (typeof source === 'number') return javaNarrow(source, INT_MIN, INT_MAX);
      return Number(BigInt.asIntN(32, toBigInt(source)));
    case 'BIGINT':
      if (typeof source === 'number' && !Number.isInteger(source))
        return BigInt(javaNarrow(source, -(2 ** 63), 2 ** 63 - 1));
      return BigInt.asIntN(64, toBigInt(source));
    case 'DOUBLE':
      return toDouble(source);
    case 'DECIMAL':
      if (typeof source === 'number' && !Number.isFinite(source))
        throw new ExpressionError(`cannot cast ${source} to DECIMAL`, 'Cast');
      return fitDecimal(typeof source === 'number' ? toExact(String(source)) : toExact(source), to);
    default:
      throw new ExpressionError(`cannot cast ${from.kind} to ${to.kind}`, 'Cast');
  }
}

/** Java's (int)/(long) cast of a double: NaN is 0, out of range saturates, fractions truncate. */
function javaNarrow(value: number, min: number, max: number): number {
  if (Number.isNaN(value)) return 0;
  return Math.trunc(Math.min(Math.max(value, min), max));
}

function parseNumber(text: string, to: SqlType): number | bigint | Decimal {
  const trimmed = text.trim();
  if ((to.kind === 'INTEGER' || to.kind === 'BIGINT') && /^[+-]?\d+$/.test(trimmed)) {
    const n = BigInt(trimmed);
    const [min, max] =
      to.kind === 'INTEGER' ? [BigInt(INT_MIN), BigInt(INT_MAX)] : [-(2n ** 63n), 2n ** 63n - 1n];
    if (n >= min && n <= max) return to.kind === 'INTEGER' ? Number(n) : n;
  } else if (
    to.kind === 'DOUBLE' &&
    /^[+-]?(NaN|Infinity|(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)[dDfF]?$/.test(trimmed)
  ) {
    return Number(trimmed.replace(/[dDfF]$/, ''));
  } else if (to.kind === 'DECIMAL' && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) {
    return new Decimal(trimmed);
  }
  throw new ExpressionError(`cannot cast '${text}' to ${to.kind}`, 'Cast');
}

function numericTime(value: unknown, from: SqlType): number {
  if (from.kind === 'INTEGER' || from.kind === 'BIGINT') return Number(value);
  throw new ExpressionError(`cannot cast ${from.kind} to a temporal type`, 'Cast');
}

function castStruct(
  value: Record<string, unknown>,
  from: Extract<SqlType, { kind: 'STRUCT' }>,
  to: Extract<SqlType, { kind: 'STRUCT' }>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const field of to.fields) {
    const source = from.fields.find((f) => f.name === field.name);
    out[field.name] = source ? castValue(value[field.name] ?? null, source.type, field.type) : null;
  }
  return out;
}
