import type {
  BytesStoreBackend,
  BytesStoreBackendFactory,
  StoreLocation,
} from '../bytes-store-backend';
import { RedisBackend } from './redis-backend';
import { applicationKeyPattern, storeKeys } from './redis-key-layout';
import type { RedisPort } from './redis-port';

export interface RedisBackendFactoryOptions {
  readonly redis: RedisPort;
  /** Prepended to every key (`brook:`); tests use a unique one per run. */
  readonly keyPrefix?: string;
  readonly readCacheEntries?: number;
  readonly keySetLimit?: number;
}

/** Opens Redis backends at their derived keys; a reopened location finds its state again. */
export class RedisBackendFactory implements BytesStoreBackendFactory {
  readonly keyPrefix: string;

  constructor(private readonly options: RedisBackendFactoryOptions) {
    this.keyPrefix = options.keyPrefix ?? 'brook:';
  }

  open(location: StoreLocation): Promise<BytesStoreBackend> {
    return Promise.resolve(
      new RedisBackend({
        redis: this.options.redis,
        keys: storeKeys(this.keyPrefix, location),
        storeName: location.store.name,
        ...(this.options.readCacheEntries !== undefined
          ? { readCacheEntries: this.options.readCacheEntries }
          : {}),
        ...(this.options.keySetLimit !== undefined
          ? { keySetLimit: this.options.keySetLimit }
          : {}),
      }),
    );
  }

  /** Deletes every store of a query (DROP ... / TERMINATE with cleanup). */
  deleteApplicationState(applicationId: string): Promise<number> {
    return this.options.redis.deleteMatching(applicationKeyPattern(this.keyPrefix, applicationId));
  }
}
