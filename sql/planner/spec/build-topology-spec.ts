import {
  TOPOLOGY_SPEC_VERSION,
  changelogTopicName,
  repartitionTopicName,
  storeName,
  subscriptionRegistrationTopicName,
  subscriptionResponseTopicName,
  type ForeignKeySubscription,
  type FormatSpec,
  type InternalTopicSpec,
  type SinkSpec,
  type SourceSpec,
  type Step,
  type StoreSpec,
  type TopologySpec,
} from '../../../topology/spec';
import { assertNever } from '../../ast';
import type { FormatInfo, SourceDefinition } from '../../catalog';
import { planInputs, type PlanNode } from '../logical/plan-node';

export interface SpecNaming {
  readonly queryId: string;
  readonly applicationId: string;
  readonly config: Readonly<Record<string, string>>;
}

/** Turns a logical plan into the versioned, serialisable `TopologySpec` the runtime runs. */
export function buildTopologySpec(root: PlanNode, naming: SpecNaming): TopologySpec {
  const builder = new StepBuilder(naming.applicationId);
  builder.visit(root);
  const sinkNode = root.kind === 'SinkNode' ? root : undefined;
  return {
    version: TOPOLOGY_SPEC_VERSION,
    queryId: naming.queryId,
    applicationId: naming.applicationId,
    sources: builder.sources.map(sourceSpec),
    sink: sinkSpec(root, sinkNode?.sink, naming.queryId),
    internalTopics: builder.internalTopics,
    steps: builder.steps,
    config: naming.config,
  };
}

class StepBuilder {
  readonly steps: Step[] = [];
  readonly sources: SourceDefinition[] = [];
  readonly internalTopics: InternalTopicSpec[] = [];

  constructor(private readonly appId: string) {}

  store(stepId: string, role: string, spec: Omit<StoreSpec, 'name' | 'changelogTopic'>): StoreSpec {
    const name = storeName(stepId, role);
    const changelogTopic = changelogTopicName(this.appId, name);
    this.internalTopics.push({ name: changelogTopic, role: 'changelog', stepId, store: name });
    return { name, changelogTopic, ...spec };
  }

  /** A foreign-key join's topics; Kafka Streams creates both as repartition topics. */
  subscription(stepId: string): ForeignKeySubscription {
    const registrationTopic = subscriptionRegistrationTopicName(this.appId, stepId);
    const responseTopic = subscriptionResponseTopicName(this.appId, stepId);
    this.internalTopics.push({ name: registrationTopic, role: 'repartition', stepId });
    this.internalTopics.push({ name: responseTopic, role: 'repartition', stepId });
    return { registrationTopic, responseTopic };
  }

  repartition(stepId: string): { topic: string } {
    const topic = repartitionTopicName(this.appId, stepId);
    this.internalTopics.push({ name: topic, role: 'repartition', stepId });
    return { topic };
  }

