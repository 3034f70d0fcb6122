import type { SqlPool, SqlResult } from '../../../../connectors/jdbc/sql-client';

/** One column as `tableColumns` reads it from pg_attribute/pg_type. */
export interface FakeColumn {
  readonly name: string;
  readonly oid: number;
  readonly pk?: boolean;
  readonly nullable?: boolean;
  readonly typeName?: string;
  readonly labels?: string;
}

/** A SqlPool that answers catalog queries from a fixed table description (no Postgres). */
export function catalogPool(tables: Readonly<Record<string, readonly FakeColumn[]>>): SqlPool {
  return {
    query(_text: string, params?: readonly unknown[]): Promise<SqlResult> {
      const columns = tables[`${String(params?.[0])}.${String(params?.[1])}`] ?? [];
      const rows = columns.map((c) => ({
        name: c.name,
        oid: c.oid,
        typmod: -1,
        nullable: c.nullable ?? !c.pk,
        pk: c.pk ?? false,
        type_name: c.typeName ?? 'int4',
        labels: c.labels ?? null,
        elem_oid: 0,
        elem_name: null,
        elem_labels: null,
      }));
      return Promise.resolve({ rows, fields: [], rowCount: rows.length });
    },
    session: () => Promise.reject(new Error('no sessions in unit tests')),
    end: () => Promise.resolve(),
  };
}
