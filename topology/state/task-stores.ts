import type { Column, StoreSpec } from '../spec';
import { BackendKeyValueStore, type KeyValueBytesStore } from './key-value-bytes-store';
import {
  checkTogether,
  flushTogether,
  type BytesStoreBackend,
  type BytesStoreBackendFactory,
  type StoreCheckpoint,
} from './bytes-store-backend';
import { CachingStore } from './caching-store';
import { ChangeLoggingStore, type ChangelogWriter } from './change-logging-store';
import { jsonCodec, rowCodec, type Codec } from './codec';
import {
  ProcessorState,
  processorStateStoreSpec,
  type ProcessorStateValues,
} from './processor-state';

const stringCodec: Codec<string> = {
  encode: (s) => Buffer.from(s),
  decode: (b) => b.toString('utf8'),
};
import { KeyValueStore } from './key-value-store';
import { SessionStore } from './session-store';
import { storeMetrics, type StoreMetrics } from './store-metrics';
import { WindowStore } from './window-store';
import { StateStoreError } from './state-store-error';

/**
 * How stores emit. `eager` (test mode, `cache.max.bytes.buffering=0`): processors forward every
 * update. `coalesce` (production): table stores (key-value, window, session) forward from the
 * cache flush, once per key (and window) per commit.
 */
export type EmissionMode = 'eager' | 'coalesce';

export interface TaskStoresOptions {
  readonly applicationId: string;
  readonly taskId: string;
  readonly partition: number;
  readonly backends: BytesStoreBackendFactory;
  readonly changelog: ChangelogWriter;
  readonly emission: EmissionMode;
  /** Dirty entries a store's cache holds before it writes down early. */
  readonly maxCachedEntries: number;
}

interface OpenStore {
  readonly spec: StoreSpec;
  readonly backend: BytesStoreBackend;
  readonly cache: CachingStore;
  readonly metrics: StoreMetrics;
}

/**
 * The stores of one task, each a stack metered -> caching -> change-logging -> backend.
 * `flush` is the commit hook: caches write down (forwarding coalesced updates), then every
 * backend flushes with its checkpoint.
 */
export class TaskStores {
  private readonly open = new Map<string, OpenStore>();
  private processorStates: KeyValueStore<string, ProcessorStateValues> | null = null;

  constructor(private readonly options: TaskStoresOptions) {}

  async keyValue<K, V>(
    spec: StoreSpec,
    keys: Codec<K>,
    values: Codec<V>,
  ): Promise<KeyValueStore<K, V>> {
    const store = await this.stack(spec, 'keyValue');
    const cache = this.options.emission === 'coalesce' ? store.cache : null;
    return new KeyValueStore(spec.name, store.cache, cache, keys, values, store.metrics);
  }

  async window<V>(
    spec: StoreSpec,
    keyColumns: readonly Column[],
    values: Codec<V>,
  ): Promise<WindowStore<V>> {
    const store = await this.stack(spec, 'window');
    const options = {
      retentionMs: spec.retentionMs ?? 0,
      retainDuplicates: spec.retainDuplicates ?? false,
      coalescingCache: this.options.emission === 'coalesce' ? store.cache : null,
    };
    return new WindowStore<V>(
      spec.name,
      store.cache,
      rowCodec(keyColumns),
      values,
      options,
      store.metrics,
    );
  }

  async session<V>(
    spec: StoreSpec,
    keyColumns: readonly Column[],
    values: Codec<V>,
  ): Promise<SessionStore<V>> {
    const store = await this.stack(spec, 'session');
    return new SessionStore<V>(
      spec.name,
      store.cache,
      rowCodec(keyColumns),
      values,
      spec.retentionMs ?? 0,
      store.metrics,
      this.options.emission === 'coalesce' ? store.cache : null,
    );
  }

