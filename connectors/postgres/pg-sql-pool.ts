import { Pool, types, type PoolClient, type QueryResult } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { RetriableError } from '../errors';
import type { SqlConnectionConfig, SqlPool, SqlResult, SqlSession } from '../jdbc/sql-client';
import { parseJdbcUrl } from './jdbc-url';

/** int8, numeric, date, time, timetz, timestamp, timestamptz: kept as server text. */
const RAW_OIDS = new Set([20, 1700, 1082, 1083, 1266, 1114, 1184]);
const keepText = (value: string): string => value;
const rawTypes = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary'): unknown =>
    RAW_OIDS.has(oid)
      ? keepText
      : (types.getTypeParser(oid, format ?? 'text') as unknown)) as typeof types.getTypeParser,
};

/** Connection failures and server shutdowns are worth retrying; SQL errors are not. */
const RETRIABLE_SQLSTATE = /^(08|57P0|53)/;

function wrap(error: unknown, text: string): unknown {
  const code = (error as { code?: unknown }).code;
  if (typeof code === 'string' && RETRIABLE_SQLSTATE.test(code))
    return new RetriableError(`database unavailable running ${text.slice(0, 80)}`, {
      cause: error,
    });
  if (code === 'ECONNREFUSED' || code === 'ECONNRESET')
    return new RetriableError('database unreachable', { cause: error });
  return error;
}

function result(r: QueryResult): SqlResult {
  return {
    rows: r.rows as Record<string, unknown>[],
    fields: r.fields.map((f) => ({
      name: f.name,
      typeOid: f.dataTypeID,
      typeModifier: f.dataTypeModifier,
    })),
    rowCount: r.rowCount ?? 0,
  };
}

function session(client: PoolClient): SqlSession {
  return {
    async query(text, params) {
      try {
        return result(await client.query(text, params as unknown[] | undefined));
      } catch (error) {
        throw wrap(error, text);
      }
    },
    async copyFrom(copySql, data) {
      const stream = client.query(copyFrom(copySql));
      await pipeline(Readable.from([data]), stream);
    },
    release: () => client.release(),
  };
}

/** SqlPool over pg for a `jdbc:postgresql://` URL. */
export function pgSqlPool(config: SqlConnectionConfig): SqlPool {
  const params = parseJdbcUrl(config.url, config.user, config.password);
  const pool = new Pool({
    ...params,
    max: config.maxConnections ?? 4,
    types: rawTypes,
    application_name: 'brook-connect',
    options: '-c TimeZone=UTC',
  });
  pool.on('error', () => undefined);
  return {
    async query(text, values) {
      try {
        return result(await pool.query(text, values as unknown[] | undefined));
      } catch (error) {
        throw wrap(error, text);
      }
    },
    async session() {
      try {
        return session(await pool.connect());
      } catch (error) {
        throw wrap(error, 'connect');
      }
    },
    end: () => pool.end(),
  };
}
