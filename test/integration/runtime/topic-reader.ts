import type { ConsumedRecord, ConsumerPort, KafkaClientPort } from '../../../topology/kafka';
import { uniqueName } from '../../support/services';

export interface TopicReader {
  readonly records: ConsumedRecord[];
  /** Latest value per key (string), as a table reads a changelog. */
  latest(): Map<string, string | null>;
  stop(): Promise<void>;
}

/** Reads topics from the beginning into memory until stopped. */
export async function readTopics(
  kafka: KafkaClientPort,
  topics: readonly string[],
): Promise<TopicReader> {
  const records: ConsumedRecord[] = [];
  const consumer: ConsumerPort = kafka.consumer({ groupId: uniqueName('reader'), maxWaitMs: 100 });
  await consumer.run(
    { fromEarliest: topics, fromLatest: [] },
    {
      onAssigned: () => Promise.resolve(),
      onRevoked: () => Promise.resolve(),
      onBatch: (batch) => Promise.resolve(void records.push(...batch.records)),
      onCrash: (error) => {
        throw error;
      },
    },
  );
  return {
    records,
    latest() {
      const out = new Map<string, string | null>();
      for (const r of records) out.set(r.key?.toString() ?? '', r.value?.toString() ?? null);
      return out;
    },
    stop: () => consumer.stop(),
  };
}
