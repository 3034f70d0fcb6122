import Decimal from 'decimal.js';
import type { SqlType } from '../../spec';
import { scalarText, toDecimal, type Value } from '../../functions';

/** A run-time value as the avsc types of `avro-types.ts` expect it. */
export function toAvro(value: Value, type: SqlType): unknown {
  if (value === null || value === undefined) return null;
  switch (type.kind) {
    case 'BIGINT':
    case 'TIMESTAMP':
      return type.kind === 'BIGINT'
        ? typeof value === 'bigint'
          ? value
          : BigInt(Math.trunc(Number(value)))
        : Number(value);
    case 'DECIMAL':
      return toDecimal(value);
    case 'ARRAY':
      return (value as Value[]).map((v) => toAvro(v, type.element));
    case 'MAP': {
      const out: Record<string, unknown> = {};
      for (const [k, v] of value as Map<unknown, Value>) out[String(k)] = toAvro(v, type.value);
      return out;
    }
    case 'STRUCT': {
      const obj = value as Record<string, Value>;
      const out: Record<string, unknown> = {};
      for (const f of type.fields) out[f.name] = toAvro(obj[f.name] ?? null, f.type);
      return out;
    }
    default:
      return value;
  }
}

/**
 * A decoded Avro value (from whatever schema wrote it) as the run-time value of a SQL type:
 * numeric promotions, missing record fields as NULL, field names matched case-insensitively.
 */
export function fromAvro(value: unknown, type: SqlType): Value {
  if (value === null || value === undefined) return null;
  switch (type.kind) {
    case 'INTEGER':
    case 'DOUBLE':
    case 'DATE':
    case 'TIME':
    case 'TIMESTAMP':
      return type.kind === 'INTEGER' ? Math.trunc(Number(value)) : Number(value);
    case 'BIGINT':
      return typeof value === 'bigint' ? value : BigInt(Math.trunc(Number(value)));
    case 'DECIMAL':
      return toDecimal(value).toDecimalPlaces(type.scale, Decimal.ROUND_HALF_UP);
    case 'STRING':
      return scalarText(value);
    case 'BYTES':
      return Buffer.from(value as Buffer);
    case 'BOOLEAN':
      return Boolean(value);
    case 'ARRAY':
      return (value as unknown[]).map((v) => fromAvro(v, type.element));
    case 'MAP':
      return new Map(
        Object.entries(value as Record<string, unknown>).map(([k, v]) => [
          k,
          fromAvro(v, type.value),
        ]),
      );
    case 'STRUCT':
      return fromRecord(value as Record<string, unknown>, type.fields);
  }
}

export function fromRecord(
  record: Record<string, unknown>,
  fields: readonly { name: string; type: SqlType }[],
): Record<string, Value> {
  let upper: Map<string, string> | undefined;
  const out: Record<string, Value> = {};
  for (const f of fields) {
    upper ??=
      f.name in record ? undefined : new Map(Object.keys(record).map((k) => [k.toUpperCase(), k]));
    const key = f.name in record ? f.name : upper?.get(f.name.toUpperCase());
    out[f.name] = key === undefined ? null : fromAvro(record[key], f.type);
  }
  return out;
}
