import type { RecordMetadata, SourceRecord } from '../data/connect-record';
import { RetriableError, stackTrace } from '../errors';
import type { ErrorPolicy, ErrorStage, FailedRecord } from '../plugins/error-policy';
import type { Props, SourceOffset, SourcePartition, SourceTask } from '../plugins/source-connector';
import type { ProducedRecord, ProducerPort } from './kafka-port';
import { applyTransforms, recordPipeline, runStage, type RecordPipeline } from './record-pipeline';
import { offsetKey } from './state-store';
import { WorkerTask, type TaskDeps } from './worker-task';

const RETRY_BACKOFF_MS = 1000;

/**
 * Runs a SourceTask: poll -> transform -> convert -> produce (acks=all) -> commitRecord ->
 * store offsets -> commit. Offsets are written only for acknowledged records, so a restart
 * resumes after the last record Kafka holds (at least once).
 *
 * Delivery is pipelined: while a poll's records travel to Kafka the next poll is read and
 * converted (it is sent once the previous send was acknowledged), and once a poll's records are
 * acknowledged, its commitRecord/offsets/commit step runs in the background while the next poll
 * is produced. Steps never overlap each other and run in poll order, so `commitRecord` of a later
 * poll never reaches the task before `commit()` of an earlier one, and `commit()` always follows
 * the offsets write that covers it. A failed step fails the task at the next delivery or stop. With the worker's
 * `exactly.once.source.support=enabled`, each poll's records and their offsets are one Kafka
 * transaction (`transaction.boundary=poll`), so a crash can neither lose nor repeat them for
 * read_committed consumers.
 */
export class WorkerSourceTask extends WorkerTask {
  private producer: ProducerPort | undefined;
  private pipeline: RecordPipeline | undefined;
  private policy: ErrorPolicy | undefined;
  private readonly knownTopics = new Set<string>();
  /** The previous poll's produce, still waiting for Kafka's acknowledgement. */
  private delivering: Promise<void> = Promise.resolve();
  /** The previous poll's commitRecord/offsets/commit step, still running. */
  private settling: Promise<void> = Promise.resolve();

  constructor(
    connector: string,
    id: number,
    props: Props,
    deps: TaskDeps,
    startPaused: boolean,
    private readonly task: SourceTask,
  ) {
    super(connector, id, props, deps, startPaused);
  }

  protected async run(): Promise<void> {
    this.pipeline = recordPipeline(this.deps.plugins, this.deps.worker, this.props);
    this.policy = this.deps.errorPolicy(this.connector, this.props, {
      logger: this.logger,
      kafka: this.deps.kafka,
    });
    const clientId = `connector-producer-${this.connector}-${this.id}`;
    this.producer = this.exactlyOnce()
      ? await this.deps.kafka.createProducer(
          clientId,
          `${this.deps.worker.string('group.id')}-${this.connector}-${this.id}`,
        )
      : await this.deps.kafka.createProducer(clientId);
    const store = this.deps.store;
    try {
      await this.task.start(this.props, {
        ...this.context(),
        signal: this.signal,
        offsetStorageReader: { offset: (p) => store.offset(this.connector, p) },
      });
      this.running();
      while (!this.signal.aborted) {
        await this.whilePaused();
        if (this.signal.aborted) break;
        const records = await this.task.poll();
        if (records !== null && records.length > 0) await this.deliver(records);
      }
      await this.delivering;
      await this.settling;
    } finally {
      await this.delivering.catch((err: unknown) =>
        this.logger.warn({ err: stackTrace(err) }, 'the last poll was not delivered'),
      );
      await this.settling.catch((err: unknown) =>
        this.logger.warn({ err: stackTrace(err) }, 'offsets of the last poll not stored'),
      );
      await this.task
        .stop()
        .catch((err: unknown) => this.logger.warn({ err: stackTrace(err) }, 'task stop failed'));
      await this.producer.close().catch(() => undefined);
      await this.closePolicy();
    }
  }

