import type { BytesStoreBackend, BytesStoreBackendFactory, StoreCheckpoint } from '../state';

/**
 * Wraps the backends the runner hands to tasks so that a changelogged store writes to Redis
 * once per commit, together with its checkpoint. The commit cycle first writes the store caches
 * down (which flushes backends without a checkpoint), then flushes them again with the
 * changelog offsets the producer acknowledged: the first flush must not reach Redis, or the
 * state and its offset would be written apart (and twice).
 */
export function commitScopedBackends(
  inner: BytesStoreBackendFactory,
  options: { readonly fence: boolean } = { fence: false },
): BytesStoreBackendFactory {
  return {
    async open(location) {
      const backend = await inner.open(location);
      if (!location.store.changelogTopic) return backend;
      // exactly_once_v2: the opener becomes the store's newest writer; a zombie that still holds
      // the task elsewhere has an older epoch, and Redis refuses its flushes.
      const epoch = options.fence && backend.claimEpoch ? await backend.claimEpoch() : undefined;
      return deferUntilCheckpoint(backend, epoch);
    },
  };
}

function deferUntilCheckpoint(
  backend: BytesStoreBackend,
  epoch: number | undefined,
): BytesStoreBackend {
  const stamp = (c: StoreCheckpoint): StoreCheckpoint =>
    epoch === undefined ? c : { ...c, epoch };
  return {
    get: (key) => backend.get(key),
    put: (key, value) => backend.put(key, value),
    delete: (key) => backend.delete(key),
    range: (from, to, limit) => backend.range(from, to, limit),
    scan: (limit) => backend.scan(limit),
    flush: (checkpoint?: StoreCheckpoint) =>
      checkpoint ? backend.flush(stamp(checkpoint)) : Promise.resolve(),
    readCheckpoint: () => backend.readCheckpoint(),
    close: () => backend.close(),
  };
}
