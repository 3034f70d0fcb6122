/** One record read from a topic. */
export interface TopicRecord {
  readonly partition: number;
  readonly offset: number;
  readonly timestamp: number;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: Readonly<Record<string, Buffer>>;
}

export interface ProduceRecord {
  readonly topic: string;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly timestamp?: number;
  readonly partition?: number;
  readonly headers?: Readonly<Record<string, Buffer>>;
}

/** A live read of a topic; `close` ends `records` and releases the consumer. */
export interface TopicReader {
  readonly records: AsyncIterable<TopicRecord>;
  close(): Promise<void>;
}

/**
 * Raw record access for `INSERT INTO ... VALUES` (produce) and `PRINT` (read). Topic names are
 * logical, mapped as by the `TopicAdminPort`. Readers never commit offsets.
 */
export interface RecordPort {
  /** Resolves once the records are acknowledged. */
  produce(records: readonly ProduceRecord[]): Promise<void>;
  /** Reads from the beginning or from the end of every partition, until closed. */
  read(topic: string, options: { readonly fromBeginning: boolean; readonly readerId: string }): Promise<TopicReader>;
}
