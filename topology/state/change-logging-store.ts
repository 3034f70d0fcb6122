import type { BytesEntry } from './bytes';
import type { KeyValueBytesStore } from './key-value-bytes-store';

/** A record for a store's changelog topic: the store's own key and value bytes. */
export interface ChangelogRecord {
  readonly topic: string;
  readonly partition: number;
  readonly key: Buffer;
  readonly value: Buffer | null;
  readonly timestamp: number;
}

/**
 * Where change-logging stores send their records. The driver keeps them in its in-process
 * topics; the Kafka task runner produces them (in the commit's transaction under EOS) before
 * it flushes the backends.
 */
export interface ChangelogWriter {
  append(record: ChangelogRecord): void;
}

/** Logs every write that reaches it, then writes through. */
export class ChangeLoggingStore implements KeyValueBytesStore {
  constructor(
    private readonly inner: KeyValueBytesStore,
    private readonly topic: string,
    private readonly partition: number,
    private readonly writer: ChangelogWriter,
  ) {}

  get name(): string {
    return this.inner.name;
  }

  get(key: Buffer): Promise<Buffer | null> {
    return this.inner.get(key);
  }

  async put(key: Buffer, value: Buffer | null, timestamp: number): Promise<void> {
    await this.inner.put(key, value, timestamp);
    this.writer.append({ topic: this.topic, partition: this.partition, key, value, timestamp });
  }

  range(from: Buffer, to: Buffer): Promise<readonly BytesEntry[]> {
    return this.inner.range(from, to);
  }

  all(): Promise<readonly BytesEntry[]> {
    return this.inner.all();
  }

  flush(): Promise<void> {
    return this.inner.flush();
  }
}
