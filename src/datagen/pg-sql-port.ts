import { createPgPool } from '../../connectors';
import type { SqlPort } from './datagen-ports';

/** The production `SqlPort`: a small Postgres pool (the generator runs one change at a time). */
export function pgSqlPort(connectionString: string): SqlPort {
  const pool = createPgPool(connectionString, { max: 2 });
  return {
    query: async (sql, params) => (await pool.query(sql, params)).rows,
    close: () => pool.end(),
  };
}
