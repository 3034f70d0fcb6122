import type { RecordMetadata } from '../data/connect-record';

/**
 * The runtime's view of Kafka. `connectors/kafka` implements it with kafkajs; nothing else in
 * connectors/ knows the client library.
 */
export interface ProducedRecord {
  readonly topic: string;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers?: Readonly<Record<string, Buffer | string>>;
  readonly timestamp?: number | null;
  readonly partition?: number | null;
}

export interface LogRecord {
  readonly topic: string;
  readonly partition: number;
  readonly offset: bigint;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: Readonly<Record<string, Buffer | string | undefined>>;
  readonly timestamp: number;
}

export interface TopicSpec {
  readonly topic: string;
  readonly partitions?: number;
  readonly replicationFactor?: number;
  readonly compacted?: boolean;
}

export interface TopicPartitionOffset {
  readonly topic: string;
  readonly partition: number;
  readonly offset: bigint;
}

export interface ProducerPort {
  /** Sends and waits for acks=all; metadata is in the order of `records`. */
  send(records: readonly ProducedRecord[]): Promise<RecordMetadata[]>;
  close(): Promise<void>;
}

export interface ConsumerBatch {
  readonly topic: string;
  readonly partition: number;
  readonly records: readonly LogRecord[];
}

export interface ConsumerPort {
  /** Starts fetching; `onBatch` is awaited before the next batch of the same partition. */
  run(onBatch: (batch: ConsumerBatch) => Promise<void>): Promise<void>;
  /** Commits, per partition, the offset of the next record to read. */
  commit(offsets: readonly TopicPartitionOffset[]): Promise<void>;
  pause(): void;
  resume(): void;
  close(): Promise<void>;
}

export interface KafkaPort {
  ensureTopics(specs: readonly TopicSpec[]): Promise<void>;
  listTopics(): Promise<string[]>;
  clusterId(): Promise<string>;
  /**
   * With a `transactionalId`, each `send` is one Kafka transaction (all or nothing, fencing any
   * older producer with the same id); without, an idempotent acks=all producer.
   */
  createProducer(clientId: string, transactionalId?: string): Promise<ProducerPort>;
  /** Reads `topics` from the beginning to their current end (compacted state topics). */
  readToEnd(topics: readonly string[], readerGroup: string): Promise<LogRecord[]>;
  createConsumer(options: {
    readonly groupId: string;
    readonly topics: readonly string[] | RegExp;
  }): Promise<ConsumerPort>;
  groupOffsets(groupId: string): Promise<TopicPartitionOffset[]>;
  setGroupOffsets(groupId: string, offsets: readonly TopicPartitionOffset[]): Promise<void>;
  deleteGroup(groupId: string): Promise<void>;
  close(): Promise<void>;
}
