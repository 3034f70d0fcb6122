import type { SqlType } from '../spec';
import { toJsonText, type Value } from '../functions';
import type { Column } from './serde-contract';

export interface RenderOptions {
  /**
   * Render TIMESTAMP, DATE and TIME as ISO text (`2021-08-10T09:36:05.000`, `2021-08-10`,
   * `09:36:05`), as ksqlDB's REST API and CLI show them, instead of the numbers the JSON format
   * stores. Default false.
   */
  readonly temporalAsText?: boolean;
}

/**
 * A row as ksqlDB's REST API prints it: a JSON array of the column values, each rendered as
 * ksqlDB's JSON writes it (DECIMAL with scale, DOUBLE Java-style, BIGINT exact).
 */
export function renderRowAsJson(
  columns: readonly Column[],
  row: readonly Value[],
  options: RenderOptions = {},
): string {
  return `[${columns.map((c, i) => renderValueAsJson(row[i] ?? null, c.type, options)).join(',')}]`;
}

/** One value as JSON text; with `temporalAsText`, temporal values anywhere inside become ISO strings. */
export function renderValueAsJson(
  value: Value,
  type: SqlType,
  options: RenderOptions = {},
): string {
  if (!options.temporalAsText || value === null || value === undefined)
    return toJsonText(value ?? null, type);
  switch (type.kind) {
    case 'TIMESTAMP':
      return JSON.stringify(new Date(Number(value)).toISOString().replace(/Z$/, ''));
    case 'DATE':
      return JSON.stringify(new Date(Number(value) * 86_400_000).toISOString().slice(0, 10));
    case 'TIME':
      return JSON.stringify(new Date(Number(value)).toISOString().slice(11, 19));
    case 'ARRAY':
      return `[${(value as Value[]).map((v) => renderValueAsJson(v, type.element, options)).join(',')}]`;
    case 'MAP': {
      const entries = [...(value as Map<unknown, Value>)].map(
        ([k, v]) => `${JSON.stringify(String(k))}:${renderValueAsJson(v, type.value, options)}`,
      );
      return `{${entries.join(',')}}`;
    }
    case 'STRUCT': {
      const obj = value as Record<string, Value>;
      const fields = type.fields.map(
        (f) =>
          `${JSON.stringify(f.name)}:${renderValueAsJson(obj[f.name] ?? null, f.type, options)}`,
      );
      return `{${fields.join(',')}}`;
    }
    default:
      return toJsonText(value, type);
  }
}
