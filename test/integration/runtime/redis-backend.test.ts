import type { StoreLocation } from '../../../topology/state';
import {
  connectRedis,
  RedisBackendFactory,
  StateLostError,
  storeKeys,
  type RedisPort,
} from '../../../topology/state/redis';
import { services, uniqueName } from '../../support/services';
import { countingRedisPort } from './counting-redis-port';

const b = (...bytes: number[]): Buffer => Buffer.from(bytes);
const s = (text: string): Buffer => Buffer.from(text);

function location(store: string, partition = 0): StoreLocation {
  return {
    applicationId: '_brook-test-query_CTAS_T_1',
    store: { name: store, kind: 'keyValue', changelogTopic: null },
    taskId: `0_${partition}`,
    partition,
  };
}

describe('Redis state backend (real Redis)', () => {
  let redis: RedisPort;
  const keyPrefix = `${uniqueName('brook-test')}:`;

  beforeAll(() => {
    redis = connectRedis(services.redisUrl);
  });

  afterAll(async () => {
    await redis.deleteMatching(`${keyPrefix}*`);
    await redis.close();
  });

  test('reads see unflushed writes; a reopened backend sees only flushed ones', async () => {
    const factory = new RedisBackendFactory({ redis, keyPrefix });
    const backend = await factory.open(location('ryw'));
    await backend.put(s('a'), s('1'));
    await backend.put(s('b'), s('2'));
    expect(await backend.get(s('a'))).toEqual(s('1'));
    expect((await backend.scan()).map((e) => e.key.toString())).toEqual(['a', 'b']);
    expect(await (await factory.open(location('ryw'))).get(s('a'))).toBeNull();
    await backend.flush({ changelogOffset: '2' });
    await backend.delete(s('a'));
    expect(await backend.get(s('a'))).toBeNull();
    const reopened = await factory.open(location('ryw'));
    expect(await reopened.get(s('a'))).toEqual(s('1'));
    expect(await reopened.readCheckpoint()).toEqual({ changelogOffset: '2' });
  });

  test('one flush of many writes is one transaction and no other round trip', async () => {
    const counting = countingRedisPort(redis);
    const backend = await new RedisBackendFactory({ redis: counting, keyPrefix }).open(
      location('pipeline'),
    );
    await backend.claimEpoch!(4);
    for (let i = 0; i < 3_000; i++) await backend.put(s(`key-${i}`), s(`value-${i}`));
    for (let i = 0; i < 500; i++) await backend.delete(s(`key-${i}`));
    await backend.flush({ changelogOffset: '3500' });
    expect(counting.calls).toEqual({
      hashGet: 0,
      hashGetAll: 0,
      rangeByLex: 0,
      lexMembers: 0,
      transaction: 1,
      deleteMatching: 0,
    });
    const reopened = await new RedisBackendFactory({ redis, keyPrefix }).open(location('pipeline'));
    expect(await reopened.scan()).toHaveLength(2_500);
    expect(await reopened.readCheckpoint()).toEqual({ changelogOffset: '3500', epoch: 4 });
  });

  test('reads of absent keys cost no round trip once the key set is loaded', async () => {
    const writer = await new RedisBackendFactory({ redis, keyPrefix }).open(location('keyset'));
    await writer.put(s('present'), s('1'));
    await writer.flush();
    const counting = countingRedisPort(redis);
    const reader = await new RedisBackendFactory({
      redis: counting,
      keyPrefix,
      readCacheEntries: 0,
    }).open(location('keyset'));
    for (let i = 0; i < 100; i++) expect(await reader.get(s(`absent-${i}`))).toBeNull();
    expect(await reader.get(s('present'))).toEqual(s('1'));
    await reader.put(s('new'), s('2'));
    await reader.flush();
    expect(await reader.get(s('new'))).toEqual(s('2'));
    expect(counting.calls).toMatchObject({ lexMembers: 1, hashGet: 2, transaction: 1 });
  });

  test('ranges follow unsigned byte order with inclusive bounds, limits and pending deletes', async () => {
    const backend = await new RedisBackendFactory({ redis, keyPrefix }).open(location('order'));
    const keys = [b(0x00), b(0x00, 0x00), b(0x01), b(0x7f), b(0x80), b(0xff), b(0xff, 0x00)];
    for (const key of [...keys].reverse()) await backend.put(key, key);
    await backend.flush();
    expect((await backend.scan()).map((e) => e.key)).toEqual(keys);
    expect((await backend.range(b(0x00, 0x00), b(0x80))).map((e) => e.key)).toEqual([
      b(0, 0),
      b(1),
      b(0x7f),
      b(0x80),
    ]);
    await backend.delete(b(0x01));
    await backend.put(b(0x02), s('new'));
    expect((await backend.range(b(0x00, 0x00), b(0xff), 3)).map((e) => e.key)).toEqual([
      b(0, 0),
      b(2),
      b(0x7f),
    ]);
    expect(await backend.range(b(0x80), b(0x01))).toEqual([]);
  });

  test('a flush after the store vanished from Redis fails retriably and clears the checkpoint', async () => {
    const factory = new RedisBackendFactory({ redis, keyPrefix });
    const backend = await factory.open(location('lost', 3));
    await backend.put(s('k'), s('v'));
    await backend.flush({ changelogOffset: '1' });
    await redis.deleteMatching(`${keyPrefix}{_brook-test-query_CTAS_T_1:3}:lost:*`);
    await backend.put(s('k2'), s('v2'));
    const error = await backend.flush({ changelogOffset: '2' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StateLostError);
    expect((error as StateLostError).retriable).toBe(true);
    expect(await (await factory.open(location('lost', 3))).readCheckpoint()).toBeNull();
  });

  test('keys of all stores of one task partition share one cluster hash tag', () => {
    const factory = new RedisBackendFactory({ redis, keyPrefix: 'p:' });
    expect(factory.keyPrefix).toBe('p:');
    const keys: string[] = [
      location('Aggregate-Materialize', 5),
      location('__processor-state-0', 5),
    ]
      .map((l) => storeKeys('p:', l))
      .flatMap((k) => [k.data, k.index, k.meta]);
    expect(new Set(keys).size).toBe(6);
    const tags = keys.map((k: string) => /\{[^}]*\}/.exec(k)?.[0]);
    expect(new Set(tags)).toEqual(new Set(['{_brook-test-query_CTAS_T_1:5}']));
  });
});
