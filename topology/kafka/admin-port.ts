import type { PartitionOffset } from './types';

/** Topic, offset and group administration. Every method is idempotent where Kafka allows it. */
export interface AdminPort {
  /** Creates the topics that do not exist; existing topics are left as they are. */
  createTopics(topics: readonly TopicSpec[]): Promise<void>;
  /** Deletes the topics that exist. */
  deleteTopics(names: readonly string[]): Promise<void>;
  listTopics(): Promise<readonly string[]>;
  /** Throws `KafkaPortError` code `UNKNOWN_TOPIC` for a missing topic. */
  describeTopic(name: string): Promise<TopicDescription>;
  /** Per partition: the high watermark (offset of the next record to be written). */
  endOffsets(topic: string): Promise<readonly PartitionOffset[]>;
  /** Per partition: the log start offset. */
  beginningOffsets(topic: string): Promise<readonly PartitionOffset[]>;
  /** The group's committed positions for the topics; -1 where it has none. */
  committedOffsets(groupId: string, topics: readonly string[]): Promise<readonly PartitionOffset[]>;
  /** Lag per partition: end offset minus committed position (from the beginning when none). */
  groupLag(groupId: string, topics: readonly string[]): Promise<readonly PartitionLag[]>;
  deleteGroup(groupId: string): Promise<void>;
  /** The cluster's id (KIP-78), as ksqlDB's `/info` reports it. Optional for test brokers. */
  describeCluster?(): Promise<ClusterDescription>;
  close(): Promise<void>;
}

export interface ClusterDescription {
  readonly clusterId: string;
}

export interface TopicSpec {
  readonly name: string;
  readonly partitions: number;
  readonly replicationFactor?: number;
  /** `delete` (default) or `compact` (changelogs). */
  readonly cleanupPolicy?: 'delete' | 'compact';
  readonly configs?: Readonly<Record<string, string>>;
}

export interface TopicDescription {
  readonly name: string;
  readonly partitions: number;
  readonly replicationFactor: number;
  readonly cleanupPolicy: string;
  readonly configs: Readonly<Record<string, string>>;
}

export interface PartitionLag extends PartitionOffset {
  readonly endOffset: number;
  readonly lag: number;
}
