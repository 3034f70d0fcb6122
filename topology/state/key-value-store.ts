import type { CachingStore } from './caching-store';
import { decodeTimestamped, encodeTimestamped, type Codec, type Timestamped } from './codec';
import type { KeyValueBytesStore } from './key-value-bytes-store';
import type { StoreMetrics } from './store-metrics';

export interface KeyValueEntry<K, V> extends Timestamped<V> {
  readonly key: K;
}

/**
 * The typed, metered top of a key-value store stack: processors see keys and values, the layers
 * below see bytes. Values are stored with their timestamp.
 */
export class KeyValueStore<K, V> {
  constructor(
    readonly name: string,
    private readonly bytes: KeyValueBytesStore,
    private readonly cache: CachingStore | null,
    private readonly keys: Codec<K>,
    private readonly values: Codec<V>,
    private readonly metrics: StoreMetrics,
  ) {}

  async get(key: K): Promise<Timestamped<V> | null> {
    this.metrics.reads++;
    const bytes = await this.bytes.get(this.keys.encode(key));
    return bytes ? decodeTimestamped(this.values, bytes) : null;
  }

  async put(key: K, value: V | null, timestamp: number): Promise<void> {
    this.metrics.writes++;
    const bytes = value === null ? null : encodeTimestamped(this.values, value, timestamp);
    await this.bytes.put(this.keys.encode(key), bytes, timestamp);
  }

  async range(from: Buffer, to: Buffer): Promise<KeyValueEntry<K, V>[]> {
    this.metrics.reads++;
    return (await this.bytes.range(from, to)).map((e) => ({
      key: this.keys.decode(e.key),
      ...decodeTimestamped(this.values, e.value),
    }));
  }

  async all(): Promise<KeyValueEntry<K, V>[]> {
    this.metrics.reads++;
    return (await this.bytes.all()).map((e) => ({
      key: this.keys.decode(e.key),
      ...decodeTimestamped(this.values, e.value),
    }));
  }

  encodeKey(key: K): Buffer {
    return this.keys.encode(key);
  }

  /**
   * In production mode (coalescing cache) registers the listener that forwards flushed updates
   * and returns true; in test mode returns false and the caller forwards each update itself.
   */
  forwardOnFlush(
    listener: (
      key: K,
      newValue: Timestamped<V> | null,
      oldValue: Timestamped<V> | null,
    ) => Promise<void>,
  ): boolean {
    if (!this.cache) return false;
    this.cache.setFlushListener((key, newValue, oldValue) =>
      listener(
        this.keys.decode(key),
        newValue ? decodeTimestamped(this.values, newValue) : null,
        oldValue ? decodeTimestamped(this.values, oldValue) : null,
      ),
    );
    return true;
  }
}
