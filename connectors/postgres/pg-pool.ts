import { Pool } from 'pg';
import { parseJdbcUrl } from './jdbc-url';

export interface PgQueryResult<R> {
  readonly rows: R[];
  readonly rowCount: number;
}

export interface PgQueryable {
  query<R = Record<string, unknown>>(
    text: string,
    params?: readonly unknown[],
  ): Promise<PgQueryResult<R>>;
}

/**
 * The application's typed port over pg (datagen, demo, tests reading gold tables): only
 * `connectors/postgres` imports pg. Values use pg's default parsing (BIGINT and NUMERIC as
 * strings, timestamps as Date).
 */
export interface PgPool extends PgQueryable {
  /** Runs `work` in one transaction on one connection; rolls back if it throws. */
  transaction<T>(work: (tx: PgQueryable) => Promise<T>): Promise<T>;
  end(): Promise<void>;
}

/** Accepts `postgres://user:pass@host:port/db` or `jdbc:postgresql://host:port/db`. */
export function createPgPool(
  connectionString: string,
  options: { readonly max?: number } = {},
): PgPool {
  const pool = new Pool({ ...parseJdbcUrl(connectionString), max: options.max ?? 4 });
  pool.on('error', () => undefined);
  const query = async <R>(text: string, params?: readonly unknown[]): Promise<PgQueryResult<R>> => {
    const r = await pool.query(text, params as unknown[] | undefined);
    return { rows: r.rows as R[], rowCount: r.rowCount ?? 0 };
  };
  return {
    query,
    async transaction<T>(work: (tx: PgQueryable) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const tx: PgQueryable = {
          query: async <R>(text: string, params?: readonly unknown[]) => {
            const r = await client.query(text, params as unknown[] | undefined);
            return { rows: r.rows as R[], rowCount: r.rowCount ?? 0 };
          },
        };
        const value = await work(tx);
        await client.query('COMMIT');
        return value;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    end: () => pool.end(),
  };
}
