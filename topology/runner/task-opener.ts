import type { OutgoingRecord, ProducerPort } from '../kafka';
import type { BytesStoreBackendFactory } from '../state';
import { restoreTask } from './changelog-restore';
import { kafkaProcessingLog } from './kafka-processing-log';
import type { MetricsCounters } from './query-metrics';
import type { QueryRunnerOptions } from './query-runner';
import type { RunnerEvent } from './runner-events';
import type { RunnerTask } from './runner-task';
import { taskId } from './task-layout';
import type { TaskRegistry } from './task-registry';

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
 * brings its Redis state up to its changelogs before it processes anything.
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
  const task = await options.tasks.create({
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
  deps.registry.add(task);
  counters.restoredRecords += await restoreTask(task, {
    kafka: options.kafka,
    applicationId: spec.applicationId,
    queryId: spec.queryId,
    logger: options.logger,
    onEvent: (e) => deps.emit(e),
  });
  return task;
}
