/**
 * The JDBC connectors' view of a database. `connectors/postgres` implements it over pg;
 * temporal, NUMERIC and BIGINT values arrive as the server's text so no precision is lost
 * before the dialect converts them.
 */
export interface SqlField {
  readonly name: string;
  readonly typeOid: number;
  /** Postgres atttypmod: NUMERIC precision/scale, VARCHAR length; -1 when unconstrained. */
  readonly typeModifier: number;
}

export interface SqlResult {
  readonly rows: readonly Record<string, unknown>[];
  readonly fields: readonly SqlField[];
  readonly rowCount: number;
}

export interface SqlSession {
  query(text: string, params?: readonly unknown[]): Promise<SqlResult>;
  /** `COPY ... FROM STDIN` with `data` as the whole input (text format). */
  copyFrom(copySql: string, data: string): Promise<void>;
  release(): void;
}

export interface SqlPool {
  query(text: string, params?: readonly unknown[]): Promise<SqlResult>;
  session(): Promise<SqlSession>;
  end(): Promise<void>;
}

export interface SqlConnectionConfig {
  readonly url: string;
  readonly user?: string | null;
  readonly password?: string | null;
  readonly maxConnections?: number;
}

export type SqlPoolFactory = (config: SqlConnectionConfig) => SqlPool;
