import type { KafkaClientPort, ProducerPort } from '../../../topology';
import type { ProduceRecord, RecordPort, TopicReader, TopicRecord } from '../ports';
import { AsyncQueue } from './async-queue';
import { identityTopicNames, type TopicNameMapper } from './topic-name-mapper';

/**
 * `RecordPort` over the runtime's Kafka ports. Reads join a consumer group of their own
 * (named by the reader id), never commit, and delete the group when closed.
 */
export class KafkaRecords implements RecordPort {
  private producer: ProducerPort | undefined;

  constructor(
    private readonly kafka: KafkaClientPort,
    private readonly groupPrefix: string,
    private readonly names: TopicNameMapper = identityTopicNames,
  ) {}

  async produce(records: readonly ProduceRecord[]): Promise<void> {
    this.producer ??= this.kafka.producer({ idempotent: true, lingerMs: 0 });
    for (const r of records) {
      this.producer.send({
        topic: this.names.toPhysical(r.topic),
        key: r.key,
        value: r.value,
        ...(r.partition === undefined ? {} : { partition: r.partition }),
        ...(r.timestamp === undefined ? {} : { timestamp: r.timestamp }),
        ...(r.headers === undefined ? {} : { headers: r.headers }),
      });
    }
    await this.producer.flush();
  }

  async read(topic: string, options: { readonly fromBeginning: boolean; readonly readerId: string }): Promise<TopicReader> {
    const physical = this.names.toPhysical(topic);
    const groupId = `${this.groupPrefix}${options.readerId}`;
    const consumer = this.kafka.consumer({ groupId, maxWaitMs: 200 });
    const queue = new AsyncQueue<TopicRecord>();
    await consumer.run(
      { fromEarliest: options.fromBeginning ? [physical] : [], fromLatest: options.fromBeginning ? [] : [physical] },
      {
        onAssigned: () => Promise.resolve(),
        onRevoked: () => Promise.resolve(),
        onBatch: (batch) => {
          for (const r of batch.records) {
            queue.push({ partition: r.partition, offset: r.offset, timestamp: r.timestamp, key: r.key, value: r.value, headers: r.headers });
          }
          return Promise.resolve();
        },
        onCrash: (error) => queue.end(error),
      },
    );
    let closed = false;
    return {
      records: queue,
      close: async () => {
        if (closed) return;
        closed = true;
        queue.end();
        await consumer.stop();
        await this.kafka.admin().deleteGroup(groupId).catch(() => undefined);
      },
    };
  }

  async close(): Promise<void> {
    await this.producer?.close();
    this.producer = undefined;
  }
}
