import type { ConfigValidator } from '../config';
import type { Props } from '../plugins/source-connector';
import { regexList } from './table-filter';

/**
 * Which columns reach the `before`/`after` images and how their values are rewritten:
 * `column.include.list` / `column.exclude.list` (regexes over `schema.table.column`) and the
 * column mappers `column.mask.with.<n>.chars` / `column.truncate.to.<n>.chars`. As in Debezium,
 * these shape the value only; the record key keeps its columns whole.
 */
export interface ColumnSelection {
  readonly include: readonly RegExp[];
  readonly exclude: readonly RegExp[];
  readonly mappers: readonly ColumnMapperRule[];
}

export interface ColumnMapperRule {
  readonly columns: readonly RegExp[];
  readonly map: (value: string) => string;
}

export const NO_COLUMN_SELECTION: ColumnSelection = { include: [], exclude: [], mappers: [] };

const MASK = /^column\.mask\.with\.(\d+)\.chars$/;
const TRUNCATE = /^column\.truncate\.to\.(\d+)\.chars$/;

/** Parses the column settings; returns Connect-style error lines for bad dynamic keys. */
export function columnSelection(
  include: string,
  exclude: string,
  props: Props,
): { selection: ColumnSelection; errors: string[] } {
  const errors: string[] = [];
  const mappers: ColumnMapperRule[] = [];
  for (const [name, value] of Object.entries(props).sort(([a], [b]) => a.localeCompare(b))) {
    const mask = MASK.exec(name);
    const truncate = TRUNCATE.exec(name);
    if (mask === null && truncate === null) {
      if (/^column\.(mask\.with|truncate\.to)\./.test(name))
        errors.push(
          `Invalid configuration ${name}: expected column.mask.with.<length>.chars or column.truncate.to.<length>.chars with a non-negative integer length`,
        );
      continue;
    }
    const why = regexListValidator().check(value);
    if (why !== undefined) {
      errors.push(`Invalid value ${value} for configuration ${name}: ${why}`);
      continue;
    }
    const n = Number((mask ?? truncate)![1]);
    if (truncate !== null && n < 1) {
      errors.push(`Invalid value for configuration ${name}: the length must be a positive integer`);
      continue;
    }
    mappers.push({
      columns: regexList(value),
      map: mask !== null ? () => '*'.repeat(n) : (v) => truncateChars(v, n),
    });
  }
  return {
    selection: { include: regexList(include), exclude: regexList(exclude), mappers },
    errors,
  };
}

/** Truncates to `n` characters (code points, as Java's String length would not split pairs here). */
function truncateChars(value: string, n: number): string {
  const chars = [...value];
  return chars.length <= n ? value : chars.slice(0, n).join('');
}

export function columnInValue(s: ColumnSelection, schema: string, table: string, column: string) {
  const id = `${schema}.${table}.${column}`;
  if (s.include.length > 0) return s.include.some((r) => r.test(id));
  return !s.exclude.some((r) => r.test(id));
}

/** The value rewrite of a string column, or undefined when no mapper names it. */
export function columnMapper(
  s: ColumnSelection,
  schema: string,
  table: string,
  column: string,
): ((value: string) => string) | undefined {
  const id = `${schema}.${table}.${column}`;
  const rules = s.mappers.filter((m) => m.columns.some((r) => r.test(id)));
  if (rules.length === 0) return undefined;
  return (value) => rules.reduce((v, rule) => rule.map(v), value);
}

/** Comma-separated regular expressions, each of which must compile. */
export function regexListValidator(): ConfigValidator {
  return {
    describe: 'comma-separated list of regular expressions',
    check: (value) => {
      if (value === null) return undefined;
      try {
        regexList(String(value));
        return undefined;
      } catch (e) {
        return `not a valid regular expression: ${e instanceof Error ? e.message : String(e)}`;
      }
    },
  };
}
