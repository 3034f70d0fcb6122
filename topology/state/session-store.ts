import type { Row } from '../serdes/serde-contract';
import { compareBytes, prefixEnd, readU64, u32, u64 } from './bytes';
import { decodeTimestamped, encodeTimestamped, type Codec, type Timestamped } from './codec';
import type { CachingStore } from './caching-store';
import type { KeyValueBytesStore } from './key-value-bytes-store';
import type { StoreMetrics } from './store-metrics';

export interface SessionEntry<V> extends Timestamped<V> {
  readonly key: Row;
  readonly start: number;
  /** Inclusive: the timestamp of the session's last record. */
  readonly end: number;
}

/**
 * A segmented session store over a key-value bytes stack.
 * Stored key: segment of end(u64) | key length(u32) | key | end(u64) | start(u64).
 * Sessions that ended before observed - retention (observed = largest end written) are
 * deleted a segment at a time; reads do not filter them earlier (the aggregate's close time
 * decides what is late), unlike window stores.
 */
export class SessionStore<V> {
  private observed = -1;
  private readonly segmentMs: number;

  constructor(
    readonly name: string,
    private readonly bytes: KeyValueBytesStore,
    private readonly keys: Codec<Row>,
    private readonly values: Codec<V>,
    private readonly retentionMs: number,
    private readonly metrics: StoreMetrics,
    private readonly coalescingCache: CachingStore | null = null,
  ) {
    this.segmentMs = Math.max(Math.floor(retentionMs / 2), 60_000);
  }

  get liveFrom(): number {
    return this.observed < 0 ? 0 : this.observed - this.retentionMs;
  }

  async put(
    key: Row,
    start: number,
    end: number,
    value: V | null,
    timestamp: number,
  ): Promise<void> {
    this.metrics.writes++;
    if (end < this.liveFrom) {
      this.metrics.expiredWrites++;
      return;
    }
    const before = this.segment(this.observed);
    this.observed = Math.max(this.observed, end);
    const bytes = value === null ? null : encodeTimestamped(this.values, value, timestamp);
    await this.bytes.put(this.storedKey(this.keys.encode(key), start, end), bytes, timestamp);
    if (this.segment(this.observed) > before) await this.dropExpiredSegments(timestamp);
  }

  async remove(key: Row, start: number, end: number, timestamp: number): Promise<void> {
    this.metrics.writes++;
    await this.bytes.put(this.storedKey(this.keys.encode(key), start, end), null, timestamp);
  }

  /** Sessions of `key` with end >= earliestEnd and start <= latestStart, by end then start. */
  async findSessions(
    key: Row,
    earliestEnd: number,
    latestStart: number,
  ): Promise<SessionEntry<V>[]> {
    this.metrics.reads++;
    const lo = Math.max(earliestEnd, 0);
    const keyBytes = this.keys.encode(key);
    const out: SessionEntry<V>[] = [];
    for (let seg = this.segment(lo); seg <= this.segment(Math.max(this.observed, lo)); seg++) {
      const prefix = Buffer.concat([u64(seg), u32(keyBytes.length), keyBytes]);
      for (const e of await this.bytes.range(Buffer.concat([prefix, u64(lo)]), prefixEnd(prefix))) {
        const session = this.entry(e.key, e.value);
        if (session.start <= latestStart) out.push(session);
      }
    }
    return out;
  }

  /** Sessions of every key with `from <= end <= to`, by end, then key bytes, then start. */
  async fetchEndingBetween(from: number, to: number): Promise<SessionEntry<V>[]> {
    this.metrics.reads++;
    const lo = Math.max(from, 0);
    if (lo > to) return [];
    const entries = await this.bytes.range(u64(this.segment(lo)), prefixEnd(u64(this.segment(to))));
    return entries
      .map((e) => ({ stored: e.key, session: this.entry(e.key, e.value) }))
      .filter(({ session }) => session.end >= lo && session.end <= to)
      .sort(
        (a, b) =>
          a.session.end - b.session.end || compareBytes(a.stored.subarray(8), b.stored.subarray(8)),
      )
      .map(({ session }) => session);
  }

  /**
   * Production emission: forwards each session's coalesced update (a removed session as a
   * deletion) at cache flush and returns true; false in test mode. Expired segments are not
   * forwarded.
   */
  forwardOnFlush(
    listener: (
      session: { key: Row; start: number; end: number },
      now: Timestamped<V> | null,
      before: Timestamped<V> | null,
    ) => Promise<void>,
  ): boolean {
    const cache = this.coalescingCache;
    if (!cache) return false;
    cache.setFlushListener(async (stored, now, before) => {
      const length = stored.readUInt32BE(8);
      const end = readU64(stored, 12 + length);
      if (now === null && end < this.liveFrom) return;
      const decode = (b: Buffer | null) => (b ? decodeTimestamped(this.values, b) : null);
      const session = {
        key: this.keys.decode(stored.subarray(12, 12 + length)),
        start: readU64(stored, 20 + length),
        end,
      };
      await listener(session, decode(now), decode(before));
    });
    return true;
  }

  private entry(stored: Buffer, value: Buffer): SessionEntry<V> {
    const length = stored.readUInt32BE(8);
    const keyBytes = stored.subarray(12, 12 + length);
    const end = readU64(stored, 12 + length);
    const start = readU64(stored, 20 + length);
    return {
      key: this.keys.decode(keyBytes),
      start,
      end,
      ...decodeTimestamped(this.values, value),
    };
  }

  private storedKey(keyBytes: Buffer, start: number, end: number): Buffer {
    return Buffer.concat([
      u64(this.segment(end)),
      u32(keyBytes.length),
      keyBytes,
      u64(end),
      u64(start),
    ]);
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
