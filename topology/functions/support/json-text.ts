import type { SqlType } from '../../spec';
import type { Value } from '../function-contract';
import { javaDoubleToString } from './java-double';
import { scalarText, toDecimal } from './numbers';

/**
 * Renders a run-time value of a SQL type as ksqlDB writes it in JSON: DOUBLE in Java notation
 * (`3.0`, `1.0E7`), DECIMAL with its exact scale (`10.00`), BIGINT exact, BYTES base64,
 * TIMESTAMP/DATE/TIME as numbers, MAP keys as strings, STRUCT fields by name. Compact, like Jackson.
 * Non-finite doubles are written as the strings "NaN"/"Infinity", as Jackson does by default.
 */
export function toJsonText(value: Value, type: SqlType): string {
  if (value === null || value === undefined) return 'null';
  switch (type.kind) {
    case 'BOOLEAN':
      return value ? 'true' : 'false';
    case 'INTEGER':
    case 'TIMESTAMP':
    case 'DATE':
    case 'TIME':
      return typeof value === 'number' ? String(Math.trunc(value)) : scalarText(value);
    case 'BIGINT':
      return typeof value === 'bigint' ? value.toString() : String(Math.trunc(Number(value)));
    case 'DOUBLE': {
      const n = Number(value);
      return Number.isFinite(n) ? javaDoubleToString(n) : JSON.stringify(javaDoubleToString(n));
    }
    case 'DECIMAL':
      return toDecimal(value).toFixed(type.scale);
    case 'STRING':
      return JSON.stringify(scalarText(value));
    case 'BYTES':
      return JSON.stringify((value as Buffer).toString('base64'));
    case 'ARRAY':
      return `[${(value as Value[]).map((v) => toJsonText(v, type.element)).join(',')}]`;
    case 'MAP': {
      const entries = [...(value as Map<unknown, Value>)].map(
        ([k, v]) => `${JSON.stringify(String(k))}:${toJsonText(v, type.value)}`,
      );
      return `{${entries.join(',')}}`;
    }
    case 'STRUCT': {
      const obj = value as Record<string, Value>;
      const fields = type.fields.map(
        (f) => `${JSON.stringify(f.name)}:${toJsonText(obj[f.name] ?? null, f.type)}`,
      );
      return `{${fields.join(',')}}`;
    }
  }
}
