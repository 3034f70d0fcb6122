import type { StoreSpec } from '../spec';
import type { BytesEntry } from './bytes';

/**
 * Where a state store's bytes live: one backend instance per store per task (store name +
 * partition). The in-memory backend serves tests and the TopologyTestDriver; the Redis backend
 * (`topology/state/redis`) serves production. Both pass `runStoreContractSuite`.
 *
 * Contract:
 * - Keys and values are opaque bytes; ordering is unsigned byte order (`Buffer.compare`).
 * - `put`/`delete` may be buffered by the backend until `flush`, but `get`, `range` and `scan`
 *   must reflect them at once (read-your-writes within the task).
 * - `flush(checkpoint)` makes every earlier write durable together with the checkpoint (the
 *   changelog offset the state reflects), atomically where the backend can (Redis: one
 *   MULTI/EXEC per task under one hash tag). The runtime calls it at commit, after the
 *   changelog records for these writes were produced.
 * - A backend is used by one task at a time; it need not be safe for concurrent callers.
 */
export interface BytesStoreBackend {
  get(key: Buffer): Promise<Buffer | null>;
  put(key: Buffer, value: Buffer): Promise<void>;
  delete(key: Buffer): Promise<void>;
  /** Entries with `from <= key <= to`, ascending; at most `limit` when given. */
  range(from: Buffer, to: Buffer, limit?: number): Promise<readonly BytesEntry[]>;
  /** Every entry, ascending; at most `limit` when given. */
  scan(limit?: number): Promise<readonly BytesEntry[]>;
  flush(checkpoint?: StoreCheckpoint): Promise<void>;
  /** The checkpoint stored by the last `flush`, or null for a fresh store. */
  readCheckpoint(): Promise<StoreCheckpoint | null>;
  /**
   * Exactly-once fencing (optional: backends shared between instances implement it). Makes this
   * opener the store's newest writer and returns its epoch, greater than any claimed before;
   * from then on a `flush` whose checkpoint carries an older epoch is refused.
   */
  claimEpoch?(): Promise<number>;
  close(): Promise<void>;
}

/** What a store's persisted state reflects: the next changelog offset to replay from. */
export interface StoreCheckpoint {
  readonly changelogOffset: string;
  /** Fencing epoch of the writer (EOS): a backend refuses a flush from an older epoch. */
  readonly epoch?: number;
}

export interface StoreLocation {
  readonly applicationId: string;
  readonly store: StoreSpec;
  /** `<subTopology>_<partition>`, as Kafka Streams names tasks. */
  readonly taskId: string;
  readonly partition: number;
}

export interface BytesStoreBackendFactory {
  open(location: StoreLocation): Promise<BytesStoreBackend>;
}
