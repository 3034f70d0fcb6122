import type { SqlType } from '../../topology/spec';

/** Where a column lives in a record. */
export type ColumnNamespace = 'KEY' | 'VALUE' | 'HEADERS';

/**
 * One column of a source. Names are stored normalised (upper case unless quoted in the DDL).
 * A HEADERS column holds every header (ARRAY<STRUCT<KEY STRING, VALUE BYTES>>) or, with
 * `headerKey`, one header's value as BYTES.
 */
export interface Column {
  readonly name: string;
  readonly type: SqlType;
  readonly namespace: ColumnNamespace;
  readonly headerKey?: string;
}

export function column(name: string, type: SqlType, namespace: ColumnNamespace = 'VALUE'): Column {
  return { name, type, namespace };
}

export const keyColumns = (columns: readonly Column[]): readonly Column[] =>
  columns.filter((c) => c.namespace === 'KEY');

export const valueColumns = (columns: readonly Column[]): readonly Column[] =>
  columns.filter((c) => c.namespace !== 'KEY');

/** Pseudo columns every source exposes to queries, in ksqlDB's order. */
export const PSEUDO_COLUMNS = ['ROWTIME', 'ROWPARTITION', 'ROWOFFSET'] as const;
export const WINDOW_BOUNDS = ['WINDOWSTART', 'WINDOWEND'] as const;
export type PseudoColumn = (typeof PSEUDO_COLUMNS)[number];
