import { silentLogger, type KafkaClientPort, type PortLogger } from '../kafka';
import type { BytesStoreBackendFactory } from '../state';
import { TOPOLOGY_SPEC_VERSION, type TopologySpec } from '../spec';
import { processingLogTopic } from './kafka-processing-log';
import type { QueryMetrics } from './query-metrics';
import { QueryRunner } from './query-runner';
import { runnerConfig, type RunnerConfig } from './runner-config';
import { RunnerError } from './runner-error';
import type { QueryState, RunnerEventListener } from './runner-events';
import type { RunnerTaskFactory } from './runner-task';
import { taskLayout } from './task-layout';
import { runtimeTasks } from './runtime-task-factory';
import type { FunctionRegistry } from '../expression';
import type { SerdeFactory } from '../serdes';

export interface StartQueryOptions {
  readonly spec: TopologySpec;
  /** ksqlDB's `ksql.service.id` (`default_`): names the processing log topic. */
  readonly serviceId: string;
  readonly kafka: KafkaClientPort;
  /** Where stores live: `RedisBackendFactory` in production. */
  readonly backends: BytesStoreBackendFactory;
  /** Serdes of the query's formats (AVRO needs the registry). */
  readonly serdes?: SerdeFactory;
  /** Function library; the built-in one by default. */
  readonly functions?: FunctionRegistry;
  /** Builds tasks; defaults to the runtime's processors over `serdes` and `functions`. */
  readonly tasks?: RunnerTaskFactory;
  /** Overrides of the spec's properties (`commit.interval.ms`, `auto.offset.reset`, ...). */
  readonly properties?: Readonly<Record<string, string>>;
  /** The query's dead-letter topic, if it has one. */
  readonly dlqTopic?: string | null;
  readonly logger?: PortLogger;
  readonly onEvent?: RunnerEventListener;
}

/** A running persistent query on this instance. */
export interface QueryHandle {
  readonly queryId: string;
  readonly config: RunnerConfig;
  /** Stops fetching (tasks stay assigned and state stays put) until `resume`. */
  pause(): void;
  resume(): void;
  /** Commits the work done, leaves the group and closes everything. Idempotent. */
  stop(): Promise<void>;
  status(): { readonly state: QueryState; readonly cause: string | null };
  metrics(): QueryMetrics;
}

/**
 * Starts a query: validates the spec, derives the task layout from the source topics'
 * partition counts, creates internal topics, joins the consumer group `spec.applicationId`.
 * Resolves once the query runs (state RUNNING); rejects on a bad spec or missing sources.
 */
export async function startQuery(options: StartQueryOptions): Promise<QueryHandle> {
  const { spec, kafka } = options;
  if (spec.version !== TOPOLOGY_SPEC_VERSION) {
    throw new RunnerError(
      'INVALID_SPEC',
      `unsupported spec version ${String(spec.version)}`,
      false,
      { queryId: spec.queryId },
    );
  }
  const config = runnerConfig(spec.queryId, spec.config, options.properties ?? {});
  const sourcePartitions = new Map<string, number>();
  for (const source of spec.sources) {
    const description = await kafka
      .admin()
      .describeTopic(source.topic)
      .catch((cause: unknown) => {
        throw new RunnerError(
          'TOPIC_MISSING',
          `source topic ${source.topic} is not available`,
          true,
          { queryId: spec.queryId, topic: source.topic },
          { cause },
        );
      });
    sourcePartitions.set(source.topic, description.partitions);
  }
  const runner = new QueryRunner({
    spec,
    layout: taskLayout(spec, sourcePartitions, config.internalReplicationFactor),
    config,
    kafka,
    backends: options.backends,
    tasks: taskFactory(options),
    processingLogTopic: processingLogTopic(options.serviceId),
    dlqTopic: options.dlqTopic ?? null,
    logger: options.logger ?? silentLogger,
    onEvent: options.onEvent ?? (() => undefined),
  });
  try {
    await runner.start();
  } catch (error) {
    await runner.stop();
    throw error;
  }
  return {
    queryId: spec.queryId,
    config,
    pause: () => runner.pause(),
    resume: () => runner.resume(),
    stop: () => runner.stop(),
    status: () => runner.status(),
    metrics: () => runner.metrics(),
  };
}

function taskFactory(options: StartQueryOptions): RunnerTaskFactory {
  if (options.tasks) return options.tasks;
  if (!options.serdes) {
    throw new RunnerError('INVALID_SPEC', 'startQuery needs serdes (or a task factory)', false, {
      queryId: options.spec.queryId,
    });
  }
  return runtimeTasks({
    serdes: options.serdes,
    ...(options.functions ? { functions: options.functions } : {}),
  });
}
