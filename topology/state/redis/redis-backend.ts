import { compareBytes, type BytesEntry } from '../bytes';
import type {
  BytesStoreBackend,
  FlushPart,
  FlushUnit,
  StoreCheckpoint,
} from '../bytes-store-backend';
import { StateStoreError } from '../state-store-error';
import type { StoreKeys } from './redis-key-layout';
import {
  RedisFencedError,
  type RedisCheck,
  type RedisPort,
  type RedisTransactionOutcome,
  type RedisWrite,
} from './redis-port';

export interface RedisBackendOptions {
  readonly redis: RedisPort;
  readonly keys: StoreKeys;
  readonly storeName: string;
  /** Clean values kept in memory while the task owns the partition (single writer). */
  readonly readCacheEntries?: number;
  /**
   * Stores with at most this many keys keep their key set in memory (loaded once), so a read
   * of a key that does not exist (a new window, a new group) costs no round trip.
   */
  readonly keySetLimit?: number;
}

/**
 * A store's bytes in Redis (layout in `redis-key-layout.ts`).
 *
 * Writes go to an in-memory write cache; reads see it first (read-your-writes). `flush` sends
 * the whole cache plus the checkpoint as ONE script, together with the task's other stores
 * (`prepareFlush`): the state and the changelog offset it reflects change together or not at all,
 * and a refused flush (fenced, or state lost) writes nothing. A task owns its partition, so
 * values read or flushed are kept in a bounded read cache until `close`.
 */
export class RedisBackend implements BytesStoreBackend {
  private pending = new Map<string, BytesEntry | { readonly key: Buffer; readonly value: null }>();
  private readonly clean = new Map<string, Buffer | null>();
  private readonly cleanLimit: number;
  /** Keys in Redis plus pending puts; undefined until loaded, null when the store is too big. */
  private keySet: Set<string> | null | undefined = undefined;
  /** A checkpoint exists in Redis (read or written by this task): its absence means data loss. */
  private checkpointed = false;
  /** The epoch this writer claimed (exactly-once): its flushes require Redis to still hold it. */
  private epoch: number | undefined = undefined;

  constructor(private readonly options: RedisBackendOptions) {
    this.cleanLimit = options.readCacheEntries ?? 10_000;
  }

  async get(key: Buffer): Promise<Buffer | null> {
    const id = key.toString('latin1');
    const dirty = this.pending.get(id);
    if (dirty) return dirty.value;
    if (this.clean.has(id)) return this.clean.get(id) ?? null;
    const known = await this.knownKeys();
    if (known && !known.has(id)) return null;
    const [value] = await this.call(() =>
      this.options.redis.hashGet(this.options.keys.data, [key]),
    );
    this.remember(id, value ?? null);
    return value ?? null;
  }

  put(key: Buffer, value: Buffer): Promise<void> {
    const id = key.toString('latin1');
    this.pending.set(id, { key: Buffer.from(key), value: Buffer.from(value) });
    this.keySet?.add(id);
    return Promise.resolve();
  }

  delete(key: Buffer): Promise<void> {
    const id = key.toString('latin1');
    this.pending.set(id, { key: Buffer.from(key), value: null });
    this.keySet?.delete(id);
    return Promise.resolve();
  }

  async range(from: Buffer, to: Buffer, limit?: number): Promise<readonly BytesEntry[]> {
    if (compareBytes(from, to) > 0) return [];
    return this.merged(from, to, limit);
  }

  scan(limit?: number): Promise<readonly BytesEntry[]> {
    return this.merged(null, null, limit);
  }

  async flush(checkpoint?: StoreCheckpoint): Promise<void> {
    const part = this.prepareFlush(checkpoint);
    if (part) await part.unit.flush([part]);
  }

