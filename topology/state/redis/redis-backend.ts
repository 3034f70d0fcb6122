import { compareBytes, type BytesEntry } from '../bytes';
import type { BytesStoreBackend, StoreCheckpoint } from '../bytes-store-backend';
import { StateStoreError } from '../state-store-error';
import type { StoreKeys } from './redis-key-layout';
import { RedisFencedError, type RedisPort, type RedisWrite } from './redis-port';

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
 * the whole cache plus the checkpoint as ONE MULTI/EXEC in one pipeline: the state and the
 * changelog offset it reflects change together or not at all. A task owns its partition, so
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
    if (this.pending.size === 0 && !checkpoint) return;
    const { data, index, meta } = this.options.keys;
    const puts: BytesEntry[] = [];
    const deletes: Buffer[] = [];
    for (const entry of this.pending.values()) {
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
    const flushed = this.pending;
    const guard = this.checkpointed ? { hash: meta, field: 'changelogOffset' } : undefined;
    const fence =
      checkpoint?.epoch !== undefined
        ? { hash: meta, field: 'epoch', epoch: checkpoint.epoch }
        : undefined;
    const intact = await this.call(() => this.options.redis.transaction(writes, guard, fence));
    if (!intact) {
      // Redis lost this store (FLUSHALL, eviction) while the task ran: the keys just written are
      // only a fragment, so drop the checkpoint to force a full restore when the task reopens.
      await this.call(() =>
        this.options.redis.transaction([
          { kind: 'hashDelete', key: meta, fields: [CHECKPOINT_FIELD] },
        ]),
      );
      this.discard();
      throw new StateLostError(this.options.storeName);
    }
    if (checkpoint) this.checkpointed = true;
    this.pending = new Map();
    for (const [id, entry] of flushed) this.remember(id, entry.value);
  }

  async readCheckpoint(): Promise<StoreCheckpoint | null> {
    const meta = await this.call(() => this.options.redis.hashGetAll(this.options.keys.meta));
    const offset = meta['changelogOffset'];
    this.checkpointed = offset !== undefined;
    if (offset === undefined) return null;
    const epoch = meta['epoch'];
    return epoch === undefined
      ? { changelogOffset: offset }
      : { changelogOffset: offset, epoch: Number(epoch) };
  }

  /** Raises the stored epoch (HINCRBY): flushes of earlier openers are refused from now on. */
  claimEpoch(): Promise<number> {
    return this.call(() => this.options.redis.incrementField(this.options.keys.meta, 'epoch'));
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

const CHECKPOINT_FIELD = Buffer.from('changelogOffset');

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
 * refused (nothing written). Retriable: the runner drops the task's work and reopens what the
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

function checkpointEntries(checkpoint: StoreCheckpoint): (readonly [string, string])[] {
  const entries: (readonly [string, string])[] = [['changelogOffset', checkpoint.changelogOffset]];
  if (checkpoint.epoch !== undefined) entries.push(['epoch', String(checkpoint.epoch)]);
  return entries;
}
