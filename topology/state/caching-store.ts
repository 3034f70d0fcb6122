import { compareBytes, type BytesEntry } from './bytes';
import type { KeyValueBytesStore } from './key-value-bytes-store';

/** Called for each coalesced entry when the cache flushes (production emission mode). */
export type CacheFlushListener = (
  key: Buffer,
  newValue: Buffer | null,
  oldValue: Buffer | null,
  timestamp: number,
) => Promise<void>;

interface DirtyEntry {
  readonly key: Buffer;
  readonly value: Buffer | null;
  readonly timestamp: number;
}

/**
 * Per-task write cache (Kafka Streams' caching layer). Writes stay here until `flush` (commit)
 * or until `maxDirtyEntries` is exceeded, then go down the stack in first-write order, so a key
 * updated many times within a commit reaches the changelog and the backend once.
 *
 * With a flush listener (production mode, `cache.max.bytes.buffering` > 0) the processor that
 * owns the store forwards downstream only from the listener, which coalesces table updates per
 * commit as ksqlDB does. Without one (test mode) processors forward every update themselves and
 * the cache only batches the writes.
 */
export class CachingStore implements KeyValueBytesStore {
  private dirty = new Map<string, DirtyEntry>();
  private listener: CacheFlushListener | null = null;

  constructor(
    private readonly inner: KeyValueBytesStore,
    private readonly maxDirtyEntries: number,
  ) {}

  get name(): string {
    return this.inner.name;
  }

  setFlushListener(listener: CacheFlushListener): void {
    this.listener = listener;
  }

  async get(key: Buffer): Promise<Buffer | null> {
    const entry = this.dirty.get(key.toString('latin1'));
    return entry ? entry.value : this.inner.get(key);
  }

  async put(key: Buffer, value: Buffer | null, timestamp: number): Promise<void> {
    const id = key.toString('latin1');
    // Map.set keeps a key's first position: entries flush in first-write order.
    this.dirty.set(id, { key, value, timestamp });
    if (this.dirty.size > this.maxDirtyEntries) await this.flush();
  }

  async range(from: Buffer, to: Buffer): Promise<readonly BytesEntry[]> {
    return this.merge(
      await this.inner.range(from, to),
      (k) => compareBytes(k, from) >= 0 && compareBytes(k, to) <= 0,
    );
  }

  async all(): Promise<readonly BytesEntry[]> {
    return this.merge(await this.inner.all(), () => true);
  }

  async flush(): Promise<void> {
    while (this.dirty.size > 0) {
      const batch = this.dirty;
      this.dirty = new Map();
      for (const entry of batch.values()) {
        const old = this.listener ? await this.inner.get(entry.key) : null;
        // A key created and deleted within one commit never existed downstream (Kafka Streams skips it too).
        if (this.listener && entry.value === null && old === null) continue;
        await this.inner.put(entry.key, entry.value, entry.timestamp);
        if (this.listener) await this.listener(entry.key, entry.value, old, entry.timestamp);
      }
    }
    await this.inner.flush();
  }

  private merge(stored: readonly BytesEntry[], inRange: (key: Buffer) => boolean): BytesEntry[] {
    if (this.dirty.size === 0) return [...stored];
    const byKey = new Map<string, BytesEntry | null>(
      stored.map((e) => [e.key.toString('latin1'), e]),
    );
    for (const [id, entry] of this.dirty) {
      if (inRange(entry.key))
        byKey.set(id, entry.value === null ? null : { key: entry.key, value: entry.value });
    }
    return [...byKey.values()]
      .filter((e): e is BytesEntry => e !== null)
      .sort((a, b) => compareBytes(a.key, b.key));
  }
}
