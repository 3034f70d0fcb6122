import type { Admin, Kafka } from 'kafkajs';
import type { LogRecord } from '../runtime/kafka-port';
import { toLogRecord } from './log-record';

/**
 * Reads compacted state topics from the start to the end offsets observed when called. The
 * reader group never commits, so every call starts from the beginning.
 */
export async function readToEnd(
  kafka: Kafka,
  admin: Admin,
  topics: readonly string[],
  readerGroup: string,
): Promise<LogRecord[]> {
  const remaining = new Map<string, bigint>();
  for (const topic of topics) {
    for (const p of await admin.fetchTopicOffsets(topic)) {
      if (BigInt(p.high) > BigInt(p.low)) remaining.set(`${topic}:${p.partition}`, BigInt(p.high));
    }
  }
  if (remaining.size === 0) return [];
  const consumer = kafka.consumer({ groupId: readerGroup, allowAutoTopicCreation: false });
  const records: LogRecord[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topics: [...topics], fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      consumer
        .run({
          autoCommit: false,
          eachBatch: async ({ batch }) => {
            const k = `${batch.topic}:${batch.partition}`;
            const end = remaining.get(k);
            for (const m of batch.messages) {
              if (end !== undefined && BigInt(m.offset) < end)
                records.push(toLogRecord(batch.topic, batch.partition, m));
            }
            const last = BigInt(batch.lastOffset());
            if (end !== undefined && last + 1n >= end) remaining.delete(k);
            if (remaining.size === 0) resolve();
            return Promise.resolve();
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  records.sort((a, b) =>
    a.topic === b.topic
      ? a.partition === b.partition
        ? Number(a.offset - b.offset)
        : a.partition - b.partition
      : 0,
  );
  return records;
}
