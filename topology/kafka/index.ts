export * from './types';
export * from './kafka-error';
export type {
  ConsumerPort,
  ConsumerHandler,
  ConsumerOptions,
  ConsumerSubscription,
} from './consumer-port';
export type { ProducerPort, ProducerOptions, TransactionPort } from './producer-port';
export type { AdminPort, TopicSpec, TopicDescription, PartitionLag } from './admin-port';
export { kafkajsClient, type KafkaClientPort, type KafkajsClientOptions } from './kafka-client';
export { murmur2, defaultPartition } from './murmur2-partitioner';
