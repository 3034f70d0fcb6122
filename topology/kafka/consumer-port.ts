import type { KafkaPortError } from './kafka-error';
import type { PartitionOffset, RecordBatch, TopicPartition } from './types';

/**
 * What the runner needs from a group consumer. One consumer = one group member.
 *
 * Lifecycle: `run` joins the group and returns once the member consumes; callbacks are then
 * invoked one at a time, never concurrently: `onAssigned`/`onRevoked` after every rebalance
 * (eager: the delta between the previous and the new assignment), `onBatch` for fetched
 * records of assigned partitions, in offset order per partition. `stop` leaves the group; it
 * first revokes every assigned partition through `onRevoked`.
 *
 * Assignment keeps co-partitioned topics together: partition p of every subscribed topic goes
 * to the same member (a task's inputs are never split across instances).
 *
 * Guarantees: offsets are committed only through `commit` (never automatically). A member that
 * restarts after a retriable failure revokes everything first, then is assigned again. Revocation is
 * reported after the group rebalanced, so the work of a revoked partition that was not
 * committed yet must be abandoned (its new owner re-reads it from the committed offset).
 */
export interface ConsumerPort {
  run(subscription: ConsumerSubscription, handler: ConsumerHandler): Promise<void>;
  /** Stops fetching these partitions (they stay assigned) until `resume`. */
  pause(partitions: readonly TopicPartition[]): void;
  resume(partitions: readonly TopicPartition[]): void;
  /** The next batch of this partition starts at `offset`. */
  seek(position: PartitionOffset): void;
  /** Commits positions (next offset to read) for the current group generation. */
  commit(offsets: readonly PartitionOffset[]): Promise<void>;
  /** The group's committed positions (-1 when none) for these topics. */
  committed(topics: readonly string[]): Promise<readonly PartitionOffset[]>;
  assignment(): readonly TopicPartition[];
  stop(): Promise<void>;
}

export interface ConsumerSubscription {
  /** Topics read from the earliest offset when the group has no committed offset. */
  readonly fromEarliest: readonly string[];
  /** Topics read from the latest offset when the group has no committed offset. */
  readonly fromLatest: readonly string[];
}

export interface ConsumerHandler {
  onAssigned(partitions: readonly TopicPartition[]): Promise<void>;
  onRevoked(partitions: readonly TopicPartition[]): Promise<void>;
  onBatch(batch: RecordBatch): Promise<void>;
  /**
   * The fetch position of a partition passed `offset` (the next offset to fetch), including
   * batches that held only transaction markers or aborted records, which read_committed
   * consumers never see as records. Outside the serial order of the other callbacks.
   */
  onFetched?(position: PartitionOffset): void;
  /** The member stopped for good (a non-retriable error, or retries exhausted). */
  onCrash(error: KafkaPortError): void;
}

export interface ConsumerOptions {
  readonly groupId: string;
  readonly sessionTimeoutMs?: number;
  readonly heartbeatIntervalMs?: number;
  /** Longest time a fetch waits for data; bounds end-to-end latency on quiet topics. */
  readonly maxWaitMs?: number;
  readonly maxBytesPerPartition?: number;
}
