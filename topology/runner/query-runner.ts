import {
  partitionKey,
  type ConsumedRecord,
  type ConsumerHandler,
  type ConsumerPort,
  type KafkaClientPort,
  type PortLogger,
  type ProducerPort,
  type RecordBatch,
  type TopicPartition,
} from '../kafka';
import type { BytesStoreBackendFactory } from '../state';
import type { TopologySpec } from '../spec';
import { commitTasks, commitTasksExactlyOnce, committedRewindTargets } from './commit-cycle';
import { commitScopedBackends } from './commit-scoped-backends';
import { openTask } from './task-opener';
import { metricsSnapshot, MetricsCounters, type QueryMetrics } from './query-metrics';
import type { RunnerConfig } from './runner-config';
import { describeError, isRetriable, RunnerError } from './runner-error';
import type { QueryState, RunnerEvent, RunnerEventListener } from './runner-events';
import type { RunnerTaskFactory } from './runner-task';
import { TaskRegistry } from './task-registry';
import { taskId, type TaskLayout } from './task-layout';
import { TaskOutboxes } from './task-outboxes';
import type { RunnerTask } from './runner-task';

export interface QueryRunnerOptions {
  readonly spec: TopologySpec;
  readonly layout: TaskLayout;
  readonly config: RunnerConfig;
  readonly kafka: KafkaClientPort;
  readonly backends: BytesStoreBackendFactory;
  readonly tasks: RunnerTaskFactory;
  readonly processingLogTopic: string;
  readonly dlqTopic: string | null;
  readonly logger: PortLogger;
  readonly onEvent: RunnerEventListener;
  /** Consecutive failed recoveries before the query is FAILED. */
  readonly maxRecoveries?: number;
}

/**
 * Runs one query as a member of its consumer group.
 *
 * at_least_once: records are processed one
 * at a time; every `commit.interval.ms` the commit cycle writes store caches down, flushes the
 * producer (outputs, repartition and changelog records), flushes the stores to Redis with the
 * acknowledged changelog offsets, and only then commits the input offsets. A retriable failure
 * abandons the uncommitted work, rewinds the inputs to their committed offsets and reopens the
 * tasks (restoring Redis from the changelogs where it is behind); anything else is FAILED.
 *
 * exactly_once_v2: every task has a transactional producer (`transactional-outbox.ts`) opened
 * before the task restores, so a previous owner is fenced first; the commit is one transaction
 * per task (outputs, changelog, input offsets), then the fenced Redis flush
 * (`commitTasksExactlyOnce`). Inputs are read read_committed. Rebalances and failures abandon
 * the open work exactly as above: nothing of it was visible.
 */
export class QueryRunner {
  private state: QueryState = 'CREATED';
  private failure: unknown = null;
  private readonly registry: TaskRegistry;
  private readonly counters = new MetricsCounters();
  private consumer: ConsumerPort | null = null;
  private producer: ProducerPort | null = null;
  private timer: NodeJS.Timeout | null = null;
  private lastCommit = Date.now();
  private lock: Promise<void> = Promise.resolve();
  private stopping = false;
  private recoveries = 0;
  private sinceCommit = 0;
  private readonly backends: BytesStoreBackendFactory;
  private readonly exactlyOnce: boolean;
  private readonly outboxes: TaskOutboxes;

  constructor(private readonly options: QueryRunnerOptions) {
    this.registry = new TaskRegistry(options.layout);
    this.exactlyOnce = options.config.processingGuarantee === 'exactly_once_v2';
    this.backends = commitScopedBackends(options.backends);
    this.outboxes = new TaskOutboxes(options.kafka, options.spec.applicationId, this.queryId);
  }

  get queryId(): string {
    return this.options.spec.queryId;
  }

  status(): { readonly state: QueryState; readonly cause: string | null } {
    return {
      state: this.state,
      cause: this.failure === null ? null : describeError(this.failure).message,
    };
  }

  metrics(): QueryMetrics {
    return metricsSnapshot(this.queryId, this.state, this.counters, this.registry.ids());
  }

  async start(): Promise<void> {
    this.transition('STARTING');
    const { spec, layout, config, kafka } = this.options;
    const logTopics = [
      this.options.processingLogTopic,
      ...(this.options.dlqTopic ? [this.options.dlqTopic] : []),
    ];
    await kafka
      .admin()
      .createTopics([
        ...layout.internalTopics,
        ...logTopics.map((name) => ({ name, partitions: 1 })),
      ]);
    this.producer = kafka.producer({ idempotent: true });
    const consumer = kafka.consumer({
      groupId: spec.applicationId,
      maxWaitMs: config.fetchMaxWaitMs,
      sessionTimeoutMs: config.sessionTimeoutMs,
      heartbeatIntervalMs: config.heartbeatIntervalMs,
    });
    this.consumer = consumer;
    const sourceTopics = [...layout.subTopologyOfTopic.keys()];
    const internal = sourceTopics.filter((t) => layout.repartitionTopics.has(t));
    const user = sourceTopics.filter((t) => !layout.repartitionTopics.has(t));
    const earliest = config.autoOffsetReset === 'earliest';
    await consumer.run(
      { fromEarliest: earliest ? sourceTopics : internal, fromLatest: earliest ? [] : user },
      this.handler(),
    );
    this.transition('RUNNING');
    this.timer = setInterval(
      () => void this.exclusive(() => this.commitIfDue()),
      Math.max(10, Math.min(config.commitIntervalMs, 1000)),
    );
  }

