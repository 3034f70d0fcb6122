import {
  Partitioners,
  type Kafka,
  type Message,
  type Producer,
  type RecordMetadata,
  type TopicMessages,
} from 'kafkajs';
import { KafkaPortError, toKafkaError } from './kafka-error';
import type { ProducerOptions, ProducerPort, TransactionPort } from './producer-port';
import type { OutgoingRecord, PortLogger } from './types';

/** `ProducerPort` over a kafkajs producer: buffered `sendBatch` calls, one in flight at a time. */
export function kafkajsProducer(
  kafka: Kafka,
  options: ProducerOptions,
  logger: PortLogger,
): ProducerPort {
  const transactional = options.transactionalId !== undefined;
  const idempotent = transactional || (options.idempotent ?? true);
  const producer: Producer = kafka.producer({
    idempotent,
    ...(transactional ? { transactionalId: options.transactionalId } : {}),
    maxInFlightRequests: idempotent ? 1 : 5,
    allowAutoTopicCreation: false,
    // Java's murmur2 partitioner, named explicitly (kafkajs warns about its default otherwise).
    createPartitioner: Partitioners.DefaultPartitioner,
    retry: { retries: 8 },
  });
  const batchSize = options.batchSize ?? 2_000;
  const lingerMs = options.lingerMs ?? 5;
  const maxRequestBytes = options.maxRequestBytes ?? 900_000;
  let connected: Promise<void> | null = null;
  let buffer: OutgoingRecord[] = [];
  let draining: Promise<void> | null = null;
  let timer: NodeJS.Timeout | null = null;
  let failure: KafkaPortError | null = null;
  let closed = false;

  const acknowledged = new Map<string, number>();
  const connect = (): Promise<void> => (connected ??= producer.connect());

  const recordAcknowledged = (
    records: readonly OutgoingRecord[],
    metadata: readonly RecordMetadata[],
  ): void => {
    const explicit = new Map<string, number>();
    for (const r of records) {
      if (r.partition !== undefined)
        explicit.set(
          `${r.topic}:${r.partition}`,
          (explicit.get(`${r.topic}:${r.partition}`) ?? 0) + 1,
        );
    }
    for (const m of metadata) {
      const id = `${m.topicName}:${m.partition}`;
      const count = explicit.get(id);
      if (count !== undefined && m.baseOffset !== undefined)
        acknowledged.set(id, Number(m.baseOffset) + count);
    }
  };

  const drain = async (): Promise<void> => {
    try {
      await connect();
      while (buffer.length > 0 && failure === null) {
        const records = takeBatch();
        const metadata = await producer.sendBatch({
          topicMessages: toTopicMessages(records),
          acks: -1,
        });
        recordAcknowledged(records, metadata);
      }
    } catch (error) {
      failure = toKafkaError(error);
      buffer = [];
      logger.error(
        { code: failure.code, retriable: failure.retriable },
        `producer send failed: ${failure.message}`,
      );
    }
  };

  // One request stays under the broker's message.max.bytes (1 MiB by default) per partition.
  const takeBatch = (): OutgoingRecord[] => {
    let bytes = 0;
    let count = 0;
    while (count < buffer.length && count < batchSize && bytes < maxRequestBytes) {
      const r = buffer[count]!;
      bytes += (r.key?.length ?? 0) + (r.value?.length ?? 0) + 64;
      count++;
    }
    return buffer.splice(0, count);
  };

  const kick = (): Promise<void> => {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    draining ??= drain().finally(() => {
      draining = null;
      if (buffer.length > 0 && failure === null) void kick();
    });
    return draining;
  };

  const usable = (): void => {
    if (closed) throw new KafkaPortError('CLOSED', 'producer is closed', false);
    if (failure) throw failure;
  };

  return {
    send(record) {
      usable();
      buffer.push(record);
      if (buffer.length >= batchSize) void kick();
      else timer ??= setTimeout(() => void kick(), lingerMs);
    },
    async flush() {
      usable();
      while (buffer.length > 0 || draining) await kick();
      if (failure) throw failure;
    },
    acknowledgedEnd(topic, partition) {
      return acknowledged.get(`${topic}:${partition}`);
    },
    async beginTransaction(): Promise<TransactionPort> {
      usable();
      if (!transactional) {
        throw new KafkaPortError('TRANSACTION_STATE', 'producer has no transactionalId', false);
      }
      try {
        await connect();
        const tx = await producer.transaction();
        return {
          send: async (records) => {
            // Requests stay under the broker's message.max.bytes, as outside transactions.
            for (let from = 0; from < records.length;) {
              let to = from;
              let bytes = 0;
              while (to < records.length && to - from < batchSize && bytes < maxRequestBytes) {
                const r = records[to]!;
                bytes += (r.key?.length ?? 0) + (r.value?.length ?? 0) + 64;
                to++;
              }
              const part = records.slice(from, to);
              const metadata = await wrap(
                tx.sendBatch({ topicMessages: toTopicMessages(part), acks: -1 }),
              );
              recordAcknowledged(part, metadata);
              from = to;
            }
          },
          sendOffsets: async (groupId, offsets) => {
            const byTopic = new Map<string, { partition: number; offset: string }[]>();
            for (const o of offsets) {
              byTopic.set(o.topic, [
                ...(byTopic.get(o.topic) ?? []),
                { partition: o.partition, offset: String(o.offset) },
              ]);
            }
            await tx.sendOffsets({
              consumerGroupId: groupId,
              topics: [...byTopic.entries()].map(([topic, partitions]) => ({ topic, partitions })),
            });
          },
          commit: () => wrap(tx.commit()),
          abort: () => wrap(tx.abort()),
        };
      } catch (error) {
        throw toKafkaError(error);
      }
    },
    async close() {
      if (closed) return;
      if (!failure) await kick();
      closed = true;
      if (connected) await producer.disconnect();
    },
  };
}

async function wrap<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    throw toKafkaError(error);
  }
}

export function toTopicMessages(records: readonly OutgoingRecord[]): TopicMessages[] {
  const byTopic = new Map<string, Message[]>();
  for (const r of records) {
    const message: Message = {
      key: r.key,
      value: r.value,
      ...(r.partition !== undefined ? { partition: r.partition } : {}),
      ...(r.timestamp !== undefined ? { timestamp: String(r.timestamp) } : {}),
      ...(r.headers !== undefined ? { headers: { ...r.headers } } : {}),
    };
    const list = byTopic.get(r.topic);
    if (list) list.push(message);
    else byTopic.set(r.topic, [message]);
  }
  return [...byTopic.entries()].map(([topic, messages]) => ({ topic, messages }));
}
