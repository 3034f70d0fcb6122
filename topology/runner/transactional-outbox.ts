import type { KafkaClientPort, OutgoingRecord, PartitionOffset, ProducerPort } from '../kafka';

/** Header marking an epoch marker in a changelog: not a store record. */
export const EPOCH_MARKER_HEADER = '__brook.epoch';
/** A key no store writes (store keys are encoded rows), so compaction keeps one marker. */
const EPOCH_MARKER_KEY = Buffer.from('\u0000__brook.epoch');

/** Changelog records written by `claimEpochs`, which a restore must not apply. */
export function isEpochMarker(record: {
  readonly headers: Readonly<Record<string, Buffer>>;
}): boolean {
  return record.headers[EPOCH_MARKER_HEADER] !== undefined;
}

/**
 * The exactly_once_v2 output of one task: records the task emits while processing (sink,
 * repartition, changelog, processing log) wait here until the commit, which sends them and the
 * task's input offsets in one Kafka transaction of the task's own transactional producer.
 *
 * Transactional ids are `<applicationId>-<taskId>` (stable per task, as Kafka Streams' EOS v1
 * scheme): whichever instance opens a task registers the id, which fences the producer of any
 * previous owner and aborts its open transaction. kafkajs cannot attach the consumer group
 * generation to `sendOffsets`, so the per-instance EOS v2 id scheme would not fence zombies.
 */
export class TransactionalOutbox {
  private records: OutgoingRecord[] = [];

  private constructor(
    private readonly producer: ProducerPort,
    private readonly transactionalId: string,
  ) {}

  /** Opens the task's producer and fences earlier owners before the task restores or reads. */
  static async open(kafka: KafkaClientPort, transactionalId: string): Promise<TransactionalOutbox> {
    const producer = kafka.producer({ transactionalId });
    try {
      const tx = await producer.beginTransaction();
      await tx.abort();
    } catch (error) {
      await producer.close().catch(() => undefined);
      throw error;
    }
    return new TransactionalOutbox(producer, transactionalId);
  }

  /**
   * Writes one epoch marker to each of the task's changelog partitions in a committed
   * transaction and returns, per `topic:partition`, the offset after it: the writer epoch of
   * the store behind that changelog. `open` already fenced every earlier owner's producer, so
   * no earlier owner can append to these partitions any more and this offset is greater than
   * any epoch claimed before. It lives in Kafka, so it keeps growing when Redis is wiped (a
   * counter in Redis would restart and let a zombie's old epoch pass again). Restores skip the
   * markers (`isEpochMarker`); compaction keeps only the latest.
   */
  async claimEpochs(
    changelogs: readonly { readonly topic: string; readonly partition: number }[],
  ): Promise<Map<string, number>> {
    const epochs = new Map<string, number>();
    if (changelogs.length === 0) return epochs;
    const tx = await this.producer.beginTransaction();
    try {
      await tx.send(
        changelogs.map(({ topic, partition }) => ({
          topic,
          partition,
          key: EPOCH_MARKER_KEY,
          value: Buffer.from(this.transactionalId),
          headers: { [EPOCH_MARKER_HEADER]: Buffer.from('1') },
        })),
      );
      await tx.commit();
    } catch (error) {
      await tx.abort().catch(() => undefined);
      throw error;
    }
    for (const { topic, partition } of changelogs) {
      const end = this.producer.acknowledgedEnd(topic, partition);
      if (end === undefined)
        throw new Error(`epoch marker on ${topic}:${partition} was not acknowledged`);
      epochs.set(`${topic}:${partition}`, end);
    }
    return epochs;
  }

  send(record: OutgoingRecord): void {
    this.records.push(record);
  }

  pending(): readonly OutgoingRecord[] {
    return this.records;
  }

  /**
   * Sends the pending records and the input offsets in one transaction and commits it. Returns,
   * per `topic:partition` of `checkpointed` that received records, the offset after the commit
   * marker: what a store's checkpoint records. A failure aborts the transaction.
   */
  async commit(
    groupId: string,
    offsets: readonly PartitionOffset[],
    checkpointed: readonly { readonly topic: string; readonly partition: number }[],
  ): Promise<Map<string, number>> {
    const records = this.records;
    this.records = [];
    const ends = new Map<string, number>();
    if (records.length === 0 && offsets.length === 0) return ends;
    const tx = await this.producer.beginTransaction();
    try {
      if (records.length > 0) await tx.send(records);
      if (offsets.length > 0) await tx.sendOffsets(groupId, offsets);
      await tx.commit();
    } catch (error) {
      await tx.abort().catch(() => undefined);
      throw error;
    }
    for (const { topic, partition } of checkpointed) {
      if (!records.some((r) => r.topic === topic && r.partition === partition)) continue;
      const end = this.producer.acknowledgedEnd(topic, partition);
      // This task is the only writer of its changelog partition: its marker follows its records.
      if (end !== undefined) ends.set(`${topic}:${partition}`, end + 1);
    }
    return ends;
  }

  /** Forgets uncommitted records (a revoked or failed task's work). */
  discard(): void {
    this.records = [];
  }

  close(): Promise<void> {
    this.records = [];
    return this.producer.close();
  }
}
