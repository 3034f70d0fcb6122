import type {
  BytesStoreBackend,
  BytesStoreBackendFactory,
  StoreCheckpoint,
  StoreLocation,
} from '../state';

/**
 * Wraps the backends the runner hands to tasks so that a changelogged store writes to Redis
 * once per commit, together with its checkpoint. The commit cycle first writes the store caches
 * down (which flushes backends without a checkpoint), then flushes them again with the
 * changelog offsets the producer acknowledged: the first flush must not reach Redis, or the
 * state and its offset would be written apart (and twice).
 *
 * Under exactly_once_v2 the task opener then claims each changelogged store for the task's
 * epoch (`claimEpochs`) before it restores: from then on a zombie that still holds the task
 * elsewhere has an older epoch, and Redis refuses its flushes.
 */
export class CommitScopedBackends implements BytesStoreBackendFactory {
  /** Changelogged backends of the open tasks, per `<applicationId>/<taskId>` and store. */
  private readonly byTask = new Map<string, Map<string, BytesStoreBackend>>();

  constructor(private readonly inner: BytesStoreBackendFactory) {}

  async open(location: StoreLocation): Promise<BytesStoreBackend> {
    const backend = await this.inner.open(location);
    if (!location.store.changelogTopic) return backend;
    const id = taskKey(location.applicationId, location.taskId);
    const stores = this.byTask.get(id) ?? new Map<string, BytesStoreBackend>();
    stores.set(location.store.name, backend);
    this.byTask.set(id, stores);
    return deferUntilCheckpoint(backend, () => {
      if (this.byTask.get(id)?.get(location.store.name) === backend) {
        stores.delete(location.store.name);
        if (stores.size === 0) this.byTask.delete(id);
      }
    });
  }

  /**
   * Makes the task the newest writer of each changelogged store (epoch per store name). Rejects
   * with `StoreFencedError` when a newer owner already claimed one: this instance is a zombie.
   */
  async claimEpochs(
    applicationId: string,
    taskId: string,
    epochs: ReadonlyMap<string, number>,
  ): Promise<void> {
    const stores = this.byTask.get(taskKey(applicationId, taskId));
    for (const [store, epoch] of epochs) {
      const backend = stores?.get(store);
      if (!backend?.claimEpoch)
        throw new Error(
          `store '${store}' of task ${taskId} cannot be fenced (not open or no epochs)`,
        );
      await backend.claimEpoch(epoch);
    }
  }
}

export function commitScopedBackends(inner: BytesStoreBackendFactory): CommitScopedBackends {
  return new CommitScopedBackends(inner);
}

function taskKey(applicationId: string, taskId: string): string {
  return `${applicationId}/${taskId}`;
}

function deferUntilCheckpoint(backend: BytesStoreBackend, onClose: () => void): BytesStoreBackend {
  const wrapped: BytesStoreBackend = {
    get: (key) => backend.get(key),
    put: (key, value) => backend.put(key, value),
    delete: (key) => backend.delete(key),
    range: (from, to, limit) => backend.range(from, to, limit),
    scan: (limit) => backend.scan(limit),
    flush: (checkpoint?: StoreCheckpoint) =>
      checkpoint ? backend.flush(checkpoint) : Promise.resolve(),
    readCheckpoint: () => backend.readCheckpoint(),
    close: () => {
      onClose();
      return backend.close();
    },
  };
  const check = backend.prepareCheck?.bind(backend);
  if (check) wrapped.prepareCheck = () => check();
  const prepare = backend.prepareFlush?.bind(backend);
  if (prepare) {
    wrapped.prepareFlush = (checkpoint?: StoreCheckpoint) =>
      checkpoint ? prepare(checkpoint) : null;
  }
  return wrapped;
}
