import { Kafka, logLevel, type LogEntry } from 'kafkajs';
import type { AdminPort } from './admin-port';
import type { ConsumerOptions, ConsumerPort } from './consumer-port';
import { kafkajsAdmin } from './kafkajs-admin';
import { kafkajsConsumer } from './kafkajs-consumer';
import { kafkajsProducer } from './kafkajs-producer';
import type { ProducerOptions, ProducerPort } from './producer-port';
import { silentLogger, type PortLogger } from './types';

/**
 * The one object the runtime receives to talk to Kafka: a factory of ports. Tests and other
 * brokers' clients provide another implementation of this interface.
 */
export interface KafkaClientPort {
  consumer(options: ConsumerOptions): ConsumerPort;
  producer(options: ProducerOptions): ProducerPort;
  /** A shared admin client; closed by `close`. */
  admin(): AdminPort;
  close(): Promise<void>;
}

export interface KafkajsClientOptions {
  readonly brokers: readonly string[];
  readonly clientId: string;
  readonly logger?: PortLogger;
  readonly connectionTimeoutMs?: number;
  readonly requestTimeoutMs?: number;
}

export function kafkajsClient(options: KafkajsClientOptions): KafkaClientPort {
  const logger = options.logger ?? silentLogger;
  const kafka = new Kafka({
    clientId: options.clientId,
    brokers: [...options.brokers],
    connectionTimeout: options.connectionTimeoutMs ?? 3_000,
    requestTimeout: options.requestTimeoutMs ?? 30_000,
    logLevel: logLevel.WARN,
    logCreator: () => (entry: LogEntry) => forward(logger, entry),
  });
  let admin: AdminPort | null = null;
  const sharedAdmin = (): AdminPort => (admin ??= kafkajsAdmin(kafka));
  return {
    consumer: (consumerOptions) => kafkajsConsumer(kafka, consumerOptions, sharedAdmin(), logger),
    producer: (producerOptions) => kafkajsProducer(kafka, producerOptions, logger),
    admin: sharedAdmin,
    async close() {
      if (admin) await admin.close();
      admin = null;
    },
  };
}

function forward(logger: PortLogger, entry: LogEntry): void {
  const { message, ...fields } = entry.log;
  const payload = { kafkajs: entry.namespace, ...fields };
  if (entry.level <= logLevel.ERROR) logger.error(payload, message);
  else if (entry.level === logLevel.WARN) logger.warn(payload, message);
  else logger.debug(payload, message);
}