  private async deliver(records: readonly SourceRecord[]): Promise<void> {
    const produced: { record: SourceRecord; out: ProducedRecord | null }[] = [];
    for (const record of records) produced.push({ record, out: await this.convert(record) });
    const toSend = produced.flatMap((p) => (p.out === null ? [] : [p.out]));
    await this.ensureTopics(toSend);
    const offsets = new Map<string, { partition: SourcePartition; offset: SourceOffset }>();
    for (const p of produced) {
      offsets.set(offsetKey(this.connector, p.record.sourcePartition), {
        partition: p.record.sourcePartition,
        offset: p.record.sourceOffset,
      });
    }
    const store = this.deps.store;
    const exactlyOnce = this.exactlyOnce();
    const offsetRecords = exactlyOnce
      ? store.offsetRecords(this.connector, [...offsets.values()])
      : [];
    // The previous poll's records must be acknowledged before these are sent (one produce in
    // flight keeps per-partition order and one transaction at a time), but this poll was already
    // read and converted while they travelled. A failed send fails the task here.
    await this.delivering;
    const delivering = (async () => {
      const metadata = await this.sendWithRetry([...toSend, ...offsetRecords]);
      if (exactlyOnce) store.applyOffsets(this.connector, [...offsets.values()]);
      await this.settling;
      const settling = this.settle(produced, metadata, exactlyOnce ? null : [...offsets.values()]);
      // Observed at the next delivery or at stop; this only keeps Node from reporting it early.
      settling.catch(() => undefined);
      this.settling = settling;
    })();
    delivering.catch(() => undefined);
    this.delivering = delivering;
  }

  /** After a poll is acknowledged: commitRecord each record, store offsets (unless they went in the transaction), commit. */
  private async settle(
    produced: readonly { record: SourceRecord; out: ProducedRecord | null }[],
    metadata: readonly RecordMetadata[],
    offsets: { partition: SourcePartition; offset: SourceOffset }[] | null,
  ): Promise<void> {
    const topics = new Set<string>();
    for (const m of metadata) topics.add(m.topic);
    for (const topic of topics)
      await this.deps.store.addActiveTopic(this.connector, this.id, topic, this.deps.clock());
    let i = 0;
    for (const p of produced) {
      const meta: RecordMetadata | null = p.out === null ? null : (metadata[i++] ?? null);
      await this.task.commitRecord?.(p.record, meta);
    }
    if (offsets !== null) await this.deps.store.writeOffsets(this.connector, offsets);
    await this.task.commit?.();
  }

  private async closePolicy(): Promise<void> {
    await this.policy
      ?.close?.()
      .catch((err: unknown) =>
        this.logger.warn({ err: stackTrace(err) }, 'error policy close failed'),
      );
  }

  private exactlyOnce(): boolean {
    return this.deps.worker.string('exactly.once.source.support') === 'enabled';
  }

  private async convert(record: SourceRecord): Promise<ProducedRecord | null> {
    const pipeline = this.pipeline!;
    const policy = this.policy!;
    const failed = (stage: ErrorStage) => (): FailedRecord => ({
      connector: this.connector,
      taskId: this.id,
      record,
      stage,
    });
    const transformed = await runStage(policy, failed('TRANSFORMATION'), () =>
      Promise.resolve(applyTransforms(pipeline.transforms, record)),
    );
    if (transformed === undefined || transformed === null) return null;
    const key = await runStage(policy, failed('KEY_CONVERTER'), () =>
      pipeline.key.fromConnectData(transformed.topic, transformed.keySchema, transformed.key),
    );
    if (key === undefined) return null;
    const value = await runStage(policy, failed('VALUE_CONVERTER'), () =>
      pipeline.value.fromConnectData(transformed.topic, transformed.valueSchema, transformed.value),
    );
    if (value === undefined) return null;
    const headers = Object.fromEntries(
      transformed.headers
        .filter((h) => h.value !== null)
        .map((h) => [h.key, h.value as Buffer | string]),
    );
    return {
      topic: transformed.topic,
      key,
      value,
      headers,
      timestamp: transformed.timestamp,
      partition: transformed.kafkaPartition,
    };
  }

  private async ensureTopics(records: readonly ProducedRecord[]): Promise<void> {
    const missing = [...new Set(records.map((r) => r.topic))].filter(
      (t) => !this.knownTopics.has(t),
    );
    if (missing.length === 0) return;
    const partitions = this.deps.worker.int('topic.creation.default.partitions');
    const replicationFactor = this.deps.worker.int('replication.factor');
    await this.deps.kafka.ensureTopics(
      missing.map((topic) => ({ topic, partitions, replicationFactor })),
    );
    for (const t of missing) this.knownTopics.add(t);
  }

  private async sendWithRetry(records: readonly ProducedRecord[]): Promise<RecordMetadata[]> {
    for (;;) {
      try {
        return await this.producer!.send(records);
      } catch (error) {
        if (!(error instanceof RetriableError) || this.signal.aborted) throw error;
        this.logger.warn(
          { err: stackTrace(error), records: records.length },
          'produce failed, retrying',
        );
        await this.context().sleep(RETRY_BACKOFF_MS);
      }
    }
  }
}