  /** Persisted clock values of one processor (see `ProcessorState`). */
  async processorState(stepId: string): Promise<ProcessorState> {
    if (!this.processorStates) {
      const spec = processorStateStoreSpec(this.options.applicationId, this.options.taskId);
      const store = await this.stack(spec, 'keyValue');
      this.processorStates = new KeyValueStore(
        spec.name,
        store.cache,
        null,
        stringCodec,
        jsonCodec<ProcessorStateValues>(),
        store.metrics,
      );
    }
    return new ProcessorState(this.processorStates, stepId);
  }

  /** Commit hook: caches write down in store-open order (topological), then backends flush. */
  async flush(checkpoints: ReadonlyMap<string, StoreCheckpoint> = new Map()): Promise<void> {
    await this.flushCaches();
    await this.flushBackends(checkpoints);
  }

  /**
   * Commit phase 1: caches write down (changelog records appended, coalesced updates forwarded),
   * then one check that the state they were computed from is still this task's.
   * Stores opened earlier belong to upstream steps, so a flush that dirties a downstream cache
   * is followed by that cache's own flush.
   */
  async flushCaches(): Promise<void> {
    for (const store of this.open.values()) await store.cache.flush();
    // The outputs and changelog records just written down were computed from reads of the
    // backends. If Redis lost the state (or a newer owner took it) meanwhile, those reads saw
    // nothing where state was, and the records must never become visible: fail the commit here,
    // before they are produced or committed, and let the task restore and reprocess.
    await checkTogether([...this.open.values()].map((s) => s.backend));
  }

  /**
   * Commit phase 2, after the changelog records are durable: backends persist with checkpoints,
   * all stores of the task in one all-or-nothing flush where the backend supports it (Redis).
   */
  async flushBackends(
    checkpoints: ReadonlyMap<string, StoreCheckpoint> = new Map(),
  ): Promise<void> {
    await flushTogether(
      [...this.open.values()].map((store) => {
        const checkpoint = checkpoints.get(store.spec.name);
        return checkpoint ? { backend: store.backend, checkpoint } : { backend: store.backend };
      }),
    );
  }

  /** Restoration from a changelog: writes straight into the backend, never logged again. */
  async restore(
    storeName: string,
    records: readonly { key: Buffer | null; value: Buffer | null }[],
  ): Promise<void> {
    const store = this.open.get(storeName);
    if (!store) throw new StateStoreError(`no open store '${storeName}'`, storeName);
    for (const { key, value } of records) {
      if (key) await (value === null ? store.backend.delete(key) : store.backend.put(key, value));
    }
  }

  async readCheckpoint(storeName: string): Promise<StoreCheckpoint | null> {
    return (await this.open.get(storeName)?.backend.readCheckpoint()) ?? null;
  }

  metrics(): ReadonlyMap<string, StoreMetrics> {
    return new Map([...this.open].map(([name, s]) => [name, s.metrics]));
  }

  specs(): readonly StoreSpec[] {
    return [...this.open.values()].map((s) => s.spec);
  }

  async close(): Promise<void> {
    for (const store of this.open.values()) await store.backend.close();
    this.open.clear();
  }

  private async stack(spec: StoreSpec, kind: StoreSpec['kind']): Promise<OpenStore> {
    if (spec.kind !== kind)
      throw new StateStoreError(`store '${spec.name}' is ${spec.kind}, used as ${kind}`, spec.name);
    if (this.open.has(spec.name))
      throw new StateStoreError(`store '${spec.name}' opened twice`, spec.name);
    const { applicationId, taskId, partition } = this.options;
    const backend = await this.options.backends.open({
      applicationId,
      store: spec,
      taskId,
      partition,
    });
    let inner: KeyValueBytesStore = new BackendKeyValueStore(spec.name, backend);
    if (spec.changelogTopic)
      inner = new ChangeLoggingStore(inner, spec.changelogTopic, partition, this.options.changelog);
    const cache = new CachingStore(inner, this.options.maxCachedEntries);
    const store = { spec, backend, cache, metrics: storeMetrics() };
    this.open.set(spec.name, store);
    return store;
  }
}
