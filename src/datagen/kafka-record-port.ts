import { kafkajsClient, type KafkaClientPort } from '../../topology';
import type { RecordPort } from './datagen-ports';

export interface KafkaRecordPortOptions {
  readonly brokers: readonly string[];
  readonly clientId?: string;
  /** Partitions of the topics the port creates when they are missing. */
  readonly partitions?: number;
}

/**
 * The production `RecordPort`: an idempotent producer that creates missing topics first.
 * `send` resolves once the broker acknowledged the whole batch, so totals never count a record
 * that is not on the broker.
 */
export function kafkaRecordPort(options: KafkaRecordPortOptions): RecordPort {
  const client: KafkaClientPort = kafkajsClient({
    brokers: options.brokers,
    clientId: options.clientId ?? 'brook-datagen',
  });
  const producer = client.producer({ idempotent: true });
  const known = new Set<string>();
  return {
    async send(records) {
      const missing = [...new Set(records.map((r) => r.topic))].filter((t) => !known.has(t));
      if (missing.length > 0) {
        await client
          .admin()
          .createTopics(missing.map((name) => ({ name, partitions: options.partitions ?? 3 })));
        for (const t of missing) known.add(t);
      }
      for (const r of records) {
        producer.send({
          topic: r.topic,
          key: r.key === null ? null : Buffer.from(r.key),
          value: Buffer.from(r.value),
          timestamp: r.timestamp,
        });
      }
      await producer.flush();
    },
    async close() {
      await producer.close();
      await client.close();
    },
  };
}
