import { compareBytes, type BytesEntry, type BytesStoreBackend, type StoreCheckpoint } from '../../../topology';

/**
 * A read-only copy of a store's entries, read from Redis in one range call, so a table scan
 * reads each partition once instead of once per key. Writes are refused.
 */
export class SnapshotBackend implements BytesStoreBackend {
  private readonly byKey: ReadonlyMap<string, Buffer>;

  constructor(readonly entries: readonly BytesEntry[]) {
    this.byKey = new Map(entries.map((e) => [e.key.toString('latin1'), e.value]));
  }

  get(key: Buffer): Promise<Buffer | null> {
    return Promise.resolve(this.byKey.get(key.toString('latin1')) ?? null);
  }

  put(): Promise<void> {
    return Promise.reject(new Error('a pull query never writes state'));
  }

  delete(): Promise<void> {
    return Promise.reject(new Error('a pull query never writes state'));
  }

  range(from: Buffer, to: Buffer, limit?: number): Promise<readonly BytesEntry[]> {
    const found = this.entries.filter((e) => compareBytes(e.key, from) >= 0 && compareBytes(e.key, to) <= 0);
    return Promise.resolve(limit === undefined ? found : found.slice(0, limit));
  }

  scan(limit?: number): Promise<readonly BytesEntry[]> {
    return Promise.resolve(limit === undefined ? this.entries : this.entries.slice(0, limit));
  }

  flush(): Promise<void> {
    return Promise.resolve();
  }

  readCheckpoint(): Promise<StoreCheckpoint | null> {
    return Promise.resolve(null);
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
