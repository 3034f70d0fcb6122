import type { StoreLocation } from '../../topology/state';
import {
  connectRedis,
  RedisBackendFactory,
  StoreFencedError,
  type RedisPort,
} from '../../topology/state/redis';
import { services, uniqueName } from '../support/services';

const s = (text: string): Buffer => Buffer.from(text);

const location: StoreLocation = {
  applicationId: '_brook-fence-query_CTAS_F_1',
  store: { name: 'Aggregate-Materialize', kind: 'keyValue', changelogTopic: 'fence-changelog' },
  taskId: '0_0',
  partition: 0,
};

describe('Redis flushes fenced by epoch (a zombie owner cannot overwrite state)', () => {
  let redis: RedisPort;
  const keyPrefix = `${uniqueName('brook-fence')}:`;

  beforeAll(() => {
    redis = connectRedis(services.redisUrl);
  });

  afterAll(async () => {
    await redis.deleteMatching(`${keyPrefix}*`);
    await redis.close();
  });

  test('after a newer owner claims the store, the older owner’s flush is refused and writes nothing', async () => {
    const factory = new RedisBackendFactory({ redis, keyPrefix });
    const zombie = await factory.open(location);
    const zombieEpoch = 41;
    await zombie.claimEpoch!(zombieEpoch);
    await zombie.put(s('k'), s('zombie-1'));
    await zombie.flush({ changelogOffset: '1', epoch: zombieEpoch });

    const owner = await factory.open(location);
    const ownerEpoch = 57;
    await owner.claimEpoch!(ownerEpoch);
    await owner.put(s('k'), s('owner-2'));
    await owner.flush({ changelogOffset: '5', epoch: ownerEpoch });

    await zombie.put(s('k'), s('zombie-3'));
    await zombie.put(s('other'), s('zombie-3'));
    await expect(zombie.flush({ changelogOffset: '9', epoch: zombieEpoch })).rejects.toBeInstanceOf(
      StoreFencedError,
    );

    const reader = await factory.open(location);
    expect((await reader.get(s('k')))?.toString()).toBe('owner-2');
    expect(await reader.get(s('other'))).toBeNull();
    expect(await reader.readCheckpoint()).toEqual({ changelogOffset: '5', epoch: ownerEpoch });
  });

  test('a fenced flush writes large batches in one script (chunks of entries, deletes and index)', async () => {
    const factory = new RedisBackendFactory({ redis, keyPrefix: `${keyPrefix}big:` });
    const backend = await factory.open(location);
    const epoch = 3;
    await backend.claimEpoch!(epoch);
    for (let i = 0; i < 2_500; i++) await backend.put(s(`k${i}`), s(`v${i}`));
    await backend.flush({ changelogOffset: '2500', epoch });
    for (let i = 0; i < 1_200; i++) await backend.delete(s(`k${i}`));
    await backend.flush({ changelogOffset: '3700', epoch });
    const reader = await factory.open(location);
    const all = await reader.scan();
    expect(all.length).toBe(1_300);
    expect(all[0]?.key.toString()).toBe('k1200');
  });
});
