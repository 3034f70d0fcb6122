import {
  compileScript,
  formatSchema,
  isSqlError,
  type CompiledStatement,
  type SqlError,
} from '../../../sql';

/** The compiled form of the last statement of a script (earlier ones define the catalog). */
export function compileLast(sql: string, config: Record<string, string> = {}): CompiledStatement {
  const compiled = compileScript(sql, { config });
  const last = compiled[compiled.length - 1];
  if (!last) throw new Error('empty script');
  return last.compiled;
}

/** The SqlError a script is rejected with. */
export function rejection(sql: string, config: Record<string, string> = {}): SqlError {
  try {
    compileScript(sql, { config });
  } catch (error) {
    if (isSqlError(error)) return error;
    throw error;
  }
  throw new Error(`expected a rejection of: ${sql}`);
}

/** The sink schema of the last (CSAS/CTAS) statement, as DESCRIBE prints it. */
export function sinkSchema(sql: string, config: Record<string, string> = {}): string {
  const last = compileLast(sql, config);
  if (last.kind !== 'PersistentQuery') throw new Error(`not a persistent query: ${last.kind}`);
  return formatSchema(last.sink.columns, last.sink.kind);
}

export const STREAM =
  "CREATE STREAM S (ID INT KEY, NAME STRING, V BIGINT, D DECIMAL(4,2), A ARRAY<INT>, ST STRUCT<X INT, `y` STRING>) WITH (kafka_topic='s', value_format='JSON');\n";
export const TABLE =
  "CREATE TABLE T (ID INT PRIMARY KEY, TNAME STRING, TV BIGINT) WITH (kafka_topic='t', value_format='JSON');\n";