  pause(): void {
    if (this.state !== 'RUNNING') return;
    this.consumer?.pause(this.consumer.assignment());
    this.transition('PAUSED');
  }

  resume(): void {
    if (this.state !== 'PAUSED') return;
    this.consumer?.resume(this.consumer.assignment());
    this.transition('RUNNING');
  }

  async stop(): Promise<void> {
    if (this.stopping) return;
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    if (this.state !== 'FAILED') this.transition('STOPPING');
    // The consumer revokes everything first (committing it), then leaves the group.
    await this.consumer
      ?.stop()
      .catch((e: unknown) =>
        this.options.logger.warn({ error: String(e) }, 'consumer stop failed'),
      );
    for (const task of this.registry.tasks()) await this.closeTask(task).catch(() => undefined);
    await this.producer?.close().catch(() => undefined);
    if (this.state !== 'FAILED') this.transition('STOPPED');
  }

  private handler(): ConsumerHandler {
    return {
      onAssigned: (partitions) => this.exclusive(() => this.assign(partitions)),
      onRevoked: (partitions) => this.exclusive(() => this.revoke(partitions)),
      onBatch: (batch) => this.exclusive(() => this.processBatch(batch)),
      onCrash: (error) => void this.fail(error),
    };
  }

  /** Runs work one piece at a time: batches, commits, rebalances never interleave. */
  private exclusive(work: () => Promise<void>): Promise<void> {
    const next = this.lock.then(async () => {
      if (this.state === 'FAILED') return;
      try {
        await work();
      } catch (error) {
        await this.recover(error);
      }
    });
    this.lock = next.catch(() => undefined);
    return next;
  }

  private async assign(partitions: readonly TopicPartition[]): Promise<void> {
    const opened: string[] = [];
    for (const tp of partitions) {
      const id = this.registry.taskIdOf(tp);
      if (!this.registry.get(id)) {
        await this.openTask(this.registry.subTopologyOf(tp), tp.partition);
        opened.push(id);
      }
      this.registry.attach(id, tp);
    }
    if (this.state === 'PAUSED') this.consumer?.pause(partitions);
    if (opened.length > 0)
      this.emit({ kind: 'TasksAssigned', queryId: this.queryId, taskIds: opened });
  }

  private async openTask(subTopology: number, partition: number): Promise<void> {
    if (this.exactlyOnce) await this.outboxes.openFor(taskId(subTopology, partition));
    await openTask(
      {
        options: this.options,
        backends: this.backends,
        registry: this.registry,
        counters: this.counters,
        producer: (id) => this.outboxes.find(id) ?? this.requireProducer(),
        emit: (e) => this.emit(e),
      },
      subTopology,
      partition,
    );
  }

  private async revoke(partitions: readonly TopicPartition[]): Promise<void> {
    // On stop we are still a group member: commit. After a rebalance the partitions may already
    // be read by their new owner from the committed offsets: abandon the uncommitted work.
    const commit = this.stopping;
    if (commit) await this.commit();
    const closed = this.registry.detach(partitions);
    for (const task of closed) await this.closeTask(task);
    for (const tp of partitions) this.counters.lag.delete(partitionKey(tp));
    if (closed.length > 0)
      this.emit({
        kind: 'TasksRevoked',
        queryId: this.queryId,
        taskIds: closed.map((t) => t.id),
        committed: commit,
      });
  }

  private async processBatch(batch: RecordBatch): Promise<void> {
    const task = this.registry.get(this.registry.taskIdOf(batch));
    // A recovery that ran while this batch waited rewound its partition: the batch was fetched
    // from the abandoned position, and the rewound one is fetched again after the seek.
    if (!task || batch.isStale?.()) return;
    for (const record of this.unprocessed(batch)) {
      this.registry.begin(record);
      this.counters.recordsIn++;
      await task.process(record);
      this.registry.done(record);
      this.sinceCommit++;
    }
    const last = batch.records[batch.records.length - 1];
    if (last)
      this.counters.lag.set(
        partitionKey(batch),
        Math.max(batch.highWatermark - last.offset - 1, 0),
      );
    await this.commitIfDue();
  }

  /**
   * The batch's records from the partition's position on. Records before it were processed
   * already (and committed or rewound to): a second delivery must not count them twice.
   */
  private unprocessed(batch: RecordBatch): readonly ConsumedRecord[] {
    const from = this.registry.position(batch);
    if (from === undefined || (batch.records[0]?.offset ?? from) >= from) return batch.records;
    this.options.logger.warn(
      { queryId: this.queryId, topic: batch.topic, partition: batch.partition, from },
      'dropping records delivered again before the partition position',
    );
    return batch.records.filter((r) => r.offset >= from);
  }

