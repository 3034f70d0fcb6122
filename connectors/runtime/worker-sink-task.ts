import type { SinkRecord } from '../data/connect-record';
import { RetriableError, stackTrace } from '../errors';
import type { ErrorPolicy, ErrorStage, FailedRecord } from '../plugins/error-policy';
import {
  topicPartitionKey,
  type SinkTask,
  type TopicPartitionKey,
} from '../plugins/sink-connector';
import type { Props } from '../plugins/source-connector';
import type { ConsumerBatch, ConsumerPort, LogRecord } from './kafka-port';
import { applyTransforms, recordPipeline, runStage, type RecordPipeline } from './record-pipeline';
import { WorkerTask, type TaskDeps } from './worker-task';

const RETRY_BACKOFF_MS = 1000;
const TOPIC_WAIT_MS = 500;

/** The consumer group of a sink connector, as Connect names it. */
export function sinkGroupId(connector: string): string {
  return `connect-${connector}`;
}

/** `topics` or `topics.regex` of a sink connector's props. */
export function sinkSubscription(props: Props): readonly string[] | RegExp {
  const regex = props['topics.regex'] ?? '';
  if (regex !== '') return new RegExp(`^(?:${regex})$`);
  return (props['topics'] ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
}

/**
 * Runs a SinkTask: consume a batch -> convert -> transform -> put -> flush -> commit offsets.
 * Offsets are committed only after `flush` resolved, so everything committed is in the sink (or,
 * under errors.tolerance=all, in the dead-letter topic).
 */
export class WorkerSinkTask extends WorkerTask {
  private consumer: ConsumerPort | undefined;
  private pipeline: RecordPipeline | undefined;
  private policy: ErrorPolicy | undefined;
  private failed = false;
  private tolerateAll = false;

  constructor(
    connector: string,
    id: number,
    props: Props,
    deps: TaskDeps,
    startPaused: boolean,
    private readonly task: SinkTask,
  ) {
    super(connector, id, props, deps, startPaused);
  }

  protected async run(): Promise<void> {
    this.pipeline = recordPipeline(this.deps.plugins, this.deps.worker, this.props);
    this.policy = this.deps.errorPolicy(this.connector, this.props, {
      logger: this.logger,
      kafka: this.deps.kafka,
    });
    this.tolerateAll = (this.props['errors.tolerance'] ?? 'none') === 'all';
    await this.task.start(this.props, this.context());
    try {
      const topics = sinkSubscription(this.props);
      // Connect's sink task is RUNNING with nothing assigned while its topics do not exist yet.
      this.running();
      if (!(topics instanceof RegExp)) await this.waitForTopics(topics);
      if (this.signal.aborted) return;
      this.consumer = await this.deps.kafka.createConsumer({
        groupId: sinkGroupId(this.connector),
        topics,
      });
      if (this.paused) this.consumer.pause();
      await this.consumer.run((batch) => this.onBatch(batch));
      await new Promise<void>((resolve) => {
        if (this.signal.aborted) resolve();
        else this.signal.addEventListener('abort', () => resolve(), { once: true });
      });
    } finally {
      await this.consumer?.close().catch(() => undefined);
      await this.task
        .stop()
        .catch((err: unknown) => this.logger.warn({ err: stackTrace(err) }, 'task stop failed'));
      await this.policy
        ?.close?.()
        .catch((err: unknown) =>
          this.logger.warn({ err: stackTrace(err) }, 'error policy close failed'),
        );
    }
  }

  /** Waits, without failing, until every subscribed topic exists (it may be created by a source later). */
  private async waitForTopics(topics: readonly string[]): Promise<void> {
    let logged = false;
    while (!this.signal.aborted) {
      const existing = new Set(await this.deps.kafka.listTopics());
      const missing = topics.filter((t) => !existing.has(t));
      if (missing.length === 0) return;
      if (!logged) this.logger.info({ missing }, 'waiting for sink topics to be created');
      logged = true;
      await this.context().sleep(TOPIC_WAIT_MS);
    }
  }

  protected override onPause(): void {
    this.consumer?.pause();
  }

  protected override onResume(): void {
    this.consumer?.resume();
  }

  private async onBatch(batch: ConsumerBatch): Promise<void> {
    if (this.failed || this.signal.aborted || batch.records.length === 0) return;
    try {
      const records: SinkRecord[] = [];
      const origins = new Map<SinkRecord, LogRecord>();
      for (const r of batch.records) {
        const converted = await this.convert(r);
        if (converted === null) continue;
        records.push(converted);
        origins.set(converted, r);
      }
      await this.write(batch, records, origins);
    } catch (error) {
      this.failTask(error);
    }
  }

  /** put -> flush -> commit of one batch; offsets are committed only once the sink holds the records. */
  private async write(
    batch: ConsumerBatch,
    records: readonly SinkRecord[],
    origins: ReadonlyMap<SinkRecord, LogRecord>,
  ): Promise<void> {
    const last = batch.records[batch.records.length - 1]!;
    const offsets = new Map<TopicPartitionKey, bigint>([
      [topicPartitionKey(batch.topic, batch.partition), last.offset + 1n],
    ]);
    await this.put(records, origins);
    await this.retrying(() => this.task.flush(offsets));
    // Inside kafkajs' batch callback: the group does not rebalance under this commit. Writing the
    // next batch while this one is committed would let a rebalance fail the commit, and with no
    // periodic commit (Connect's offset.flush.interval.ms) the last batch would stay uncommitted.
    await this.consumer!.commit([
      { topic: batch.topic, partition: batch.partition, offset: last.offset + 1n },
    ]);
  }

  private failTask(error: unknown): void {
    if (this.failed) return;
    this.failed = true;
    this.consumer?.pause();
    this.fail(error);
  }

  /**
   * `put`, retrying retriable failures. With `errors.tolerance=all` a put that still fails is
   * split in halves until the record(s) it cannot write are alone; each goes to the error policy
   * (stage TASK_PUT: logged, and written to the dead-letter topic with its headers) and the rest
   * of the batch is written in order. Kafka Connect itself routes put failures only when the
   * task reports them through ErrantRecordReporter; Brook does it for every sink under
   * tolerance=all, which is what a user setting a DLQ expects. Under `none` the first failure
   * fails the task with its cause. A half is retried only after a failed put, which the JDBC sink
   * rolls back whole, so no record is written twice by the isolation.
   */
  private async put(
    records: readonly SinkRecord[],
    origins: ReadonlyMap<SinkRecord, LogRecord>,
  ): Promise<void> {
    if (records.length === 0) return;
    try {
      await this.retrying(() => this.task.put(records));
      return;
    } catch (error) {
      if (!this.tolerateAll || this.signal.aborted) throw error;
      if (records.length === 1) {
        await this.reportPutFailure(records[0]!, origins.get(records[0]!), error);
        return;
      }
      const half = records.length >>> 1;
      await this.put(records.slice(0, half), origins);
      await this.put(records.slice(half), origins);
    }
  }

  private async reportPutFailure(
    record: SinkRecord,
    origin: LogRecord | undefined,
    error: unknown,
  ): Promise<void> {
    await this.policy!.execute(
      {
        stage: 'TASK_PUT',
        connector: this.connector,
        taskId: this.id,
        record,
        ...(origin === undefined
          ? {}
          : {
              origin: {
                topic: origin.topic,
                partition: origin.partition,
                offset: origin.offset,
                key: origin.key,
                value: origin.value,
              },
            }),
      },
      // The put already failed (and retriable failures were retried): hand the policy its error.
      () => Promise.reject(error instanceof Error ? error : new Error(String(error))),
    );
  }

  private async retrying(operation: () => Promise<void>): Promise<void> {
    for (;;) {
      try {
        return await operation();
      } catch (error) {
        if (!(error instanceof RetriableError) || this.signal.aborted) throw error;
        this.logger.warn(
          { err: stackTrace(error) },
          'sink write failed with a retriable error, retrying the batch',
        );
        await this.context().sleep(RETRY_BACKOFF_MS);
      }
    }
  }

  private async convert(r: LogRecord): Promise<SinkRecord | null> {
    const pipeline = this.pipeline!;
    const policy = this.policy!;
    const failed = (stage: ErrorStage, record?: SinkRecord) => (): FailedRecord => ({
      connector: this.connector,
      taskId: this.id,
      stage,
      origin: {
        topic: r.topic,
        partition: r.partition,
        offset: r.offset,
        key: r.key,
        value: r.value,
      },
      ...(record === undefined ? {} : { record }),
    });
    const key = await runStage(policy, failed('KEY_CONVERTER'), () =>
      pipeline.key.toConnectData(r.topic, r.key),
    );
    if (key === undefined) return null;
    const value = await runStage(policy, failed('VALUE_CONVERTER'), () =>
      pipeline.value.toConnectData(r.topic, r.value),
    );
    if (value === undefined) return null;
    const headers: { key: string; value: Buffer | string | null }[] = [];
    for (const k in r.headers) headers.push({ key: k, value: r.headers[k] ?? null });
    const record: SinkRecord = {
      topic: r.topic,
      kafkaPartition: r.partition,
      kafkaOffset: r.offset,
      keySchema: key.schema,
      key: key.value,
      valueSchema: value.schema,
      value: value.value,
      timestamp: r.timestamp,
      timestampType: 'CreateTime',
      headers,
    };
    const transformed = await runStage(policy, failed('TRANSFORMATION', record), () =>
      Promise.resolve(applyTransforms(pipeline.transforms, record)),
    );
    return transformed ?? null;
  }
}
