import {
  type BytesStoreBackendFactory,
  type KafkaClientPort,
  runtimeChangelogTopics,
  type SerdeFactory,
  startQuery,
  type TopologySpec,
} from '../../../topology';
import type {
  EngineLogger,
  PersistentQueryRun,
  QueryRuntimePort,
  TransientQueryOptions,
  TransientQueryRun,
} from '../ports';
import { runnerPersistentRun } from './runner-persistent-run';
import { identityTopicNames, type TopicNameMapper } from './topic-name-mapper';
import { processingLogTopic } from '../core/processing-log';
import { startTransientRun } from './transient-run';

export interface RunnerQueryRuntimeOptions {
  readonly serviceId: string;
  readonly kafka: KafkaClientPort;
  readonly backends: BytesStoreBackendFactory;
  readonly serdes: SerdeFactory;
  /** Deletes a query's state (Redis keys) on TERMINATE and after transient queries. */
  readonly deleteState: (applicationId: string) => Promise<void>;
  /** Runner properties for every query (`commit.interval.ms`, ...). */
  readonly properties?: Readonly<Record<string, string>>;
  readonly logger: EngineLogger;
  readonly now?: () => number;
  /** Maps the spec's source and sink topics to physical names (default: identity). */
  readonly topicNames?: TopicNameMapper;
}

/** The statement properties the runner reads (it validates them; others would only be noise). */
function runnerProperties(properties: Readonly<Record<string, string>>): Record<string, string> {
  const keys = [
    'auto.offset.reset',
    'commit.interval.ms',
    'cache.max.bytes.buffering',
    'processing.guarantee',
    'fetch.max.wait.ms',
    'session.timeout.ms',
    'heartbeat.interval.ms',
  ];
  return Object.fromEntries(
    Object.entries(properties).filter(([k]) => keys.includes(k.replace(/^ksql\.streams\./, ''))),
  );
}

/**
 * Runs queries with `topology/runner`: each persistent query is this process's member of the
 * query's consumer group, with its state in Redis. Transient queries run the same way under a
 * group of their own and write to a private output topic that this adapter reads back.
 */
export class RunnerQueryRuntime implements QueryRuntimePort {
  constructor(private readonly o: RunnerQueryRuntimeOptions) {}

  async startPersistent(logical: TopologySpec, properties: Readonly<Record<string, string>>): Promise<PersistentQueryRun> {
    const spec = this.physical(logical);
    const handle = await startQuery({
      spec,
      serviceId: this.runnerServiceId(),
      kafka: this.o.kafka,
      backends: this.o.backends,
      serdes: this.o.serdes,
      properties: { ...this.o.properties, ...runnerProperties(properties) },
      logger: this.o.logger,
    });
    return runnerPersistentRun(handle, () => this.cleanUp(spec), this.o.now ?? Date.now);
  }

  startTransient(spec: TopologySpec, options: TransientQueryOptions): Promise<TransientQueryRun> {
    return startTransientRun(this.physical(spec), options, {
      serviceId: this.runnerServiceId(),
      kafka: this.o.kafka,
      backends: this.o.backends,
      serdes: this.o.serdes,
      logger: this.o.logger,
      cleanUp: (s) => this.cleanUp(s),
    });
  }

  /**
   * The service id the runner names the processing log after (`<id>ksql_processing_log`): the
   * one whose log topic is the physical name of the catalog's, so a prefixed namespace (the
   * conformance runner's) gets its processing log inside the prefix.
   */
  private runnerServiceId(): string {
    const suffix = 'ksql_processing_log';
    const physical = (this.o.topicNames ?? identityTopicNames).toPhysical(processingLogTopic(this.o.serviceId));
    return physical.endsWith(suffix) ? physical.slice(0, -suffix.length) : this.o.serviceId;
  }

  /** The spec with physical source and sink topics (internal topics derive from the query id). */
  private physical(spec: TopologySpec): TopologySpec {
    const names = this.o.topicNames;
    if (!names) return spec;
    return {
      ...spec,
      sources: spec.sources.map((s) => ({ ...s, topic: names.toPhysical(s.topic) })),
      sink: spec.sink.topic === '' ? spec.sink : { ...spec.sink, topic: names.toPhysical(spec.sink.topic) },
    };
  }

  /** Removes what a terminated query leaves: its group, internal topics and state. */
  async cleanUp(spec: TopologySpec): Promise<void> {
    const admin = this.o.kafka.admin();
    await admin.deleteGroup(spec.applicationId).catch((e: unknown) => this.warn(spec, 'group', e));
    const internal = [...spec.internalTopics.map((t) => t.name), ...runtimeChangelogTopics(spec)];
    if (internal.length > 0) await admin.deleteTopics(internal).catch((e: unknown) => this.warn(spec, 'internal topics', e));
    await this.o.deleteState(spec.applicationId).catch((e: unknown) => this.warn(spec, 'state', e));
  }

  private warn(spec: TopologySpec, what: string, error: unknown): void {
    this.o.logger.warn({ queryId: spec.queryId, err: String(error) }, `could not delete the query's ${what}`);
  }

  async close(): Promise<void> {
    return Promise.resolve();
  }
}
