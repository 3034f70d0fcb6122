import type { BytesStoreBackend } from '../../../topology/state';
import { connectRedis, RedisBackendFactory, type RedisPort } from '../../../topology/state/redis';
import { runStoreContractSuite } from '../../support/store-contract';
import { services, uniqueName } from '../../support/services';

const redis: RedisPort = connectRedis(services.redisUrl);
const keyPrefix = `${uniqueName('brook-contract')}:`;
let opened = 0;

afterAll(async () => {
  await redis.deleteMatching(`${keyPrefix}*`);
  await redis.close();
});

// Each backend gets its own store name, so every contract case starts from an empty store.
const openBackend = (): Promise<BytesStoreBackend> =>
  new RedisBackendFactory({ redis, keyPrefix, readCacheEntries: 0 }).open({
    applicationId: '_brook-contract-query_CTAS_C_1',
    store: { name: `store-${opened++}`, kind: 'keyValue', changelogTopic: null },
    taskId: '0_0',
    partition: 0,
  });

/** Flushes after every write, so reads and ranges are served by Redis, not the write cache. */
function writeThrough(backend: BytesStoreBackend): BytesStoreBackend {
  return {
    get: (key) => backend.get(key),
    put: async (key, value) => {
      await backend.put(key, value);
      await backend.flush();
    },
    delete: async (key) => {
      await backend.delete(key);
      await backend.flush();
    },
    range: (from, to, limit) => backend.range(from, to, limit),
    scan: (limit) => backend.scan(limit),
    flush: (checkpoint) => backend.flush(checkpoint),
    readCheckpoint: () => backend.readCheckpoint(),
    close: () => backend.close(),
  };
}

runStoreContractSuite('Redis (write cache)', openBackend);
runStoreContractSuite('Redis (flushed after every write)', async () =>
  writeThrough(await openBackend()),
);
