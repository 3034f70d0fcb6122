import type { Column, SourceDefinition } from '../../../sql';
import { assertNever, type SqlType } from '../../../topology/spec';
import type { FieldInfo, RunningQueryInfo, SchemaInfo, SourceInfo } from '../engine-port';
import { type PersistentQuery, queryState } from './persistent-query';

/** A source as one row of SHOW STREAMS / SHOW TABLES. */
export function sourceInfo(source: SourceDefinition): SourceInfo {
  return {
    type: source.kind,
    name: source.name,
    topic: source.topic,
    keyFormat: source.keyFormat.format === 'NONE' ? 'KAFKA' : source.keyFormat.format,
    valueFormat: source.valueFormat.format,
    isWindowed: source.windowing !== undefined,
  };
}

/** A SQL type as ksqlDB's REST `SchemaInfo`. */
export function schemaInfo(type: SqlType): SchemaInfo {
  switch (type.kind) {
    case 'ARRAY':
      return { type: 'ARRAY', fields: null, memberSchema: schemaInfo(type.element) };
    case 'MAP':
      return { type: 'MAP', fields: null, memberSchema: schemaInfo(type.value) };
    case 'STRUCT':
      return {
        type: 'STRUCT',
        fields: type.fields.map((f) => ({ name: f.name, schema: schemaInfo(f.type) })),
        memberSchema: null,
      };
    case 'BOOLEAN':
    case 'INTEGER':
    case 'BIGINT':
    case 'DOUBLE':
    case 'DECIMAL':
    case 'STRING':
    case 'BYTES':
    case 'TIMESTAMP':
    case 'DATE':
    case 'TIME':
      return { type: type.kind, fields: null, memberSchema: null };
    default:
      return assertNever(type);
  }
}

/** Columns as DESCRIBE lists them: ROWTIME first for non-windowed sources, as ksqlDB. */
export function fieldInfos(columns: readonly Column[]): FieldInfo[] {
  return columns.map((c) => {
    const base = { name: c.name, schema: schemaInfo(c.type) };
    if (c.namespace === 'KEY') return { ...base, type: 'KEY' as const };
    if (c.namespace === 'HEADERS') return { ...base, type: 'HEADER' as const };
    return base;
  });
}

/** A persistent query as one row of SHOW QUERIES. */
export function runningQueryInfo(query: PersistentQuery): RunningQueryInfo {
  const state = queryState(query);
  return {
    queryString: query.statementText,
    sinks: [query.sink],
    sinkKafkaTopics: [query.sinkTopic],
    id: query.id,
    statusCount: { [state]: 1 },
    queryType: 'PERSISTENT',
    state,
  };
}
