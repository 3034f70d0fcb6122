/**
 * Plain data exchanged with the Kafka ports. Offsets are numbers: Kafka offsets are int64, but
 * a partition would need 2^53 records before one stops being exact.
 */
export interface TopicPartition {
  readonly topic: string;
  readonly partition: number;
}

export interface PartitionOffset extends TopicPartition {
  /** For commits and committed positions: the offset of the NEXT record to read. */
  readonly offset: number;
}

export type RecordHeaders = Readonly<Record<string, Buffer>>;

export interface ConsumedRecord extends TopicPartition {
  readonly offset: number;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  /** Epoch ms: the record's CreateTime or LogAppendTime. */
  readonly timestamp: number;
  readonly headers: RecordHeaders;
}

export interface RecordBatch extends TopicPartition {
  readonly records: readonly ConsumedRecord[];
  /** The partition's high watermark when the batch was fetched (for lag). */
  readonly highWatermark: number;
  /**
   * Offset of the last entry the fetch covered, which may be a transaction marker after the
   * last record (read_committed skips markers and aborted records).
   */
  readonly lastOffset?: number;
  /**
   * True once a seek of the partition is pending that this batch predates: its records follow
   * the old position, not the new one, so it must be dropped (the next fetch starts at the
   * seek). A batch can wait for the handler while the handler itself seeks (a recovery
   * rewinding its inputs), so this is asked just before processing, not when it was fetched.
   */
  isStale?(): boolean;
}

export interface OutgoingRecord {
  readonly topic: string;
  /** Omitted: the default partitioner (murmur2 of the key, as Java clients) picks it. */
  readonly partition?: number;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly timestamp?: number;
  readonly headers?: RecordHeaders;
}

/** Same shape as pino's methods, so a pino logger fits directly. */
export interface PortLogger {
  debug(fields: object, message: string): void;
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export const silentLogger: PortLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

export function partitionKey(tp: TopicPartition): string {
  return `${tp.topic}:${tp.partition}`;
}