  /** Emits the steps of `node` (inputs first) and returns the id of its last step. */
  visit(node: PlanNode): string {
    const inputs = planInputs(node).map((n) => this.visit(n));
    const source = inputs[0] ?? '';
    const base = { id: node.id, schema: node.schema, stores: [] as StoreSpec[] };
    const table = node.resultType === 'TABLE';
    switch (node.kind) {
      case 'DataSourceNode': {
        if (!this.sources.some((s) => s.name === node.source.name)) this.sources.push(node.source);
        if (!table)
          return this.push({ ...base, kind: 'StreamSource', sourceName: node.source.name });
        const kind = node.source.windowing
          ? node.source.windowing.type === 'SESSION'
            ? 'session'
            : 'window'
          : 'keyValue';
        const stores = [
          this.store(node.id, 'Materialize', {
            kind,
            ...(node.source.windowing?.sizeMs !== undefined
              ? { windowSizeMs: node.source.windowing.sizeMs }
              : {}),
          }),
        ];
        return this.push({ ...base, stores, kind: 'TableSource', sourceName: node.source.name });
      }
      case 'FilterNode':
        return this.push({
          ...base,
          kind: table ? 'TableFilter' : 'StreamFilter',
          source,
          predicate: node.predicate,
        });
      case 'ProjectNode':
        return this.push({
          ...base,
          kind: table ? 'TableSelect' : 'StreamSelect',
          source,
          selectExpressions: node.selectExpressions,
        });
      case 'FlatMapNode':
        return this.push({
          ...base,
          kind: 'StreamFlatMap',
          source,
          tableFunctions: node.tableFunctions,
        });
      case 'RepartitionNode': {
        const repartition = node.needsTopic ? this.repartition(node.id) : null;
        if (!table)
          return this.push({
            ...base,
            kind: 'StreamSelectKey',
            source,
            keyExpressions: node.keyExpressions,
            repartition,
          });
        // The reader side materialises the re-keyed table to send retractions under old keys.
        const stores = repartition
          ? [this.store(node.id, 'Materialize', { kind: 'keyValue' })]
          : [];
        return this.push({
          ...base,
          stores,
          kind: 'TableSelectKey',
          source,
          keyExpressions: node.keyExpressions,
          repartition,
        });
      }
      case 'AggregateNode':
        return this.aggregate(node, source);
      case 'JoinNode':
        return this.join(node, inputs[0] ?? '', inputs[1] ?? '');
      case 'SuppressNode':
        // The windowed aggregate upstream emits final results; suppression keeps no state of its own.
        return this.push({ ...base, kind: 'TableSuppress', source });
      case 'SinkNode':
        return this.push({ ...base, kind: table ? 'TableSink' : 'StreamSink', source });
      default:
        return assertNever(node, 'plan node');
    }
  }

  private push(step: Step): string {
    this.steps.push(step);
    return step.id;
  }

  private aggregate(node: Extract<PlanNode, { kind: 'AggregateNode' }>, source: string): string {
    const input = node.input;
    const groupId = `${node.id}/GroupBy`;
    const groupSchema = { key: node.schema.key, value: input.schema.value };
    const streamInput = input.resultType === 'STREAM';
    let grouped: string;
    if (streamInput && node.groupByKey) {
      grouped = this.push({
        id: groupId,
        schema: groupSchema,
        stores: [],
        kind: 'StreamGroupByKey',
        source,
      });
    } else {
      const repartition = this.repartition(groupId);
      grouped = this.push({
        id: groupId,
        schema: groupSchema,
        stores: [],
        kind: streamInput ? 'StreamGroupBy' : 'TableGroupBy',
        source,
        groupByExpressions: node.groupBy,
        repartition,
      });
    }
    const aggId = `${node.id}/Aggregate`;
    const fields = {
      id: aggId,
      schema: node.schema,
      source: grouped,
      nonAggregateColumns: [] as string[],
      aggregations: node.aggregations,
    };
    if (!streamInput) {
      return this.push({
        ...fields,
        kind: 'TableAggregate',
        stores: [this.store(aggId, 'Materialize', { kind: 'keyValue' })],
      });
    }
    if (!node.window) {
      return this.push({
        ...fields,
        kind: 'StreamAggregate',
        stores: [this.store(aggId, 'Materialize', { kind: 'keyValue' })],
      });
    }
    const window = node.window;
    const kind = window.type === 'SESSION' ? 'session' : 'window';
    const sizeMs = window.type === 'SESSION' ? window.gapMs : window.sizeMs;
    const stores = [
      this.store(aggId, 'Materialize', {
        kind,
        windowSizeMs: sizeMs,
        ...(window.retentionMs !== null ? { retentionMs: window.retentionMs } : {}),
      }),
    ];
    return this.push({ ...fields, kind: 'StreamWindowedAggregate', window, stores });
  }

