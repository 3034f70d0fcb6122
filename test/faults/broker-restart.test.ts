import { kafkajsClient, type KafkaClientPort } from '../../topology/kafka';
import { connectRedis, type RedisPort } from '../../topology/state/redis';
import { services } from '../support/services';
import { brokerLog, dedicatedBroker, type DedicatedBroker } from './support/dedicated-broker';
import { CHUNK, expectExactlyOnce, Scenario } from './support/fault-scenario';

/**
 * Restarting the stack's broker would disturb every test running beside this one: this test
 * starts a broker of its own (ports 19092/19093, its own data directory) and restarts that.
 */
describe('broker restart (a dedicated broker, real Redis)', () => {
  let broker: DedicatedBroker;
  let kafka: KafkaClientPort;
  let redis: RedisPort;
  let scenario: Scenario | null = null;

  beforeAll(async () => {
    broker = dedicatedBroker();
    await broker.start().catch((error: unknown) => {
      throw new Error(`${String(error)}\n${brokerLog()}`);
    });
    kafka = kafkajsClient({ brokers: broker.brokers, clientId: 'brook-broker-restart' });
    redis = connectRedis(services.redisUrl);
  }, 180_000);

  afterAll(async () => {
    await scenario?.tearDown().catch(() => undefined);
    await redis?.close();
    await kafka?.close();
    await broker?.destroy();
  }, 120_000);

  test('exactly_once_v2: the broker restarts mid-run, the query resumes by itself and its output stays exact', async () => {
    scenario = new Scenario(kafka, redis, 'exactly_once_v2', broker.brokers);
    await scenario.setUp();
    await scenario.produce(CHUNK);
    const runner = await scenario.start();
    await scenario.progressed(200);
    await broker.stop();
    await broker.start();
    await scenario.produce(CHUNK);
    await scenario.settled((actual, expected) => actual === expected);
    expectExactlyOnce(scenario);
    expect(runner.events.some((e) => e.kind === 'StateChanged' && e['to'] === 'FAILED')).toBe(
      false,
    );
  }, 420_000);
});
