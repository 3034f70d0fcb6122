import type { KafkaClientPort, OutgoingRecord, PartitionOffset, ProducerPort } from '../kafka';

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

  private constructor(private readonly producer: ProducerPort) {}

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
    return new TransactionalOutbox(producer);
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
