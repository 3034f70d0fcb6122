import { kafkajsClient, type KafkaClientPort } from '../../topology/kafka';
import { connectRedis, type RedisPort } from '../../topology/state/redis';
import { eventually, services } from '../support/services';
import { CHUNK, cntOf, expectExactlyOnce, Scenario, USERS } from './support/fault-scenario';
import { expectedTable } from './support/windowed-query';

describe('runner faults (child processes killed with SIGKILL, real broker and Redis)', () => {
  let kafka: KafkaClientPort;
  let redis: RedisPort;
  let scenario: Scenario | null = null;

  beforeAll(() => {
    kafka = kafkajsClient({ brokers: services.kafkaBrokers, clientId: 'brook-faults' });
    redis = connectRedis(services.redisUrl);
  });

  afterEach(async () => {
    await scenario?.tearDown();
    scenario = null;
  });

  afterAll(async () => {
    await redis.close();
    await kafka.close();
  });

  const killRepeatedly = async (s: Scenario): Promise<void> => {
    await s.setUp();
    await s.produce(CHUNK);
    for (let round = 0; round < 3; round++) {
      const runner = await s.start();
      await s.progressed(200);
      await runner.kill();
      await s.produce(CHUNK);
    }
    await s.start();
  };

  test('exactly_once_v2: killed three times mid-stream, the sink holds every window update once', async () => {
    scenario = new Scenario(kafka, redis, 'exactly_once_v2');
    await killRepeatedly(scenario);
    await scenario.settled((actual, expected) => actual === expected);
    expectExactlyOnce(scenario);
  }, 300_000);

  test('at_least_once: killed three times mid-stream, no input record is lost', async () => {
    scenario = new Scenario(kafka, redis, 'at_least_once');
    await killRepeatedly(scenario);
    await scenario.settled((actual, expected) => cntOf(actual) >= cntOf(expected));
    const latest = scenario.latest();
    for (const [key, value] of expectedTable(scenario.produced, USERS)) {
      expect({ key, atLeast: cntOf(latest.get(key)) >= cntOf(value) }).toEqual({
        key,
        atLeast: true,
      });
    }
  }, 300_000);

  test("exactly_once_v2: the query's Redis keys deleted mid-run come back from the changelog", async () => {
    scenario = new Scenario(kafka, redis, 'exactly_once_v2');
    await scenario.setUp();
    await scenario.produce(CHUNK);
    const runner = await scenario.start();
    await scenario.progressed(500);
    expect(await redis.deleteMatching(`${scenario.keyPrefix}*`)).toBeGreaterThan(0);
    await scenario.produce(CHUNK);
    await scenario.settled((actual, expected) => actual === expected);
    // The transaction is visible before its Redis flush finds the keys gone: the restore that
    // follows may report after the sink is already complete. Exactness is checked after it.
    const restored = (): boolean => runner.events.some((e) => e.kind === 'RestoreCompleted');
    await eventually('a restore from the changelog', () =>
      Promise.resolve(restored() ? true : undefined),
    ).catch(() => undefined);
    expect(restored()).toBe(true);
    expectExactlyOnce(scenario);
  }, 300_000);

  test('exactly_once_v2: a second instance joins mid-stream, the first is killed, output stays exact', async () => {
    scenario = new Scenario(kafka, redis, 'exactly_once_v2');
    await scenario.setUp();
    await scenario.produce(CHUNK);
    const first = await scenario.start();
    await scenario.progressed(200);
    await scenario.start();
    await scenario.produce(CHUNK);
    await scenario.progressed(200);
    await first.kill();
    await scenario.produce(CHUNK);
    await scenario.settled((actual, expected) => actual === expected);
    expectExactlyOnce(scenario);
  }, 300_000);
});