  private join(node: Extract<PlanNode, { kind: 'JoinNode' }>, left: string, right: string): string {
    const base = { id: node.id, schema: node.schema, left, right };
    switch (node.joinKind) {
      case 'STREAM_STREAM': {
        const within = node.within ?? { beforeMs: 0, afterMs: 0, graceMs: null };
        const span = within.beforeMs + within.afterMs;
        // Kafka Streams keeps join windows for the span plus grace (legacy default: 24h - span).
        const retentionMs = span + (within.graceMs ?? Math.max(86_400_000 - span, 0));
        const stores = [
          this.store(node.id, 'Left', {
            kind: 'window',
            windowSizeMs: span,
            retentionMs,
            retainDuplicates: true,
          }),
          this.store(node.id, 'Right', {
            kind: 'window',
            windowSizeMs: span,
            retentionMs,
            retainDuplicates: true,
          }),
          ...(within.graceMs !== null && node.joinType !== 'INNER'
            ? [this.store(node.id, 'Outer', { kind: 'keyValue' })]
            : []),
        ];
        return this.push({
          ...base,
          stores,
          kind: 'StreamStreamJoin',
          joinType: node.joinType,
          ...within,
        });
      }
      case 'STREAM_TABLE':
        return this.push({
          ...base,
          stores: [],
          kind: 'StreamTableJoin',
          joinType: node.joinType === 'LEFT' ? 'LEFT' : 'INNER',
        });
      case 'TABLE_TABLE':
        return this.push({ ...base, stores: [], kind: 'TableTableJoin', joinType: node.joinType });
      case 'FOREIGN_KEY': {
        // KIP-213: the join runs in two halves joined by two internal topics, so the tables need
        // not be co-partitioned. stores[0]: subscriptions (right half), stores[1]: results.
        const stores = [
          this.store(node.id, 'SubscriptionStore', { kind: 'keyValue' }),
          this.store(node.id, 'Materialize', { kind: 'keyValue' }),
        ];
        return this.push({
          ...base,
          stores,
          kind: 'ForeignKeyTableTableJoin',
          joinType: node.joinType === 'LEFT' ? 'LEFT' : 'INNER',
          foreignKey: node.foreignKey ?? [],
          subscription: this.subscription(node.id),
        });
      }
      default:
        return assertNever(node.joinKind, 'join kind');
    }
  }
}

/** Our catalog formats as the runtime's format spec (properties with ksqlDB's names). */
export function formatSpec(info: FormatInfo): FormatSpec {
  const properties: Record<string, string> = {};
  if (info.delimiter !== undefined) properties.delimiter = info.delimiter;
  if (info.fullSchemaName !== undefined) properties.fullSchemaName = info.fullSchemaName;
  if (info.schemaId !== undefined) properties.schemaId = String(info.schemaId);
  return {
    format: info.format as FormatSpec['format'],
    properties,
    ...(info.wrapSingleValue !== undefined ? { wrapSingleValue: info.wrapSingleValue } : {}),
  };
}

function sourceSpec(source: SourceDefinition): SourceSpec {
  return {
    name: source.name,
    type: source.kind,
    topic: source.topic,
    keyFormat: formatSpec(source.keyFormat),
    valueFormat: formatSpec(source.valueFormat),
    keyColumns: source.columns
      .filter((c) => c.namespace === 'KEY')
      .map((c) => ({ name: c.name, type: c.type })),
    valueColumns: source.columns
      .filter((c) => c.namespace !== 'KEY')
      .map((c) => ({ name: c.name, type: c.type })),
    timestamp: source.timestamp
      ? { column: source.timestamp.column, format: source.timestamp.format ?? null }
      : null,
    window: source.windowing
      ? { type: source.windowing.type, sizeMs: source.windowing.sizeMs ?? null }
      : null,
  };
}

function sinkSpec(root: PlanNode, sink: SourceDefinition | undefined, queryId: string): SinkSpec {
  if (sink) {
    const { keyColumns, valueColumns, ...rest } = sourceSpec(sink);
    return { ...rest, keyColumns, valueColumns };
  }
  return {
    name: queryId,
    type: root.resultType,
    topic: '',
    keyFormat: { format: 'JSON', properties: {} },
    valueFormat: { format: 'JSON', properties: {} },
    keyColumns: root.schema.key,
    valueColumns: root.schema.value,
    timestamp: null,
    window: null,
  };
}