  /**
   * This store's writes, checkpoint and preconditions for the task's one flush script. Nothing
   * is written unless every store of the flush passes its checks: the stored epoch is still this
   * writer's (else fenced, or wiped and rebuilt by someone else) and the checkpoint this task
   * read or wrote is still there (else the keys vanished, e.g. a FLUSHALL).
   */
  prepareFlush(checkpoint?: StoreCheckpoint): RedisFlushPart | null {
    if (this.pending.size === 0 && !checkpoint) return null;
    const { data, index, meta } = this.options.keys;
    const snapshot = this.pending;
    const puts: BytesEntry[] = [];
    const deletes: Buffer[] = [];
    for (const entry of snapshot.values()) {
      if (entry.value === null) deletes.push(entry.key);
      else puts.push(entry);
    }
    const writes: RedisWrite[] = [];
    if (puts.length > 0) {
      writes.push({
        kind: 'hashSet',
        key: data,
        entries: puts.map((e) => [e.key, e.value] as const),
      });
      writes.push({ kind: 'lexAdd', key: index, members: puts.map((e) => e.key) });
    }
    if (deletes.length > 0) {
      writes.push({ kind: 'hashDelete', key: data, fields: deletes });
      writes.push({ kind: 'lexRemove', key: index, members: deletes });
    }
    if (checkpoint)
      writes.push({ kind: 'hashSet', key: meta, entries: checkpointEntries(checkpoint) });
    const check = this.check();
    return {
      unit: redisFlushUnit(this.options.redis),
      writes,
      check,
      storeName: this.options.storeName,
      applied: () => {
        if (checkpoint) this.checkpointed = true;
        for (const [id, entry] of snapshot) {
          // Only what this flush wrote leaves the write cache.
          if (this.pending.get(id) === entry) this.pending.delete(id);
          this.remember(id, entry.value);
        }
      },
      refused: () => this.discard(),
    };
  }

  prepareCheck(): RedisFlushPart | null {
    const check = this.check();
    if (check.requireField === undefined && check.epoch === undefined) return null;
    return {
      unit: redisFlushUnit(this.options.redis),
      writes: [],
      check,
      storeName: this.options.storeName,
      applied: () => undefined,
      refused: () => this.discard(),
    };
  }

  private check(): RedisCheck {
    const epoch = this.epoch;
    return {
      hash: this.options.keys.meta,
      ...(this.checkpointed ? { requireField: CHECKPOINT_FIELD } : {}),
      ...(epoch !== undefined ? { epoch: { field: EPOCH_FIELD, value: epoch } } : {}),
    };
  }

  async readCheckpoint(): Promise<StoreCheckpoint | null> {
    const meta = await this.call(() => this.options.redis.hashGetAll(this.options.keys.meta));
    const offset = meta[CHECKPOINT_FIELD];
    this.checkpointed = offset !== undefined;
    if (offset === undefined) return null;
    const epoch = meta[EPOCH_FIELD];
    return epoch === undefined
      ? { changelogOffset: offset }
      : { changelogOffset: offset, epoch: Number(epoch) };
  }

  /** See `BytesStoreBackend.claimEpoch`: refused when a newer owner already claimed the store. */
  async claimEpoch(epoch: number): Promise<void> {
    await this.call(() =>
      this.options.redis.claimEpoch(this.options.keys.meta, EPOCH_FIELD, epoch),
    );
    this.epoch = epoch;
  }

  /** Drops unflushed writes (a revoked task's uncommitted work) and the read cache. */
  discard(): void {
    this.pending = new Map();
    this.clean.clear();
    this.keySet = undefined;
  }

  close(): Promise<void> {
    this.discard();
    return Promise.resolve();
  }

  private async merged(
    from: Buffer | null,
    to: Buffer | null,
    limit?: number,
  ): Promise<BytesEntry[]> {
    const inRange = (k: Buffer): boolean =>
      (from === null || compareBytes(k, from) >= 0) && (to === null || compareBytes(k, to) <= 0);
    const overlay = [...this.pending.values()].filter((e) => inRange(e.key));
    // Pending deletes can hide stored entries: fetch enough to still fill `limit`.
    const fetch = limit === undefined ? -1 : limit + overlay.length;
    const { index, data } = this.options.keys;
    const stored = await this.call(() =>
      this.options.redis.rangeByLex(index, data, from, to, fetch),
    );
    const byKey = new Map<string, BytesEntry | null>(
      stored.map((e) => [e.key.toString('latin1'), e]),
    );
    for (const e of overlay)
      byKey.set(e.key.toString('latin1'), e.value === null ? null : { key: e.key, value: e.value });
    const out = [...byKey.values()].filter((e): e is BytesEntry => e !== null);
    out.sort((a, b) => compareBytes(a.key, b.key));
    return limit === undefined ? out : out.slice(0, limit);
  }

