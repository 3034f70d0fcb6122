import type { RecordHeader } from '../processors';

export type OutputKind = 'sink' | 'repartition' | 'changelog';

/**
 * A record a task produces. `partition` is set for changelog records (the task's partition);
 * sink and repartition records leave partitioning to the producer (by key bytes, as Kafka's
 * default partitioner), which keeps co-partitioning with the input topics.
 */
export interface OutputRecord {
  readonly kind: OutputKind;
  readonly topic: string;
  readonly partition: number | null;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly timestamp: number;
  readonly headers: readonly RecordHeader[];
}

/**
 * Where a task's output goes: the driver appends to in-process topics; the Kafka runner
 * buffers for its producer (inside the commit's transaction under EOS). Synchronous: a task
 * never waits on I/O to emit.
 */
export interface RecordCollector {
  send(record: OutputRecord): void;
}
