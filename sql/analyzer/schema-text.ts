import { formatSqlType, type SqlType } from '../../topology/spec';
import type { Column } from '../catalog';

/** `` `ID` INTEGER KEY, `NAME` STRING ``: the column list ksqlDB prints in messages. */
export function formatColumnList(columns: readonly Column[]): string {
  return columns.map(formatColumn).join(', ');
}

export function formatColumn(column: Column): string {
  const suffix =
    column.namespace === 'KEY' ? ' KEY' : column.namespace === 'HEADERS' ? ' HEADERS' : '';
  return `\`${column.name}\` ${formatSqlType(column.type)}${suffix}`;
}

/**
 * The schema as DESCRIBE and the QTT post-conditions print it: unquoted names where possible,
 * `KEY` for stream keys and `PRIMARY KEY` for table keys.
 */
export function formatSchema(columns: readonly Column[], kind: 'STREAM' | 'TABLE'): string {
  return columns
    .map((c) => {
      const name = quoteIfNeeded(c.name);
      const key = c.namespace === 'KEY' ? (kind === 'TABLE' ? ' PRIMARY KEY' : ' KEY') : '';
      const headers =
        c.namespace === 'HEADERS' ? (c.headerKey ? ` HEADER('${c.headerKey}')` : ' HEADERS') : '';
      return `${name} ${describeType(c.type)}${key}${headers}`;
    })
    .join(', ');
}

function quoteIfNeeded(name: string): string {
  return /^[A-Z_][A-Z0-9_]*$/.test(name) ? name : `\`${name}\``;
}

/** A type as DESCRIBE prints it: struct fields quoted only when they need it. */
export function describeType(type: SqlType): string {
  switch (type.kind) {
    case 'ARRAY':
      return `ARRAY<${describeType(type.element)}>`;
    case 'MAP':
      return `MAP<${describeType(type.key)}, ${describeType(type.value)}>`;
    case 'STRUCT':
      return `STRUCT<${type.fields.map((f) => `${quoteIfNeeded(f.name)} ${describeType(f.type)}`).join(', ')}>`;
    default:
      return formatSqlType(type);
  }
}
