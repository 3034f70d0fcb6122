import { kafkajsClient, type KafkaClientPort } from '../../topology/kafka';
import { TransactionalOutbox } from '../../topology/runner/transactional-outbox';
import { flushTogether, type BytesStoreBackend, type StoreLocation } from '../../topology/state';
import {
  connectRedis,
  RedisBackendFactory,
  StateLostError,
  StoreFencedError,
  storeKeys,
  type RedisPort,
} from '../../topology/state/redis';
import { services, uniqueName } from '../support/services';

const s = (text: string): Buffer => Buffer.from(text);
const run = uniqueName('eos-state');
const applicationId = `_brook-${run}-query_CTAS_EOS_1`;

const location = (
  store: string,
  changelogTopic: string | null = `${run}-${store}`,
): StoreLocation => ({
  applicationId,
  store: { name: store, kind: 'keyValue', changelogTopic },
  taskId: '0_0',
  partition: 0,
});

describe('exactly-once state in Redis: refused flushes write nothing, epochs survive a wipe', () => {
  let redis: RedisPort;
  let kafka: KafkaClientPort;
  const keyPrefix = `${run}:`;
  const topics: string[] = [];

  beforeAll(() => {
    redis = connectRedis(services.redisUrl);
    kafka = kafkajsClient({ brokers: services.kafkaBrokers, clientId: 'brook-eos-state-test' });
  });

  afterAll(async () => {
    await redis.deleteMatching(`${keyPrefix}*`);
    await redis.close();
    if (topics.length > 0) await kafka.admin().deleteTopics(topics);
    await kafka.close();
  });

  const wipe = (prefix: string): Promise<number> =>
    redis.deleteMatching(`${prefix}{${applicationId}:*`);

  const stored = async (prefix: string, store: string, key: string): Promise<string | null> => {
    const [value] = await redis.hashGet(storeKeys(prefix, location(store)).data, [s(key)]);
    return value ? value.toString() : null;
  };

  test('a flush that finds its checkpoint gone writes none of its keys and asks for a restore', async () => {
    const prefix = `${keyPrefix}lost:`;
    const factory = new RedisBackendFactory({ redis, keyPrefix: prefix });
    const backend = await factory.open(location('Counts'));
    await backend.put(s('a'), s('1'));
    await backend.flush({ changelogOffset: '1' });
    await wipe(prefix);

    await backend.put(s('b'), s('2'));
    await expect(backend.flush({ changelogOffset: '2' })).rejects.toBeInstanceOf(StateLostError);
    // A fragment (`b` without `a`, or a checkpoint over missing state) would be read as truth.
    expect(await stored(prefix, 'Counts', 'b')).toBeNull();
    expect(await (await factory.open(location('Counts'))).readCheckpoint()).toBeNull();
  });

  test('a zombie task fenced on one of its stores writes nothing in any store', async () => {
    const prefix = `${keyPrefix}fence:`;
    const factory = new RedisBackendFactory({ redis, keyPrefix: prefix });
    const zombie = {
      counts: await factory.open(location('Counts')),
      sums: await factory.open(location('Sums')),
    };
    await zombie.counts.claimEpoch!(10);
    await zombie.sums.claimEpoch!(10);
    // A new owner is opening the task: it has claimed the second store, not yet the first.
    const owner = await factory.open(location('Sums'));
    await owner.claimEpoch!(20);

    await zombie.counts.put(s('k'), s('zombie'));
    await zombie.sums.put(s('k'), s('zombie'));
    const flushes: { backend: BytesStoreBackend; checkpoint: { changelogOffset: string } }[] = [
      { backend: zombie.counts, checkpoint: { changelogOffset: '7' } },
      { backend: zombie.sums, checkpoint: { changelogOffset: '7' } },
    ];
    await expect(flushTogether(flushes)).rejects.toBeInstanceOf(StoreFencedError);
    expect(await stored(prefix, 'Counts', 'k')).toBeNull();
    expect(await stored(prefix, 'Sums', 'k')).toBeNull();
    expect(await (await factory.open(location('Counts'))).readCheckpoint()).toBeNull();
  });

  test('epochs come from Kafka: after a Redis wipe a zombie still cannot flush', async () => {
    const prefix = `${keyPrefix}wipe:`;
    const changelog = `${run}-Totals`;
    topics.push(changelog);
    await kafka
      .admin()
      .createTopics([{ name: changelog, partitions: 1, cleanupPolicy: 'compact' }]);
    const transactionalId = `${applicationId}-0_0`;
    const factory = new RedisBackendFactory({ redis, keyPrefix: prefix });
    const partition = [{ topic: changelog, partition: 0 }];

    const zombieOutbox = await TransactionalOutbox.open(kafka, transactionalId);
    const zombieEpoch = (await zombieOutbox.claimEpochs(partition)).get(`${changelog}:0`)!;
    const zombie = await factory.open(location('Totals'));
    await zombie.claimEpoch!(zombieEpoch);
    await zombie.put(s('k'), s('zombie-1'));
    await zombie.flush({ changelogOffset: String(zombieEpoch) });

    // The new owner fences the zombie's producer, then takes its epoch from the changelog.
    const ownerOutbox = await TransactionalOutbox.open(kafka, transactionalId);
    const ownerEpoch = (await ownerOutbox.claimEpochs(partition)).get(`${changelog}:0`)!;
    expect(ownerEpoch).toBeGreaterThan(zombieEpoch);
    const owner = await factory.open(location('Totals'));
    await owner.claimEpoch!(ownerEpoch);

    // Redis loses everything of the query; the owner restores and claims again. A counter kept
    // in Redis would restart below the zombie's epoch here.
    await wipe(prefix);
    await zombie.put(s('k'), s('zombie-2'));
    await expect(zombie.flush({ changelogOffset: '99' })).rejects.toBeInstanceOf(StateLostError);
    expect(await stored(prefix, 'Totals', 'k')).toBeNull();

    const restored = await factory.open(location('Totals'));
    expect(await restored.readCheckpoint()).toBeNull();
    await restored.claimEpoch!(ownerEpoch);
    await restored.put(s('k'), s('owner'));
    await restored.flush({ changelogOffset: String(ownerEpoch) });

    const zombieAgain = await factory.open(location('Totals'));
    await expect(zombieAgain.claimEpoch!(zombieEpoch)).rejects.toBeInstanceOf(StoreFencedError);
    await zombie.put(s('k'), s('zombie-3'));
    await expect(zombie.flush({ changelogOffset: '100' })).rejects.toBeInstanceOf(StoreFencedError);
    expect(await stored(prefix, 'Totals', 'k')).toBe('owner');

    await zombieOutbox.close().catch(() => undefined);
    await ownerOutbox.close();
  });
});