  private async commitIfDue(): Promise<void> {
    if (Date.now() - this.lastCommit >= this.options.config.commitIntervalMs) await this.commit();
  }

  /** The commit cycle of the query's guarantee (`commit-cycle.ts`). */
  private async commit(): Promise<void> {
    const started = Date.now();
    this.lastCommit = started;
    const offsets = this.registry.uncommitted();
    if (this.exactlyOnce) {
      await commitTasksExactlyOnce(
        this.registry.tasks().map((task) => ({
          task,
          outbox: this.outboxes.get(task.id),
          offsets: offsets.filter((o) => this.registry.taskIdOf(o) === task.id),
        })),
        this.options.spec.applicationId,
        (committed) => this.registry.markCommitted(committed),
      );
    } else {
      await commitTasks(this.registry.tasks(), this.requireProducer(), offsets, (o) =>
        this.consumer ? this.consumer.commit(o) : Promise.resolve(),
      );
      this.registry.markCommitted(offsets);
    }
    this.recoveries = 0;
    this.counters.commits++;
    this.counters.lastCommitDurationMs = Date.now() - started;
    const records = this.sinceCommit;
    this.sinceCommit = 0;
    if (records > 0) {
      this.emit({
        kind: 'Committed',
        queryId: this.queryId,
        records,
        durationMs: Date.now() - started,
      });
    }
  }

  /** Closes a task without flushing (its uncommitted work is dropped) and its producer. */
  private async closeTask(task: RunnerTask): Promise<void> {
    try {
      await task.close();
    } finally {
      await this.outboxes.closeFor(task.id);
    }
  }

  private requireProducer(): ProducerPort {
    if (!this.producer)
      throw new RunnerError('INFRASTRUCTURE', 'query has no producer', false, {
        queryId: this.queryId,
      });
    return this.producer;
  }

  /**
   * Retriable failure: drop the uncommitted work of every task (close without flushing), make a
   * fresh producer, rewind inputs to the committed offsets and reopen the tasks (restoring).
   */
  private async recover(error: unknown): Promise<void> {
    const max = this.options.maxRecoveries ?? 10;
    if (!isRetriable(error) || this.recoveries >= max || this.stopping) return this.fail(error);
    this.recoveries++;
    const cause = describeError(error);
    this.options.logger.warn(
      { queryId: this.queryId, attempt: this.recoveries, ...cause },
      'recovering from a retriable failure',
    );
    this.emit({
      kind: 'Recovering',
      queryId: this.queryId,
      attempt: this.recoveries,
      cause: cause.message,
    });
    await new Promise((r) => setTimeout(r, Math.min(100 * 2 ** this.recoveries, 5_000)));
    try {
      await this.rebuild();
    } catch (again) {
      await this.recover(again);
    }
  }

  private async rebuild(): Promise<void> {
    const remembered = this.registry.rewindTargets();
    const tasks = this.registry
      .tasks()
      .map((t) => ({ task: t, inputs: this.registry.inputsOf(t.id) }));
    for (const { task } of tasks) await this.closeTask(task).catch(() => undefined);
    await this.producer?.close().catch(() => undefined);
    this.producer = this.options.kafka.producer({ idempotent: true });
    this.registry.forgetPositions();
    for (const { task, inputs } of tasks) {
      this.registry.detach(inputs);
      const [first] = inputs;
      if (first) await this.openTask(this.registry.subTopologyOf(first), task.partition);
      for (const tp of inputs) this.registry.attach(task.id, tp);
    }
    const targets = await committedRewindTargets(
      this.options.kafka.admin(),
      this.options.spec.applicationId,
      tasks.flatMap((t) => t.inputs),
      remembered,
      this.queryId,
    );
    for (const target of targets) this.consumer?.seek(target);
    this.registry.rewound(targets);
  }

  private fail(error: unknown): Promise<void> {
    if (this.state === 'FAILED') return Promise.resolve();
    this.failure = error;
    const cause = describeError(error);
    this.options.logger.error({ queryId: this.queryId, ...cause }, 'query failed');
    this.transition('FAILED', cause.message);
    if (this.timer) clearInterval(this.timer);
    // Not awaited: we may be inside a batch the consumer waits for before it can stop.
    void this.consumer?.stop().catch(() => undefined);
    return Promise.resolve();
  }

  private transition(to: QueryState, cause?: string): void {
    const from = this.state;
    this.state = to;
    this.emit({
      kind: 'StateChanged',
      queryId: this.queryId,
      from,
      to,
      ...(cause ? { cause } : {}),
    });
  }

  private emit(event: RunnerEvent): void {
    try {
      this.options.onEvent(event);
    } catch (error) {
      this.options.logger.warn({ error: String(error) }, 'event listener failed');
    }
  }
}
