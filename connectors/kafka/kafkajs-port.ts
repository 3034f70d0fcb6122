import { text } from '../data/text';
import {
  Kafka,
  logLevel,
  Partitioners,
  type Admin,
  type Consumer,
  type IHeaders,
  type PartitionMetadata,
  type Producer,
} from 'kafkajs';
import type { RecordMetadata } from '../data/connect-record';
import { RetriableError } from '../errors';
import type {
  ConsumerPort,
  KafkaPort,
  ProducerPort,
  ProducedRecord,
  TopicSpec,
} from '../runtime/kafka-port';
import { toLogRecord } from './log-record';
import { keyPartition } from './murmur2';
import { produceChunks, type SizedMessage } from './produce-chunks';
import { readToEnd } from './read-to-end';

interface KafkaMessage {
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly partition: number;
  readonly headers?: IHeaders;
  readonly timestamp?: string;
}

interface PlacedMessage extends SizedMessage {
  readonly message: KafkaMessage;
}

/** One produce request's worth of messages, in the order they were given. */
interface Chunk {
  readonly placed: readonly PlacedMessage[];
  readonly batch: { acks: number; topicMessages: { topic: string; messages: KafkaMessage[] }[] };
}

function toBatch(placed: readonly PlacedMessage[]): Chunk {
  const byTopic = new Map<string, KafkaMessage[]>();
  for (const p of placed) {
    const list = byTopic.get(p.topic) ?? [];
    list.push(p.message);
    byTopic.set(p.topic, list);
  }
  const topicMessages = [...byTopic.entries()].map(([topic, messages]) => ({ topic, messages }));
  return { placed, batch: { acks: -1, topicMessages } };
}

/** Sends one chunk and maps kafkajs' per-partition base offsets back to each message. */
async function sendChunk(
  sender: Pick<Producer, 'sendBatch'>,
  chunk: Chunk,
): Promise<RecordMetadata[]> {
  const answers = await sender.sendBatch(chunk.batch);
  const next = new Map(
    answers.map((a) => [`${a.topicName}:${a.partition}`, BigInt(a.baseOffset ?? '0')]),
  );
  return chunk.placed.map((p) => {
    const k = `${p.topic}:${p.message.partition}`;
    const offset = next.get(k) ?? -1n;
    next.set(k, offset + 1n);
    return { topic: p.topic, partition: p.message.partition, offset };
  });
}

export interface KafkajsPortOptions {
  readonly brokers: readonly string[];
  readonly clientId: string;
}

