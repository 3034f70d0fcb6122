export { createPgPool, type PgPool, type PgQueryable, type PgQueryResult } from './pg-pool';
export { pgSqlPool } from './pg-sql-pool';
export { parseJdbcUrl, type PgConnectionParams } from './jdbc-url';
