import { describeFunction, formatWindowSize, type SourceDefinition } from '../../../sql';
import { type DescribeFunction, type DescribeSource, type DescribeSources, type Explain } from '../core/sql-ast';
import { describeTopology, type TopologySpec } from '../../../topology/spec';
import type { KsqlEntity, QueryDescription, SourceDescription } from '../engine-port';
import { fieldInfos, runningQueryInfo } from '../core/entities';
import type { EngineInternals, StatementRun } from '../core/engine-internals';
import { type PersistentQuery, queryError, queryState } from '../core/persistent-query';
import { rejected } from '../core/statement-errors';
import { compileForExplain } from './explain-compile';

/** DESCRIBE [EXTENDED] source. */
export async function executeDescribeSource(run: StatementRun<DescribeSource>): Promise<KsqlEntity> {
  const { statement, engine, text } = run;
  const source = engine.metastore.getSource(statement.name.name);
  if (!source) throw rejected(`Could not find STREAM/TABLE '${statement.name.name}' in the Metastore`);
  return {
    statementText: text,
    warnings: [],
    '@type': 'sourceDescription',
    sourceDescription: await describeSource(engine, source, statement.extended),
  };
}

/** DESCRIBE STREAMS|TABLES [EXTENDED]: ksqlDB answers with one description per source. */
export async function executeDescribeSources(run: StatementRun<DescribeSources>): Promise<KsqlEntity[]> {
  const { statement, engine, text } = run;
  const kind = statement.subject === 'STREAMS' ? 'STREAM' : 'TABLE';
  const sources = engine.metastore.listSources().filter((s) => s.kind === kind);
  const entities: KsqlEntity[] = [];
  for (const source of sources) {
    entities.push({
      statementText: text,
      warnings: [],
      '@type': 'sourceDescription',
      sourceDescription: await describeSource(engine, source, statement.extended),
    });
  }
  return entities;
}

async function describeSource(engine: EngineInternals, source: SourceDefinition, extended: boolean): Promise<SourceDescription> {
  const readers = engine.metastore.readersOf(source.name);
  const writers = engine.metastore.writersOf(source.name);
  const topic = await engine.topics.describeTopic(source.topic);
  const stats = extended ? await statistics(writers.length > 0 ? writers : readers) : { statistics: '', errorStats: '' };
  return {
    name: source.name,
    windowType: source.windowing?.type ?? null,
    readQueries: readers.map(runningQueryInfo),
    writeQueries: writers.map(runningQueryInfo),
    fields: fieldInfos(source.columns),
    type: source.kind,
    timestamp: source.timestamp?.column ?? '',
    statistics: stats.statistics,
    errorStats: stats.errorStats,
    extended,
    keyFormat: source.keyFormat.format === 'NONE' ? 'KAFKA' : source.keyFormat.format,
    valueFormat: source.valueFormat.format,
    topic: source.topic,
    partitions: topic?.partitions ?? source.partitions ?? 0,
    replication: topic?.replicas ?? source.replicas ?? 0,
    statement: source.sql ?? '',
  };
}

/** ksqlDB-style statistics text, summed over the queries' members in this process. */
async function statistics(queries: readonly PersistentQuery[]): Promise<{ statistics: string; errorStats: string }> {
  let perSecond = 0;
  let total = 0;
  let errors = 0;
  let lag = 0;
  let last: number | undefined;
  for (const query of queries) {
    if (!query.run) continue;
    const m = await query.run.metrics();
    perSecond += m.messagesPerSecond;
    total += m.recordsIn;
    errors += m.errors;
    lag += m.consumerLag;
    if (m.lastMessageAt !== undefined) last = Math.max(last ?? 0, m.lastMessageAt);
  }
  const lastText = last === undefined ? 'n/a' : new Date(last).toISOString();
  return {
    statistics: `messages-per-sec: ${perSecond.toFixed(2)} total-messages: ${total} consumer-lag: ${lag} last-message: ${lastText}`,
    errorStats: `failed-messages: ${errors}`,
  };
}

/** DESCRIBE FUNCTION. */
export function executeDescribeFunction(run: StatementRun<DescribeFunction>): KsqlEntity {
  const { statement, text } = run;
  const description = describeFunction(statement.name.name);
  if (!description) throw rejected(`Can't find any functions with the name '${statement.name.name}'`);
  return {
    statementText: text,
    warnings: [],
    '@type': 'describe_function',
    name: description.name,
    description: description.description,
    author: description.author,
    version: description.version,
    path: description.path,
    type: description.type,
    functions: description.functions.map((f) => ({
      arguments: f.arguments,
      returnType: f.returnType,
      description: f.description,
    })),
  };
}

/** EXPLAIN <query id> or EXPLAIN <statement>. */
export function executeExplain(run: StatementRun<Explain>): KsqlEntity {
  const { statement, engine, text } = run;
  let description: QueryDescription;
  if (statement.queryId) {
    const query = engine.metastore.getQuery(statement.queryId.text);
    if (!query) throw rejected(`Query with id:${statement.queryId.text} does not exist, use SHOW QUERIES to view the full set of running queries.`);
    description = describeQuery(query);
  } else if (statement.statement) {
    const compiled = compileForExplain(run);
    description = {
      ...queryDescription('', text, compiled.spec, compiled.sources, compiled.sinks, run.session.properties(), 'NOT_RUNNING', []),
      executionPlan: compiled.planText,
    };
  } else {
    throw rejected('EXPLAIN needs a query id or a statement');
  }
  return { statementText: text, warnings: [], '@type': 'queryDescription', queryDescription: description };
}

function describeQuery(query: PersistentQuery): QueryDescription {
  const error = queryError(query);
  return queryDescription(
    query.id,
    query.statementText,
    query.spec,
    query.sources,
    [query.sink],
    query.properties,
    queryState(query),
    error ? [{ errorMessage: error.message, timestamp: error.timestamp }] : [],
  );
}

function queryDescription(
  id: string,
  statementText: string,
  spec: TopologySpec,
  sources: readonly string[],
  sinks: readonly string[],
  properties: Readonly<Record<string, string>>,
  state: string,
  queryErrors: QueryDescription['queryErrors'],
): QueryDescription {
  const window = spec.sink.window;
  return {
    id,
    statementText,
    windowType: window ? `${window.type}${window.sizeMs === null ? '' : ` ${formatWindowSize(window.sizeMs)}`}` : null,
    fields: fieldInfos([
      ...spec.sink.keyColumns.map((c) => ({ ...c, namespace: 'KEY' as const })),
      ...spec.sink.valueColumns.map((c) => ({ ...c, namespace: 'VALUE' as const })),
    ]),
    sources,
    sinks,
    topology: describeTopology(spec),
    executionPlan: spec.steps.map((s) => `${s.kind} ${s.id}`).join('\n'),
    overriddenProperties: properties,
    queryType: 'PERSISTENT',
    state,
    queryErrors,
  };
}
