/**
 * SQL types as the runtime sees them: plain JSON, shared by the planner (which infers them)
 * and the runtime (serdes, functions, processors).
 *
 * Value representation at run time (every layer agrees on it):
 *
 * | type        | JS value                                                  |
 * |-------------|-----------------------------------------------------------|
 * | BOOLEAN     | boolean                                                   |
 * | INTEGER     | number (32-bit integer)                                   |
 * | BIGINT      | bigint                                                    |
 * | DOUBLE      | number                                                    |
 * | DECIMAL     | Decimal (decimal.js), always carrying the column's scale  |
 * | STRING      | string                                                    |
 * | BYTES       | Buffer                                                    |
 * | TIMESTAMP   | number, epoch milliseconds                                |
 * | DATE        | number, days since the epoch                              |
 * | TIME        | number, milliseconds of the day                           |
 * | ARRAY       | Array of values                                           |
 * | MAP         | Map<string \| number \| bigint \| boolean, value>            |
 * | STRUCT      | StructValue: a plain object whose keys are field names    |
 * | (any)       | null for SQL NULL; never undefined                        |
 */
export type SqlType =
  | { readonly kind: 'BOOLEAN' }
  | { readonly kind: 'INTEGER' }
  | { readonly kind: 'BIGINT' }
  | { readonly kind: 'DOUBLE' }
  | { readonly kind: 'DECIMAL'; readonly precision: number; readonly scale: number }
  | { readonly kind: 'STRING' }
  | { readonly kind: 'BYTES' }
  | { readonly kind: 'TIMESTAMP' }
  | { readonly kind: 'DATE' }
  | { readonly kind: 'TIME' }
  | { readonly kind: 'ARRAY'; readonly element: SqlType }
  | { readonly kind: 'MAP'; readonly key: SqlType; readonly value: SqlType }
  | { readonly kind: 'STRUCT'; readonly fields: readonly StructField[] };

export interface StructField {
  readonly name: string;
  readonly type: SqlType;
}

export type SqlTypeKind = SqlType['kind'];

export const SqlTypes = {
  boolean: { kind: 'BOOLEAN' },
  integer: { kind: 'INTEGER' },
  bigint: { kind: 'BIGINT' },
  double: { kind: 'DOUBLE' },
  string: { kind: 'STRING' },
  bytes: { kind: 'BYTES' },
  timestamp: { kind: 'TIMESTAMP' },
  date: { kind: 'DATE' },
  time: { kind: 'TIME' },
  decimal: (precision: number, scale: number): SqlType => ({ kind: 'DECIMAL', precision, scale }),
  array: (element: SqlType): SqlType => ({ kind: 'ARRAY', element }),
  map: (key: SqlType, value: SqlType): SqlType => ({ kind: 'MAP', key, value }),
  struct: (fields: readonly StructField[]): SqlType => ({ kind: 'STRUCT', fields }),
} as const satisfies Record<string, SqlType | ((...args: never[]) => SqlType)>;

/** Renders a type as ksqlDB prints it in DESCRIBE and in post-condition schemas. */
export function formatSqlType(type: SqlType): string {
  switch (type.kind) {
    case 'DECIMAL':
      return `DECIMAL(${type.precision}, ${type.scale})`;
    case 'ARRAY':
      return `ARRAY<${formatSqlType(type.element)}>`;
    case 'MAP':
      return `MAP<${formatSqlType(type.key)}, ${formatSqlType(type.value)}>`;
    case 'STRUCT':
      return `STRUCT<${type.fields.map((f) => `\`${f.name}\` ${formatSqlType(f.type)}`).join(', ')}>`;
    default:
      return type.kind;
  }
}

/** Structural equality of two types. */
export function sameSqlType(a: SqlType, b: SqlType): boolean {
  return formatSqlType(a) === formatSqlType(b);
}