  private async knownKeys(): Promise<Set<string> | null> {
    if (this.keySet === undefined) {
      const limit = this.options.keySetLimit ?? 200_000;
      const members =
        limit > 0
          ? await this.call(() => this.options.redis.lexMembers(this.options.keys.index, limit))
          : null;
      // Pending writes made before the load count too.
      this.keySet = members ? new Set(members.map((m) => m.toString('latin1'))) : null;
      for (const [id, entry] of this.pending) {
        if (entry.value === null) this.keySet?.delete(id);
        else this.keySet?.add(id);
      }
    }
    return this.keySet;
  }

  private remember(id: string, value: Buffer | null): void {
    if (this.cleanLimit <= 0) return;
    this.clean.delete(id);
    this.clean.set(id, value);
    if (this.clean.size > this.cleanLimit) {
      const oldest = this.clean.keys().next();
      if (!oldest.done) this.clean.delete(oldest.value);
    }
  }

  private async call<T>(operation: () => Promise<T>): Promise<T> {
    try {
      return await operation();
    } catch (error) {
      if (error instanceof RedisFencedError) {
        this.discard();
        throw new StoreFencedError(this.options.storeName, error);
      }
      const message = error instanceof Error ? error.message : String(error);
      throw new StateStoreError(
        `Redis backend of store '${this.options.storeName}': ${message}`,
        this.options.storeName,
        true,
        {
          cause: error,
        },
      );
    }
  }
}

const CHECKPOINT_FIELD = 'changelogOffset';
const EPOCH_FIELD = 'epoch';

/** A Redis store's share of a task's flush script. */
export interface RedisFlushPart extends FlushPart {
  readonly writes: readonly RedisWrite[];
  readonly check: RedisCheck;
  readonly storeName: string;
  applied(): void;
  /** The flush was refused: the task's unflushed work is void (it will restore or be fenced). */
  refused(): void;
}

const units = new WeakMap<RedisPort, FlushUnit>();

/** One unit per Redis connection: the parts of a task go out as one all-or-nothing script. */
function redisFlushUnit(redis: RedisPort): FlushUnit {
  let unit = units.get(redis);
  if (!unit) {
    const created: FlushUnit = {
      async flush(generic) {
        const parts = generic as readonly RedisFlushPart[];
        let outcome: RedisTransactionOutcome;
        try {
          outcome = await redis.transaction(
            parts.flatMap((p) => p.writes),
            parts.map((p) => p.check),
          );
        } catch (error) {
          const store = parts[0]?.storeName ?? '';
          const message = error instanceof Error ? error.message : String(error);
          throw new StateStoreError(`Redis flush of store '${store}': ${message}`, store, true, {
            cause: error,
          });
        }
        if (outcome.kind === 'applied') {
          for (const part of parts) part.applied();
          return;
        }
        for (const part of parts) part.refused();
        const culprit = parts.find((p) => p.check.hash === outcome.hash) ?? parts[0];
        const store = culprit?.storeName ?? '';
        if (outcome.kind === 'fenced')
          throw new StoreFencedError(
            store,
            new RedisFencedError(outcome.hash, culprit?.check.epoch?.value ?? -1),
          );
        throw new StateLostError(store);
      },
    };
    units.set(redis, created);
    unit = created;
  }
  return unit;
}

/** The store's Redis keys vanished under a running task; retriable by reopening (restoring) it. */
export class StateLostError extends StateStoreError {
  constructor(store: string) {
    super(
      `state of store '${store}' disappeared from Redis; the task must restore it`,
      store,
      true,
    );
    this.name = 'StateLostError';
  }
}

/**
 * A newer owner of the store claimed a greater epoch: this writer is a zombie and its flush was
 * refused (nothing written, in any store of the task). Retriable: the runner drops the task's work and reopens what the
 * group still assigns to it.
 */
export class StoreFencedError extends StateStoreError {
  constructor(store: string, cause: RedisFencedError) {
    super(
      `flush of store '${store}' fenced: a newer owner holds epoch > ${cause.epoch}`,
      store,
      true,
      {
        cause,
      },
    );
    this.name = 'StoreFencedError';
  }
}

/** The epoch is not part of it: only `claimEpoch` sets it, so a flush can never lower it. */
function checkpointEntries(checkpoint: StoreCheckpoint): (readonly [string, string])[] {
  return [[CHECKPOINT_FIELD, checkpoint.changelogOffset]];
}