/** KafkaPort over kafkajs: idempotent acks=all producers, manual-commit consumers. */
export async function kafkajsPort(options: KafkajsPortOptions): Promise<KafkaPort> {
  const kafka = new Kafka({
    clientId: options.clientId,
    brokers: [...options.brokers],
    logLevel: logLevel.NOTHING,
  });
  const admin: Admin = kafka.admin();
  await admin.connect();
  const partitionsCache = new Map<string, PartitionMetadata[]>();

  async function partitionsOf(topic: string): Promise<PartitionMetadata[]> {
    let partitions = partitionsCache.get(topic);
    if (partitions === undefined) {
      const meta = await admin.fetchTopicMetadata({ topics: [topic] });
      partitions = meta.topics[0]?.partitions ?? [];
      partitionsCache.set(topic, partitions);
    }
    return partitions;
  }

  return {
    async ensureTopics(specs: readonly TopicSpec[]) {
      const existing = new Set(await admin.listTopics());
      const missing = specs.filter((s) => !existing.has(s.topic));
      if (missing.length === 0) return;
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((s) => ({
          topic: s.topic,
          numPartitions: s.partitions ?? 1,
          replicationFactor: s.replicationFactor ?? -1,
          configEntries: s.compacted ? [{ name: 'cleanup.policy', value: 'compact' }] : [],
        })),
      });
    },
    listTopics: () => admin.listTopics(),
    async clusterId() {
      return (await admin.describeCluster()).clusterId;
    },
    async createProducer(clientId: string, transactionalId?: string): Promise<ProducerPort> {
      const producer = kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        createPartitioner: Partitioners.DefaultPartitioner,
        allowAutoTopicCreation: false,
        ...(transactionalId === undefined ? {} : { transactionalId }),
      });
      await producer.connect();
      const partitioner = Partitioners.DefaultPartitioner();
      return {
        async send(records: readonly ProducedRecord[]): Promise<RecordMetadata[]> {
          if (records.length === 0) return [];
          const placed: PlacedMessage[] = [];
          const partitionsByTopic = new Map<string, PartitionMetadata[]>();
          for (const r of records)
            if (!partitionsByTopic.has(r.topic))
              partitionsByTopic.set(r.topic, await partitionsOf(r.topic));
          for (const r of records) {
            const partitionMetadata = partitionsByTopic.get(r.topic)!;
            const message = {
              key: r.key,
              value: r.value,
              ...(r.headers ? { headers: { ...r.headers } } : {}),
              ...(r.timestamp != null ? { timestamp: String(r.timestamp) } : {}),
            };
            // Keyed records hash as the Java client does (kafkajs' own murmur2 is slow); keyless
            // ones keep kafkajs' round robin.
            const partition =
              r.partition ??
              (partitionMetadata.length === 1
                ? partitionMetadata[0]!.partitionId
                : r.key !== null && partitionMetadata.length > 0
                  ? keyPartition(r.key, partitionMetadata.length)
                  : partitioner({ topic: r.topic, partitionMetadata, message }));
            placed.push({
              topic: r.topic,
              key: r.key,
              value: r.value,
              ...(r.headers ? { headers: r.headers } : {}),
              message: { ...message, partition },
            });
          }
          const chunks = produceChunks(placed).map(toBatch);
          try {
            if (transactionalId === undefined) {
              // Chunks go one after the other: one in flight keeps the idempotent order.
              const answers: RecordMetadata[] = [];
              for (const chunk of chunks) answers.push(...(await sendChunk(producer, chunk)));
              return answers;
            }
            // Everything in one call is one transaction: records and source offsets together.
            const txn = await producer.transaction();
            try {
              const answers: RecordMetadata[] = [];
              for (const chunk of chunks) answers.push(...(await sendChunk(txn, chunk)));
              await txn.commit();
              return answers;
            } catch (error) {
              await txn.abort().catch(() => undefined);
              throw error;
            }
          } catch (cause) {
            throw new RetriableError(`producing ${records.length} records failed (${clientId})`, {
              cause,
            });
          }
        },
        close: () => producer.disconnect(),
      };
    },
    readToEnd: (topics, readerGroup) => readToEnd(kafka, admin, topics, readerGroup),
    async createConsumer({ groupId, topics }): Promise<ConsumerPort> {
      const consumer: Consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false });
      await consumer.connect();
      await consumer.subscribe({
        topics: topics instanceof RegExp ? [topics] : [...topics],
        fromBeginning: true,
      });
      let assigned: string[] = [];
      consumer.on(consumer.events.GROUP_JOIN, (e) => {
        assigned = Object.keys(e.payload.memberAssignment);
      });
      return {
        run: (onBatch) =>
          consumer.run({
            autoCommit: false,
            eachBatch: async ({ batch }) => {
              await onBatch({
                topic: batch.topic,
                partition: batch.partition,
                records: batch.messages.map((m) => toLogRecord(batch.topic, batch.partition, m)),
              });
            },
          }),
        commit: (offsets) =>
          consumer.commitOffsets(
            offsets.map((o) => ({
              topic: o.topic,
              partition: o.partition,
              offset: o.offset.toString(),
            })),
          ),
        pause: () => consumer.pause(assigned.map((topic) => ({ topic }))),
        resume: () => consumer.resume(assigned.map((topic) => ({ topic }))),
        close: () => consumer.disconnect(),
      };
    },
    async groupOffsets(groupId) {
      const answer = await admin.fetchOffsets({ groupId });
      return answer.flatMap((t) =>
        t.partitions
          .filter((p) => Number(p.offset) >= 0)
          .map((p) => ({ topic: t.topic, partition: p.partition, offset: BigInt(p.offset) })),
      );
    },
    async setGroupOffsets(groupId, offsets) {
      const topics = new Set(offsets.map((o) => o.topic));
      for (const topic of topics) {
        const partitions = offsets
          .filter((o) => o.topic === topic)
          .map((o) => ({ partition: o.partition, offset: o.offset.toString() }));
        await admin.setOffsets({ groupId, topic, partitions });
      }
    },
    async deleteGroup(groupId) {
      try {
        await admin.deleteGroups([groupId]);
      } catch (error) {
        if (
          !String(error).includes('GROUP_ID_NOT_FOUND') &&
          !text((error as { groups?: unknown }).groups ?? '').includes('GROUP_ID_NOT_FOUND')
        )
          throw error;
      }
    },
    close: () => admin.disconnect(),
  };
}
