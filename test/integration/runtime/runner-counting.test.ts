import { kafkajsClient, type KafkaClientPort } from '../../../topology/kafka';
import { startQuery, type QueryHandle, type RunnerEvent } from '../../../topology/runner';
import { connectRedis, RedisBackendFactory, type RedisPort } from '../../../topology/state/redis';
import { eventually, services, uniqueName } from '../../support/services';
import { countingTasks } from './counting-task';
import { countByKeySpec } from './specs';
import { readTopics } from './topic-reader';

const KEYS = 12;

describe('task runner on the real broker and Redis (hand-written counting task)', () => {
  let kafka: KafkaClientPort;
  let redis: RedisPort;
  const serviceId = `${uniqueName('svc')}_`;
  const keyPrefix = `${uniqueName('brook-runner')}:`;
  const source = uniqueName('runner-src');
  const sink = uniqueName('runner-sink');
  const spec = countByKeySpec(serviceId, 'CTAS_TOTALS_1', source, sink);
  const handles: QueryHandle[] = [];

  const produce = async (from: number, to: number, nullKeys = 0): Promise<void> => {
    const producer = kafka.producer({});
    for (let i = from; i < to; i++) {
      producer.send({
        topic: source,
        key: Buffer.from(`k${i % KEYS}`),
        value: Buffer.from(JSON.stringify({ V: i })),
        timestamp: i,
      });
    }
    for (let i = 0; i < nullKeys; i++)
      producer.send({ topic: source, key: null, value: Buffer.from('{}') });
    await producer.flush();
    await producer.close();
  };

  const start = async (events: RunnerEvent[]): Promise<QueryHandle> => {
    const handle = await startQuery({
      spec,
      serviceId,
      kafka,
      backends: new RedisBackendFactory({ redis, keyPrefix }),
      tasks: countingTasks,
      properties: { 'commit.interval.ms': '100', 'auto.offset.reset': 'earliest' },
      onEvent: (e) => events.push(e),
    });
    handles.push(handle);
    return handle;
  };

  const expectedCounts = (total: number): Map<string, string> => {
    const out = new Map<string, string>();
    for (let k = 0; k < KEYS; k++)
      out.set(
        `k${k}`,
        JSON.stringify({ CNT: Math.floor(total / KEYS) + (k < total % KEYS ? 1 : 0) }),
      );
    return out;
  };

  beforeAll(async () => {
    kafka = kafkajsClient({ brokers: services.kafkaBrokers, clientId: 'brook-runner-test' });
    redis = connectRedis(services.redisUrl);
    await kafka.admin().createTopics([
      { name: source, partitions: 3 },
      { name: sink, partitions: 3 },
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

  test('counts exactly, commits offsets, logs bad records, pauses and resumes, and restores Redis from the changelog after its keys are deleted', async () => {
    await produce(0, 300, 2);
    const events: RunnerEvent[] = [];
    const first = await start(events);
    expect(first.status().state).toBe('RUNNING');
    const output = await readTopics(kafka, [sink]);
    await eventually('first counts', () =>
      Promise.resolve(equal(output.latest(), expectedCounts(300)) ? true : undefined),
    );
    await eventually('committed input', async () =>
      (await kafka.admin().groupLag(spec.applicationId, [source])).every((l) => l.lag === 0)
        ? true
        : undefined,
    );
    expect(first.metrics()).toMatchObject({ recordsIn: 302, recordsOut: 300, processingErrors: 2 });
    expect(events.filter((e) => e.kind === 'RestoreCompleted')).toHaveLength(0);
    first.pause();
    expect(first.status().state).toBe('PAUSED');
    await produce(300, 312);
    first.resume();
    await eventually('counts after resume', () =>
      Promise.resolve(equal(output.latest(), expectedCounts(312)) ? true : undefined),
    );
    await first.stop();
    expect(first.status().state).toBe('STOPPED');

    const log = await readTopics(kafka, [`${serviceId}ksql_processing_log`]);
    await eventually('processing log entries', () =>
      Promise.resolve(log.records.length === 2 ? true : undefined),
    );
    const entry = JSON.parse(log.records[0]!.value!.toString()) as {
      message: Record<string, unknown>;
    };
    expect(entry.message).toMatchObject({
      type: 'DESERIALIZATION_ERROR',
      reason: 'record has no key',
      topic: source,
      queryId: 'CTAS_TOTALS_1',
    });
    expect(typeof entry.message['offset']).toBe('number');
    await log.stop();

    // Redis loses the query's state (as after FLUSHALL); the changelog rebuilds it exactly.
    expect(await redis.deleteMatching(`${keyPrefix}*`)).toBeGreaterThan(0);
    await produce(312, 450);
    const restartEvents: RunnerEvent[] = [];
    const second = await start(restartEvents);
    await eventually('counts after restore', () =>
      Promise.resolve(equal(output.latest(), expectedCounts(450)) ? true : undefined),
    );
    const restored = restartEvents.filter((e) => e.kind === 'RestoreCompleted');
    expect(restored.length).toBeGreaterThan(0);
    expect(second.metrics().restoredRecords).toBeGreaterThan(0);
    await second.stop();
    await output.stop();
  });
});

function equal(actual: Map<string, string | null>, expected: Map<string, string>): boolean {
  if (actual.size !== expected.size) return false;
  for (const [k, v] of expected) if (actual.get(k) !== v) return false;
  return true;
}
