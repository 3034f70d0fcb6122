import type { OutgoingRecord, PartitionOffset } from './types';

/**
 * What the runner needs to write records.
 *
 * `send` only buffers: records go out in batches (`batchSize` records or `lingerMs`, whichever
 * comes first, at most `maxRequestBytes`), one batch in flight at a time so the idempotent producer keeps per-partition
 * order. `flush` resolves once every record sent before it is acknowledged by all in-sync
 * replicas, and rejects with the first send failure. A failure makes the producer unusable:
 * later `send`/`flush` calls reject with it (at_least_once replays from the last commit).
 */
export interface ProducerPort {
  send(record: OutgoingRecord): void;
  flush(): Promise<void>;
  /**
   * The offset after the last acknowledged record sent with an explicit partition to this
   * partition (what a changelog checkpoint records), or undefined when none was.
   */
  acknowledgedEnd(topic: string, partition: number): number | undefined;
  /**
   * Starts a Kafka transaction (only for producers created with a `transactionalId`). While a
   * transaction is open, `send`/`flush` must not be used. The first call registers the
   * transactional id with the broker (InitProducerId), which fences older producers of the same
   * id and aborts their open transaction. Records sent in a transaction count for
   * `acknowledgedEnd` once `send` resolves (the commit marker then follows them).
   */
  beginTransaction(): Promise<TransactionPort>;
  close(): Promise<void>;
}

/** One Kafka transaction: records and consumer offsets committed or aborted together. */
export interface TransactionPort {
  send(records: readonly OutgoingRecord[]): Promise<void>;
  sendOffsets(groupId: string, offsets: readonly PartitionOffset[]): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

export interface ProducerOptions {
  /** Idempotent producer (acks=all, no duplicates on retry). Default true. */
  readonly idempotent?: boolean;
  /** Enables `beginTransaction`; must be stable per task to fence zombies. */
  readonly transactionalId?: string;
  readonly batchSize?: number;
  readonly lingerMs?: number;
  /** Approximate payload bytes per request (the broker rejects batches over message.max.bytes). */
  readonly maxRequestBytes?: number;
}
