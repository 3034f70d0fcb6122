import type { BytesEntry } from './bytes';
import type { BytesStoreBackend } from './bytes-store-backend';

/**
 * The bytes-level store interface every layer implements (Kafka Streams' `KeyValueStore<Bytes,
 * byte[]>`): caching -> change-logging -> backend. A null value deletes.
 */
export interface KeyValueBytesStore {
  readonly name: string;
  get(key: Buffer): Promise<Buffer | null>;
  put(key: Buffer, value: Buffer | null, timestamp: number): Promise<void>;
  /** Ascending entries with `from <= key <= to`. */
  range(from: Buffer, to: Buffer): Promise<readonly BytesEntry[]>;
  all(): Promise<readonly BytesEntry[]>;
  /** Pushes buffered writes down the stack (a no-op for layers that buffer nothing). */
  flush(): Promise<void>;
}

/** The innermost layer: the backend itself. */
export class BackendKeyValueStore implements KeyValueBytesStore {
  constructor(
    readonly name: string,
    private readonly backend: BytesStoreBackend,
  ) {}

  get(key: Buffer): Promise<Buffer | null> {
    return this.backend.get(key);
  }

  put(key: Buffer, value: Buffer | null): Promise<void> {
    return value === null ? this.backend.delete(key) : this.backend.put(key, value);
  }

  range(from: Buffer, to: Buffer): Promise<readonly BytesEntry[]> {
    return this.backend.range(from, to);
  }

  all(): Promise<readonly BytesEntry[]> {
    return this.backend.scan();
  }

  flush(): Promise<void> {
    return Promise.resolve();
  }
}
