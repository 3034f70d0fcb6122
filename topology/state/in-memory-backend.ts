import { compareBytes, type BytesEntry } from './bytes';
import type {
  BytesStoreBackend,
  BytesStoreBackendFactory,
  StoreCheckpoint,
  StoreLocation,
} from './bytes-store-backend';

/** Sorted in-memory backend: a map for point reads plus a sorted array for ranges. */
export class InMemoryBackend implements BytesStoreBackend {
  private readonly entries = new Map<string, BytesEntry>();
  private readonly sorted: BytesEntry[] = [];
  private checkpoint: StoreCheckpoint | null = null;

  get(key: Buffer): Promise<Buffer | null> {
    return Promise.resolve(this.entries.get(key.toString('latin1'))?.value ?? null);
  }

  put(key: Buffer, value: Buffer): Promise<void> {
    const id = key.toString('latin1');
    const entry = { key: Buffer.from(key), value: Buffer.from(value) };
    const at = lowerBound(this.sorted, key);
    if (this.entries.has(id)) this.sorted[at] = entry;
    else this.sorted.splice(at, 0, entry);
    this.entries.set(id, entry);
    return Promise.resolve();
  }

  delete(key: Buffer): Promise<void> {
    if (this.entries.delete(key.toString('latin1')))
      this.sorted.splice(lowerBound(this.sorted, key), 1);
    return Promise.resolve();
  }

  range(from: Buffer, to: Buffer, limit?: number): Promise<readonly BytesEntry[]> {
    const out: BytesEntry[] = [];
    for (let i = lowerBound(this.sorted, from); i < this.sorted.length; i++) {
      const entry = this.sorted[i]!;
      if (compareBytes(entry.key, to) > 0 || (limit !== undefined && out.length >= limit)) break;
      out.push(entry);
    }
    return Promise.resolve(out);
  }

  scan(limit?: number): Promise<readonly BytesEntry[]> {
    return Promise.resolve(limit === undefined ? [...this.sorted] : this.sorted.slice(0, limit));
  }

  flush(checkpoint?: StoreCheckpoint): Promise<void> {
    if (checkpoint) this.checkpoint = checkpoint;
    return Promise.resolve();
  }

  readCheckpoint(): Promise<StoreCheckpoint | null> {
    return Promise.resolve(this.checkpoint);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

function lowerBound(entries: readonly BytesEntry[], key: Buffer): number {
  let lo = 0;
  let hi = entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareBytes(entries[mid]!.key, key) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Keeps one backend per store location for the factory's lifetime, so a task that is closed and
 * reopened (or a test that restarts a driver on the same factory) finds its state again.
 */
export class InMemoryBackendFactory implements BytesStoreBackendFactory {
  private readonly backends = new Map<string, InMemoryBackend>();

  open(location: StoreLocation): Promise<BytesStoreBackend> {
    const id = `${location.applicationId}/${location.store.name}/${location.taskId}`;
    let backend = this.backends.get(id);
    if (!backend) {
      backend = new InMemoryBackend();
      this.backends.set(id, backend);
    }
    return Promise.resolve(backend);
  }
}
