import type { Column } from '../spec';
import type { Row } from '../serdes/serde-contract';
import {
  decodeRowJson,
  encodeRowJson,
  jsonCodec,
  readU64,
  rowCodec,
  u64,
  type Codec,
  type KeyValueStore,
} from '../state';

interface BufferKey {
  readonly timestamp: number;
  readonly isLeft: boolean;
  readonly key: Row;
}

type RowJson = ReturnType<typeof encodeRowJson>;

export interface OuterJoinBufferOptions {
  readonly leftColumns: readonly Column[];
  readonly rightColumns: readonly Column[];
  /** How long after its timestamp a left (right) record can still find a match: after (before). */
  readonly leftLookbackMs: number;
  readonly rightLookbackMs: number;
  readonly graceMs: number;
  /** Wall clock and interval throttling emission, as Kafka Streams does (0 = every record). */
  readonly clock: () => number;
  readonly emitIntervalMs: number;
}

export interface ExpiredOuterRecord {
  readonly key: Row;
  readonly timestamp: number;
  readonly isLeft: boolean;
  readonly value: Row;
}

/**
 * Unmatched LEFT/OUTER records of a stream-stream join under the GRACE regime, ordered by
 * timestamp, side (right before left) and key, as Kafka Streams' outer-join store. `expired`
 * returns (and removes) those whose window closed, throttled by `emitIntervalMs` of wall clock
 * exactly as Kafka Streams (with a frozen clock, as in the test driver, that means one batch).
 */
export class OuterJoinBuffer {
  private minTime = Number.MAX_SAFE_INTEGER;
  private nextTimeToEmit = 0;

  constructor(
    private readonly store: KeyValueStore<BufferKey, RowJson>,
    private readonly options: OuterJoinBufferOptions,
  ) {}

  static keyCodec(keyColumns: readonly Column[]): Codec<BufferKey> {
    const keys = rowCodec(keyColumns);
    return {
      encode: (k) =>
        Buffer.concat([u64(k.timestamp), Buffer.from([k.isLeft ? 1 : 0]), keys.encode(k.key)]),
      decode: (b) => ({
        timestamp: readU64(b, 0),
        isLeft: b[8] === 1,
        key: keys.decode(b.subarray(9)),
      }),
    };
  }

  static valueCodec(): Codec<RowJson> {
    return jsonCodec<RowJson>();
  }

  async add(key: Row, timestamp: number, isLeft: boolean, value: Row): Promise<void> {
    this.minTime = Math.min(this.minTime, timestamp);
    const columns = isLeft ? this.options.leftColumns : this.options.rightColumns;
    await this.store.put({ timestamp, isLeft, key }, encodeRowJson(columns, value), timestamp);
  }

  async remove(key: Row, timestamp: number, isLeft: boolean): Promise<void> {
    await this.store.put({ timestamp, isLeft, key }, null, timestamp);
  }

  async expired(streamTime: number, processingLeft: boolean): Promise<ExpiredOuterRecord[]> {
    const { graceMs, leftLookbackMs, rightLookbackMs } = this.options;
    if (this.minTime + (processingLeft ? leftLookbackMs : rightLookbackMs) + graceMs >= streamTime)
      return [];
    const now = this.options.clock();
    if (now < this.nextTimeToEmit) return [];
    if (this.nextTimeToEmit === 0) this.nextTimeToEmit = now;
    this.nextTimeToEmit += this.options.emitIntervalMs;
    const out: ExpiredOuterRecord[] = [];
    for (const entry of await this.store.all()) {
      const { timestamp, isLeft, key } = entry.key;
      this.minTime = timestamp;
      if (timestamp + (isLeft ? leftLookbackMs : rightLookbackMs) + graceMs >= streamTime) continue;
      const columns = isLeft ? this.options.leftColumns : this.options.rightColumns;
      out.push({ key, timestamp, isLeft, value: decodeRowJson(columns, entry.value) });
      await this.remove(key, timestamp, isLeft);
    }
    return out;
  }
}
