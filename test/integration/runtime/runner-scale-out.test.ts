import { kafkajsClient, type KafkaClientPort } from '../../../topology/kafka';
import { startQuery, type QueryHandle } from '../../../topology/runner';
import { connectRedis, RedisBackendFactory, type RedisPort } from '../../../topology/state/redis';
import { eventually, services, uniqueName } from '../../support/services';
import { countingTasks } from './counting-task';
import { countByKeySpec } from './specs';
import { readTopics } from './topic-reader';

const KEYS = 24;
const PARTITIONS = 4;

describe('two runner instances in one consumer group (real broker and Redis)', () => {
  let kafka: KafkaClientPort;
  let redis: RedisPort;
  const serviceId = `${uniqueName('scale')}_`;
  const keyPrefix = `${uniqueName('brook-scale')}:`;
  const source = uniqueName('scale-src');
  const sink = uniqueName('scale-sink');
  const spec = countByKeySpec(serviceId, 'CTAS_SCALE_1', source, sink);
  const handles: QueryHandle[] = [];

  const produce = async (from: number, to: number): Promise<void> => {
    const producer = kafka.producer({});
    for (let i = from; i < to; i++) {
      producer.send({
        topic: source,
        key: Buffer.from(`k${i % KEYS}`),
        value: Buffer.from('{}'),
        timestamp: i,
      });
    }
    await producer.flush();
    await producer.close();
  };

  const instance = async (): Promise<QueryHandle> => {
    const handle = await startQuery({
      spec,
      serviceId,
      kafka,
      backends: new RedisBackendFactory({ redis, keyPrefix }),
      tasks: countingTasks,
      properties: { 'commit.interval.ms': '100', 'auto.offset.reset': 'earliest' },
    });
    handles.push(handle);
    return handle;
  };

  beforeAll(async () => {
    kafka = kafkajsClient({ brokers: services.kafkaBrokers, clientId: 'brook-scale-test' });
    redis = connectRedis(services.redisUrl);
    await kafka.admin().createTopics([
      { name: source, partitions: PARTITIONS },
      { name: sink, partitions: PARTITIONS },
    ]);
  });

  afterAll(async () => {
    for (const h of handles) await h.stop();
    await kafka
      .admin()
      .deleteTopics([
        source,
        sink,
        ...spec.internalTopics.map((t) => t.name),
        `${serviceId}ksql_processing_log`,
      ]);
    await redis.deleteMatching(`${keyPrefix}*`);
    await redis.close();
    await kafka.close();
  });

  test('tasks move between instances through Redis without a restore, and every key is counted', async () => {
    const output = await readTopics(kafka, [sink]);
    const counted = (total: number): Promise<true | undefined> =>
      Promise.resolve(
        [...Array(KEYS).keys()].every(
          (k) => output.latest().get(`k${k}`) === JSON.stringify({ CNT: total / KEYS }),
        )
          ? true
          : undefined,
      );
    const first = await instance();
    await produce(0, 240);
    await eventually('one instance', () => counted(240));

    const second = await instance();
    await eventually('tasks split over both instances', () =>
      Promise.resolve(
        first.metrics().assignedTasks.length > 0 &&
          second.metrics().assignedTasks.length > 0 &&
          first.metrics().assignedTasks.length + second.metrics().assignedTasks.length ===
            PARTITIONS
          ? true
          : undefined,
      ),
    );
    await produce(240, 480);
    await eventually('two instances', () => counted(480));
    expect(second.metrics().recordsIn).toBeGreaterThan(0);

    await first.stop();
    await eventually('all tasks on the second instance', () =>
      Promise.resolve(second.metrics().assignedTasks.length === PARTITIONS ? true : undefined),
    );
    await produce(480, 720);
    await eventually('after the first instance left', () => counted(720));
    expect(second.metrics().restoredRecords).toBe(0);
    await output.stop();
  });
});
