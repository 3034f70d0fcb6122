import type { Row } from '../serdes/serde-contract';
import { compareBytes, prefixEnd, readU64, u32, u64 } from './bytes';
import { decodeTimestamped, encodeTimestamped, type Codec, type Timestamped } from './codec';
import type { CachingStore } from './caching-store';
import type { KeyValueBytesStore } from './key-value-bytes-store';
import type { StoreMetrics } from './store-metrics';

export interface WindowEntry<V> extends Timestamped<V> {
  readonly key: Row;
  readonly start: number;
  /** The stored key bytes: identifies a duplicate for `remove`. */
  readonly id: Buffer;
}

export interface WindowStoreOptions {
  readonly retentionMs: number;
  readonly retainDuplicates: boolean;
  /** The stack's cache when updates coalesce per commit (production emission). */
  readonly coalescingCache?: CachingStore | null;
}

/**
 * A segmented window store (Kafka Streams' segmented bytes store) over a key-value bytes stack.
 * Stored key: segment(u64) | key length(u32) | key | window start(u64) [| sequence(u32)].
 * Windows older than the retention (start < observed - retention, where observed is the
 * largest start written) are invisible to reads and are deleted a segment at a time.
 */
export class WindowStore<V> {
  private observed = -1;
  private sequence = 0;
  private readonly segmentMs: number;

  constructor(
    readonly name: string,
    private readonly bytes: KeyValueBytesStore,
    private readonly keys: Codec<Row>,
    private readonly values: Codec<V>,
    private readonly options: WindowStoreOptions,
    private readonly metrics: StoreMetrics,
  ) {
    this.segmentMs = Math.max(Math.floor(options.retentionMs / 2), 60_000);
  }

  /** The largest window start written (persisted by the owning processor across restarts). */
  get observedStart(): number {
    return this.observed;
  }

  restoreObserved(start: number): void {
    this.observed = Math.max(this.observed, start);
  }

  /** The earliest window start still readable. */
  get liveFrom(): number {
    return this.observed < 0 ? 0 : this.observed - this.options.retentionMs;
  }

  async put(key: Row, start: number, value: V | null, timestamp: number): Promise<void> {
    this.metrics.writes++;
    if (start < this.liveFrom) {
      this.metrics.expiredWrites++;
      return;
    }
    const before = this.segment(this.observed);
    this.observed = Math.max(this.observed, start);
    const stored = this.storedKey(
      this.keys.encode(key),
      start,
      this.options.retainDuplicates ? this.sequence++ : null,
    );
    await this.bytes.put(
      stored,
      value === null ? null : encodeTimestamped(this.values, value, timestamp),
      timestamp,
    );
    if (this.segment(this.observed) > before) await this.dropExpiredSegments(timestamp);
  }

  async remove(entry: WindowEntry<V>): Promise<void> {
    this.metrics.writes++;
    await this.bytes.put(entry.id, null, entry.timestamp);
  }

  /** The window of `key` starting at `start` (not for duplicate-retaining stores). */
  async fetch(key: Row, start: number): Promise<Timestamped<V> | null> {
    this.metrics.reads++;
    if (start < this.liveFrom) return null;
    const bytes = await this.bytes.get(this.storedKey(this.keys.encode(key), start, null));
    return bytes ? decodeTimestamped(this.values, bytes) : null;
  }

  /** Windows of `key` with `from <= start <= to`, by start (then write order). */
  async fetchKey(key: Row, from: number, to: number): Promise<WindowEntry<V>[]> {
    this.metrics.reads++;
    const lo = Math.max(from, this.liveFrom);
    if (lo > to) return [];
    const keyBytes = this.keys.encode(key);
    const out: WindowEntry<V>[] = [];
    for (let seg = this.segment(lo); seg <= this.segment(to); seg++) {
      const prefix = Buffer.concat([u64(seg), u32(keyBytes.length), keyBytes]);
      const entries = await this.bytes.range(
        Buffer.concat([prefix, u64(lo)]),
        prefixEnd(Buffer.concat([prefix, u64(to)])),
      );
      for (const e of entries) out.push(this.entry(e.key, e.value));
    }
    return out;
  }

  /** Windows of every key with `from <= start <= to`, by start then key bytes. */
  async fetchAll(from: number, to: number): Promise<WindowEntry<V>[]> {
    this.metrics.reads++;
    const lo = Math.max(from, this.liveFrom);
    if (lo > to) return [];
    const entries = await this.bytes.range(u64(this.segment(lo)), prefixEnd(u64(this.segment(to))));
    return entries
      .map((e) => this.entry(e.key, e.value))
      .filter((w) => w.start >= lo && w.start <= to)
      .sort((a, b) => a.start - b.start || compareBytes(a.id.subarray(8), b.id.subarray(8)));
  }

  /**
   * Production emission: forwards each window's coalesced update at cache flush and returns true;
   * returns false in test mode. Deletions of expired segments are not forwarded.
   */
  forwardOnFlush(
    listener: (
      key: Row,
      start: number,
      now: Timestamped<V> | null,
      before: Timestamped<V> | null,
    ) => Promise<void>,
  ): boolean {
    const cache = this.options.coalescingCache;
    if (!cache) return false;
    cache.setFlushListener(async (stored, now, before) => {
      const length = stored.readUInt32BE(8);
      const start = readU64(stored, 12 + length);
      if (now === null && start < this.liveFrom) return;
      const decode = (b: Buffer | null) => (b ? decodeTimestamped(this.values, b) : null);
      await listener(
        this.keys.decode(stored.subarray(12, 12 + length)),
        start,
        decode(now),
        decode(before),
      );
    });
    return true;
  }

  private entry(stored: Buffer, value: Buffer): WindowEntry<V> {
    const length = stored.readUInt32BE(8);
    const keyBytes = stored.subarray(12, 12 + length);
    const start = readU64(stored, 12 + length);
    return {
      key: this.keys.decode(keyBytes),
      start,
      id: stored,
      ...decodeTimestamped(this.values, value),
    };
  }

  private storedKey(keyBytes: Buffer, start: number, seq: number | null): Buffer {
    const parts = [u64(this.segment(start)), u32(keyBytes.length), keyBytes, u64(start)];
    if (seq !== null) parts.push(u32(seq));
    return Buffer.concat(parts);
  }

  private segment(time: number): number {
    return time < 0 ? 0 : Math.floor(time / this.segmentMs);
  }

  private async dropExpiredSegments(timestamp: number): Promise<void> {
    const firstLive = this.segment(this.liveFrom);
    if (firstLive === 0) return;
    for (const e of await this.bytes.range(u64(0), prefixEnd(u64(firstLive - 1)))) {
      await this.bytes.put(e.key, null, timestamp);
    }
  }
}
