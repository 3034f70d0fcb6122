import type { FieldInfo, KsqlEntity, SchemaInfo, SourceDescription } from '../engine/engine-port';
import { renderTable } from '../cli/render-table';

/** Output of the REPL: the ksql CLI's tables (TABULAR) or the server's JSON (JSON). */
export type OutputFormat = 'TABULAR' | 'JSON';

/** One `/ksql` result as the ksql CLI prints it. */
export function renderEntity(entity: KsqlEntity): string {
  const warnings = entity.warnings.map((w) => `WARNING: ${w.message}`);
  return [...warnings, renderBody(entity)].filter((part) => part !== '').join('\n');
}

function renderBody(entity: KsqlEntity): string {
  switch (entity['@type']) {
    case 'currentStatus':
      return renderTable(['Message'], [[entity.commandStatus.message]]);
    case 'streams':
      return renderTable(
        ['Stream Name', 'Kafka Topic', 'Key Format', 'Value Format', 'Windowed'],
        entity.streams.map((s) => [
          s.name,
          s.topic,
          s.keyFormat,
          s.valueFormat,
          String(s.isWindowed),
        ]),
      );
    case 'tables':
      return renderTable(
        ['Table Name', 'Kafka Topic', 'Key Format', 'Value Format', 'Windowed'],
        entity.tables.map((s) => [
          s.name,
          s.topic,
          s.keyFormat,
          s.valueFormat,
          String(s.isWindowed),
        ]),
      );
    case 'queries':
      return (
        renderTable(
          ['Query ID', 'Query Type', 'Status', 'Sink Name', 'Sink Kafka Topic', 'Query String'],
          entity.queries.map((q) => [
            q.id,
            q.queryType,
            statusText(q.statusCount, q.state),
            q.sinks.join(','),
            q.sinkKafkaTopics.join(','),
            q.queryString.replace(/\s+/g, ' '),
          ]),
        ) + '\nFor detailed information on a Query run: EXPLAIN <Query ID>;'
      );
    case 'properties':
      return renderTable(
        ['Property', 'Scope', 'Value'],
        entity.properties.map((p) => [p.name, p.scope, p.value]),
      );
    case 'kafka_topics':
      return renderTable(
        ['Kafka Topic', 'Partitions', 'Partition Replicas'],
        entity.topics.map((t) => [
          t.name,
          String(t.replicaInfo.length),
          String(t.replicaInfo[0] ?? 0),
        ]),
      );
    case 'kafka_topics_extended':
      return renderTable(
        ['Kafka Topic', 'Partitions', 'Partition Replicas', 'Consumers', 'ConsumerGroups'],
        entity.topics.map((t) => [
          t.name,
          String(t.replicaInfo.length),
          String(t.replicaInfo[0] ?? 0),
          String(t.consumerCount),
          String(t.consumerGroupCount),
        ]),
      );
    case 'sourceDescription':
      return renderSource(entity.sourceDescription);
    case 'queryDescription': {
      const q = entity.queryDescription;
      return [
        `ID                   : ${q.id}`,
        `Query Type           : ${q.queryType}`,
        `SQL                  : ${q.statementText}`,
        `Status               : ${q.state}`,
        '',
        renderFields(q.fields),
        '',
        `Sources that this query reads from: ${q.sources.join(', ')}`,
        `Sinks that this query writes to: ${q.sinks.join(', ')}`,
        '',
        'Execution plan',
        '--------------',
        q.executionPlan,
        '',
        'Processing topology',
        '-------------------',
        q.topology,
      ].join('\n');
    }
    case 'connector_list':
      return renderTable(
        ['Connector Name', 'Type', 'Class', 'Status'],
        entity.connectors.map((c) => [c.name, c.type, c.className, c.state]),
      );
    case 'connector_info':
      return renderTable(['Message'], [[`Created connector ${entity.info.name}`]]);
    case 'drop_connector':
      return renderTable(['Message'], [[`Dropped connector "${entity.connectorName}"`]]);
    case 'function_names':
      return (
        renderTable(
          ['Function Name', 'Category'],
          entity.functions.map((f) => [f.name, f.category]),
        ) + '\nFor detailed information about a function, run: DESCRIBE FUNCTION <Function Name>;'
      );
    case 'describe_function':
      return [
        `Name        : ${entity.name}`,
        `Author      : ${entity.author}`,
        `Version     : ${entity.version}`,
        `Overview    : ${entity.description}`,
        `Type        : ${entity.type}`,
        `Jar         : ${entity.path}`,
        'Variations  : ',
        ...entity.functions.flatMap((f) => [
          '',
          `\tVariation   : ${entity.name}(${f.arguments.map((a) => `${a.name} ${a.type}${a.isVariadic ? '...' : ''}`).join(', ')})`,
          `\tReturns     : ${f.returnType}`,
          `\tDescription : ${f.description}`,
        ]),
      ].join('\n');
    case 'type_list':
      return renderTable(
        ['Type Name', 'Schema'],
        Object.entries(entity.types).map(([name, schema]) => [name, schemaText(schema)]),
      );
    case 'variables':
      return renderTable(
        ['Variable Name', 'Value'],
        entity.variables.map((v) => [v.name, v.value]),
      );
    case 'warning_entity':
      return entity.message;
  }
}

function statusText(counts: Readonly<Record<string, number>>, state: string): string {
  const parts = Object.entries(counts).map(([s, n]) => `${s}:${n}`);
  return parts.length > 0 ? parts.join(' ') : state;
}

function renderSource(source: SourceDescription): string {
  return [
    `Name                 : ${source.name}`,
    renderFields(source.fields),
    `For runtime statistics and query details run: DESCRIBE ${source.name} EXTENDED;`,
  ].join('\n');
}

function renderFields(fields: readonly FieldInfo[]): string {
  return renderTable(
    ['Field', 'Type'],
    fields.map((f) => [
      f.name,
      `${schemaText(f.schema)}${f.type === 'KEY' ? '        (key)' : f.type === 'HEADER' ? '        (header)' : ''}`,
    ]),
  );
}

/** ksqlDB's type text: `VARCHAR(STRING)`, `ARRAY<INTEGER>`, `STRUCT<A INTEGER>`. */
export function schemaText(schema: SchemaInfo): string {
  switch (schema.type) {
    case 'STRING':
      return 'VARCHAR(STRING)';
    case 'ARRAY':
      return `ARRAY<${schema.memberSchema ? schemaText(schema.memberSchema) : '?'}>`;
    case 'MAP':
      return `MAP<STRING, ${schema.memberSchema ? schemaText(schema.memberSchema) : '?'}>`;
    case 'STRUCT':
      return `STRUCT<${(schema.fields ?? []).map((f) => `${f.name} ${schemaText(f.schema)}`).join(', ')}>`;
    default:
      return schema.type;
  }
}
