import { storeKeys, type RedisPort, type StoreLocation } from '../../../topology';
import type { TopologySpec } from '../../../topology/spec';
import type { StateSizePort } from '../ports';

export interface RedisStateSizeOptions {
  readonly redis: RedisPort;
  readonly keyPrefix: string;
  /** Counts are reused this long (scrapes of several servers and DESCRIBEs share them). */
  readonly maxAgeMs?: number;
  /** Stores larger than this count as this many keys (their index is not transferred). */
  readonly maxKeysPerStore?: number;
  readonly now?: () => number;
}

/**
 * Counts a query's keys in Redis from each store's lex index (`storeKeys(...).index`): the port
 * only offers "all members when there are at most N", so larger stores report N and counts are
 * cached for `maxAgeMs`.
 */
export class RedisStateSize implements StateSizePort {
  private readonly cache = new Map<string, { readonly at: number; readonly keys: number }>();

  constructor(private readonly o: RedisStateSizeOptions) {}

  async keys(spec: TopologySpec, partitions: number): Promise<number> {
    const now = (this.o.now ?? Date.now)();
    const cached = this.cache.get(spec.applicationId);
    if (cached && now - cached.at < (this.o.maxAgeMs ?? 5_000)) return cached.keys;
    const limit = this.o.maxKeysPerStore ?? 100_000;
    const reads: Promise<number>[] = [];
    for (const step of spec.steps) {
      for (const store of step.stores) {
        for (let partition = 0; partition < partitions; partition++) {
          const location: StoreLocation = { applicationId: spec.applicationId, store, taskId: '', partition };
          reads.push(this.o.redis.lexMembers(storeKeys(this.o.keyPrefix, location).index, limit).then((m) => (m ? m.length : limit)));
        }
      }
    }
    const keys = (await Promise.all(reads)).reduce((a, b) => a + b, 0);
    this.cache.set(spec.applicationId, { at: now, keys });
    return keys;
  }
}
