import { showFunctions } from '../../../sql';
import { type Show } from '../core/sql-ast';
import { assertNever } from '../../../topology/spec';
import type { ConnectorInfoRow, KafkaTopicsExtendedEntity, KsqlEntity } from '../engine-port';
import { runningQueryInfo, schemaInfo, sourceInfo } from '../core/entities';
import type { EngineInternals, StatementRun } from '../core/engine-internals';
import type { ConnectorSummary, TopicInfo } from '../ports';
import { requireConnect } from './connector-executor';

/** SHOW / LIST: TOPICS, STREAMS, TABLES, QUERIES, CONNECTORS, FUNCTIONS, PROPERTIES, TYPES, VARIABLES. */
export async function executeShow(run: StatementRun<Show>): Promise<KsqlEntity> {
  const { statement, text, engine, session } = run;
  const base = { statementText: text, warnings: [] };
  switch (statement.subject) {
    case 'TOPICS': {
      const topics = await engine.topics.listTopics();
      const visible = statement.all ? topics : topics.filter((t) => !t.name.startsWith('_'));
      if (statement.extended) return { ...base, '@type': 'kafka_topics_extended', topics: await Promise.all(visible.map((t) => extendedTopic(t, engine))) };
      return {
        ...base,
        '@type': 'kafka_topics',
        topics: visible.map((t) => ({ name: t.name, replicaInfo: Array.from({ length: t.partitions }, () => t.replicas) })),
      };
    }
    case 'STREAMS':
      return { ...base, '@type': 'streams', streams: engine.metastore.listSources().filter((s) => s.kind === 'STREAM').map(sourceInfo) };
    case 'TABLES':
      return { ...base, '@type': 'tables', tables: engine.metastore.listSources().filter((s) => s.kind === 'TABLE').map(sourceInfo) };
    case 'QUERIES':
      return { ...base, '@type': 'queries', queries: engine.metastore.listQueries().map(runningQueryInfo) };
    case 'CONNECTORS': {
      const connectors = await requireConnect(engine).list();
      const wanted = statement.connectorType?.toLowerCase();
      return {
        ...base,
        '@type': 'connector_list',
        connectors: connectors.filter((c) => wanted === undefined || c.type === wanted).map(connectorRow),
      };
    }
    case 'FUNCTIONS':
      return {
        ...base,
        '@type': 'function_names',
        functions: showFunctions().map((f) => ({ name: f.name, type: f.type, category: f.category })),
      };
    case 'PROPERTIES': {
      const properties = session.properties();
      const overridden = session.overriddenNames();
      return {
        ...base,
        '@type': 'properties',
        properties: Object.keys(properties)
          .sort()
          .map((name) => ({ name, scope: name.startsWith('ksql.streams.') ? 'STREAMS' : 'KSQL', value: properties[name] ?? '' })),
        overwrittenProperties: overridden,
        defaultProperties: Object.keys(session.serverDefaults()).filter((k) => !overridden.includes(k)),
      };
    }
    case 'TYPES':
      return {
        ...base,
        '@type': 'type_list',
        types: Object.fromEntries(engine.metastore.listTypes().map((t) => [t.name, schemaInfo(t.type)])),
      };
    case 'VARIABLES':
      return {
        ...base,
        '@type': 'variables',
        variables: [...session.variableMap().entries()].map(([name, value]) => ({ name, value })),
      };
    default:
      return assertNever(statement.subject);
  }
}

/**
 * A topic with its consumers: the broker's groups when the topic port can list them, else the
 * service's persistent queries that read it (one group each, counted as one consumer).
 */
async function extendedTopic(topic: TopicInfo, engine: EngineInternals): Promise<KafkaTopicsExtendedEntity['topics'][number]> {
  const replicaInfo = Array.from({ length: topic.partitions }, () => topic.replicas);
  const groups = engine.topics.consumerGroups
    ? await engine.topics.consumerGroups(topic.name)
    : engine.metastore.listQueries().filter((q) => q.spec.sources.some((s) => s.topic === topic.name)).map((q) => ({ groupId: q.spec.applicationId, members: 1 }));
  return { name: topic.name, replicaInfo, consumerCount: groups.reduce((n, g) => n + g.members, 0), consumerGroupCount: groups.length };
}

/** `RUNNING (1/1 tasks RUNNING)`, as ksqlDB's SHOW CONNECTORS prints a connector's state. */
export function connectorRow(c: ConnectorSummary): ConnectorInfoRow {
  const running = c.tasks.filter((t) => t.state === 'RUNNING').length;
  const type = c.type === 'source' ? 'SOURCE' : c.type === 'sink' ? 'SINK' : 'UNKNOWN';
  return { name: c.name, type, className: c.className, state: `${c.state} (${running}/${c.tasks.length} tasks RUNNING)` };
}
