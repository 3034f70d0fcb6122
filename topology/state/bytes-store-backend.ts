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
 *   changelog offset the state reflects), atomically where the backend can (Redis: one script
 *   per task, all of a task's stores under one hash tag, see `prepareFlush`). The runtime calls
 *   it at commit, after the changelog records for these writes were produced.
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
   * Exactly-once fencing (optional: backends shared between instances implement it). Makes
   * `epoch` the store's writer epoch unless a greater one was claimed (then it rejects: this
   * opener is already a zombie). From then on this backend's flushes are refused unless the
   * stored epoch is still exactly its own: a newer owner fenced it, or the store was wiped.
   * Epochs come from Kafka (`transactional-outbox.ts`), so they keep growing across a wipe.
   */
  claimEpoch?(epoch: number): Promise<void>;
  /**
   * Optional: the backend's share of an atomic multi-store flush. Returns null when there is
   * nothing to write. The caller passes the parts of one task that share a `unit` to
   * `unit.flush`, which applies all of them or none (Redis: one script under one hash tag).
   * `flush(checkpoint)` is equivalent to flushing the single part.
   */
  prepareFlush?(checkpoint?: StoreCheckpoint): FlushPart | null;
  /**
   * Optional: a part that writes nothing and only checks that the state this task read is still
   * its own (epoch, checkpoint), or null when there is nothing to check. The commit runs it
   * before outputs computed from that state become visible (see `TaskStores.flushCaches`).
   */
  prepareCheck?(): FlushPart | null;
  close(): Promise<void>;
}

/** One store's writes in an atomic flush (see `BytesStoreBackend.prepareFlush`). */
export interface FlushPart {
  readonly unit: FlushUnit;
}

/** Applies the parts of one task's stores all together or not at all. */
export interface FlushUnit {
  flush(parts: readonly FlushPart[]): Promise<void>;
}

/**
 * Checks, in one round trip per unit, that the backends' state is still theirs; rejects (with
 * the backend's retriable error) when a newer owner fenced them or their keys vanished.
 */
export async function checkTogether(backends: readonly BytesStoreBackend[]): Promise<void> {
  const units = new Map<FlushUnit, FlushPart[]>();
  for (const backend of backends) {
    const part = backend.prepareCheck?.();
    if (!part) continue;
    const parts = units.get(part.unit) ?? [];
    parts.push(part);
    units.set(part.unit, parts);
  }
  for (const [unit, parts] of units) await unit.flush(parts);
}

/** Flushes backends: those with a shared unit together, all or nothing; the rest one by one. */
export async function flushTogether(
  flushes: readonly {
    readonly backend: BytesStoreBackend;
    readonly checkpoint?: StoreCheckpoint;
  }[],
): Promise<void> {
  const units = new Map<FlushUnit, FlushPart[]>();
  for (const { backend, checkpoint } of flushes) {
    if (!backend.prepareFlush) {
      await backend.flush(checkpoint);
      continue;
    }
    const part = backend.prepareFlush(checkpoint);
    if (!part) continue;
    const parts = units.get(part.unit) ?? [];
    parts.push(part);
    units.set(part.unit, parts);
  }
  for (const [unit, parts] of units) await unit.flush(parts);
}

/** What a store's persisted state reflects: the next changelog offset to replay from. */
export interface StoreCheckpoint {
  readonly changelogOffset: string;
  /** The writer epoch stored with it (read only: `claimEpoch` sets it, never a flush). */
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
