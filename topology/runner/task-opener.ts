import type { OutgoingRecord, ProducerPort } from '../kafka';
import type { BytesStoreBackendFactory } from '../state';
import { restoreTask } from './changelog-restore';
import { CommitScopedBackends } from './commit-scoped-backends';
import { kafkaProcessingLog } from './kafka-processing-log';
import type { MetricsCounters } from './query-metrics';
import type { QueryRunnerOptions } from './query-runner';
import { RunnerError } from './runner-error';
import type { RunnerEvent } from './runner-events';
import type { RunnerTask } from './runner-task';
import { taskId } from './task-layout';
import type { TaskRegistry } from './task-registry';
import { TransactionalOutbox } from './transactional-outbox';

export interface TaskOpenerDeps {
  readonly options: QueryRunnerOptions;
  readonly backends: BytesStoreBackendFactory;
  readonly registry: TaskRegistry;
  readonly counters: MetricsCounters;
  /**
   * Where a task's records go: the runner's current producer (replaced when it recovers), or
   * under exactly_once_v2 the task's transactional outbox.
   */
  producer(taskId: string): Pick<ProducerPort, 'send'>;
  emit(event: RunnerEvent): void;
}

/**
 * Creates a task wired to the runner's producer, processing log and counters, registers it, and
 * brings its Redis state up to its changelogs before it processes anything. Under
 * exactly_once_v2 the task first claims its stores for an epoch taken from Kafka (see
 * `TransactionalOutbox.claimEpochs`), so a zombie's later flushes are refused.
 */
export async function openTask(
  deps: TaskOpenerDeps,
  subTopology: number,
  partition: number,
): Promise<RunnerTask> {
  const { options, counters } = deps;
  const { spec } = options;
  const id = taskId(subTopology, partition);
  const processingLog = kafkaProcessingLog({
    topic: options.processingLogTopic,
    dlqTopic: options.dlqTopic,
    send: (record) => deps.producer(id).send(record),
    inputRecord: (topic, p, offset) => deps.registry.currentRecord(topic, p, offset),
    logger: options.logger,
    onEntry: (_entry, error) => {
      if (error) counters.processingErrors++;
      else counters.recordsDropped++;
    },
  });
  const create = (): Promise<RunnerTask> =>
    options.tasks.create({
      spec,
      subTopology,
      partition,
      taskId: id,
      config: options.config,
      layout: options.layout,
      backends: deps.backends,
      emit: (record: OutgoingRecord) => {
        if (record.topic === spec.sink.topic) counters.recordsOut++;
        deps.producer(id).send(record);
      },
      changelog: { append: (r) => deps.producer(id).send({ ...r }) },
      processingLog,
    });
  let task = await create();
  deps.registry.add(task);
  await createRuntimeChangelogs(options, task, subTopology);
  const epochs = await claimEpochs(deps, task);
  const restored = await restoreTask(task, {
    kafka: options.kafka,
    applicationId: spec.applicationId,
    queryId: spec.queryId,
    logger: options.logger,
    onEvent: (e) => deps.emit(e),
    epochMarkers: new Map(
      task.changelogStores.flatMap(({ store, topic }) => {
        const epoch = epochs?.get(store);
        return epoch === undefined ? [] : [[topic, epoch - 1] as const];
      }),
    ),
  });
  counters.restoredRecords += restored;
  if (restored > 0) {
    // Processors read their clocks (stream time, the last window EMIT FINAL closed) and other
    // small state when they are built, which was before the restore: build them again on the
    // restored state. Nothing was processed or written yet, so nothing is lost.
    await task.close();
    task = await create();
    deps.registry.add(task);
    if (epochs) await claimStores(deps, task, epochs);
  }
  return task;
}

/**
 * Changelogs of stores the runtime adds to every task that needs them (the processor-state
 * store) are not in the plan's internal topics: they are created here, compacted and
 * partitioned like the task's sub-topology, before anything is produced to them.
 */
async function createRuntimeChangelogs(
  options: QueryRunnerOptions,
  task: RunnerTask,
  subTopology: number,
): Promise<void> {
  const planned = new Set(options.layout.internalTopics.map((t) => t.name));
  const missing = task.changelogStores.filter((s) => !planned.has(s.topic));
  if (missing.length === 0) return;
  const partitions = options.layout.partitions.get(subTopology) ?? task.partition + 1;
  await options.kafka.admin().createTopics(
    missing.map(({ topic }) => ({
      name: topic,
      partitions,
      replicationFactor: options.config.internalReplicationFactor,
      cleanupPolicy: 'compact' as const,
    })),
  );
}

/**
 * exactly_once_v2: one epoch marker per changelog, then the stores claimed with their epochs
 * (the offset after each marker). Returns the epochs per store; null outside exactly-once.
 */
async function claimEpochs(
  deps: TaskOpenerDeps,
  task: RunnerTask,
): Promise<ReadonlyMap<string, number> | null> {
  const outbox = deps.producer(task.id);
  if (!(outbox instanceof TransactionalOutbox) || task.changelogStores.length === 0) return null;
  const offsets = await outbox.claimEpochs(
    task.changelogStores.map(({ topic }) => ({ topic, partition: task.partition })),
  );
  const epochs = new Map<string, number>();
  for (const { store, topic } of task.changelogStores) {
    const epoch = offsets.get(`${topic}:${task.partition}`);
    if (epoch !== undefined) epochs.set(store, epoch);
  }
  await claimStores(deps, task, epochs);
  return epochs;
}

async function claimStores(
  deps: TaskOpenerDeps,
  task: RunnerTask,
  epochs: ReadonlyMap<string, number>,
): Promise<void> {
  if (!(deps.backends instanceof CommitScopedBackends))
    throw new RunnerError(
      'INVALID_SPEC',
      'exactly_once_v2 needs commit-scoped backends to fence Redis flushes',
      false,
      { queryId: deps.options.spec.queryId, taskId: task.id },
    );
  await deps.backends.claimEpochs(deps.options.spec.applicationId, task.id, epochs);
}
