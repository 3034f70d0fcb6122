import {
  kafkajsClient,
  KafkaPortError,
  type KafkaClientPort,
  type OutgoingRecord,
  type ProducerPort,
} from '../../topology/kafka';
import { startQuery, type QueryHandle } from '../../topology/runner';
import { BrookSerdeFactory } from '../../topology/serdes';
import { connectRedis, RedisBackendFactory, type RedisPort } from '../../topology/state/redis';
import { eventually, services, uniqueName } from '../support/services';
import { countByKeySpec } from './runtime/specs';
import { readTopics, type TopicReader } from './runtime/topic-reader';

const run = uniqueName('eos-rewind').replace(/-/g, '_');
const source = `${run}_src`;
const sink = `${run}_totals`;
const KEYS = 4;

/**
 * A client whose transactional producers, once armed, report the next commit carrying input
 * offsets as failed AFTER the broker committed it (a lost EndTxn response): the runner must not
 * trust its own memory of what was committed.
 */
function lostCommitResponse(kafka: KafkaClientPort): {
  client: KafkaClientPort;
  arm(): void;
  fired(): boolean;
} {
  let armed = false;
  let fired = false;
  const wrap = (producer: ProducerPort): ProducerPort => ({
    send: (r) => producer.send(r),
    flush: () => producer.flush(),
    acknowledgedEnd: (t, p) => producer.acknowledgedEnd(t, p),
    close: () => producer.close(),
    async beginTransaction() {
      const tx = await producer.beginTransaction();
      let offsets = false;
      return {
        send: (records) => tx.send(records),
        sendOffsets: async (group, o) => {
          offsets = o.length > 0;
          await tx.sendOffsets(group, o);
        },
        abort: () => tx.abort(),
        async commit() {
          await tx.commit();
          if (armed && offsets && !fired) {
            fired = true;
            throw new KafkaPortError('TIMEOUT', 'EndTxn response lost (test)', true);
          }
        },
      };
    },
  });
  const client: KafkaClientPort = {
    admin: () => kafka.admin(),
    consumer: (o) => kafka.consumer(o),
    producer: (o) => (o.transactionalId ? wrap(kafka.producer(o)) : kafka.producer(o)),
    close: () => kafka.close(),
  };
  return { client, arm: () => (armed = true), fired: () => fired };
}

describe('exactly_once_v2 rewinds to the offsets Kafka committed', () => {
  let kafka: KafkaClientPort;
  let redis: RedisPort;
  let handle: QueryHandle | null = null;
  let reader: TopicReader | null = null;
  const keyPrefix = `${run}:`;
  const spec = countByKeySpec(`${run}_`, 'CTAS_TOTALS_1', source, sink);

  beforeAll(async () => {
    kafka = kafkajsClient({ brokers: services.kafkaBrokers, clientId: 'brook-eos-rewind-test' });
    redis = connectRedis(services.redisUrl);
    await kafka.admin().createTopics([
      { name: source, partitions: 1 },
      { name: sink, partitions: 1 },
    ]);
  });

  afterAll(async () => {
    await reader?.stop();
    await handle?.stop();
    const runtime = (await kafka.admin().listTopics()).filter((t) =>
      t.startsWith(`${spec.applicationId}-`),
    );
    await kafka
      .admin()
      .deleteTopics([
        ...new Set([source, sink, ...spec.internalTopics.map((t) => t.name), ...runtime]),
      ]);
    await redis.deleteMatching(`${keyPrefix}*`);
    await redis.close();
    await kafka.close();
  });

  const produce = async (from: number, to: number): Promise<void> => {
    const producer = kafka.producer({});
    for (let i = from; i < to; i++) {
      const record: OutgoingRecord = {
        topic: source,
        partition: 0,
        key: Buffer.from(`k${i % KEYS}`),
        value: Buffer.from(JSON.stringify({ V: i })),
        timestamp: 1_700_000_000_000 + i,
      };
      producer.send(record);
    }
    await producer.flush();
    await producer.close();
  };

  const counts = (): Map<string, number> => {
    const out = new Map<string, number>();
    for (const r of reader?.records ?? []) {
      const value = r.value ? (JSON.parse(r.value.toString()) as { CNT: number }).CNT : 0;
      out.set(r.key?.toString() ?? '', value);
    }
    return out;
  };

  test('a commit the broker applied but the client saw fail is not processed twice', async () => {
    const faulty = lostCommitResponse(kafka);
    handle = await startQuery({
      spec,
      serviceId: `${run}_`,
      kafka: faulty.client,
      backends: new RedisBackendFactory({ redis, keyPrefix }),
      serdes: new BrookSerdeFactory(),
      properties: {
        'processing.guarantee': 'exactly_once_v2',
        'commit.interval.ms': '100',
        'auto.offset.reset': 'earliest',
      },
    });
    reader = await readTopics(kafka, [sink]);
    await produce(0, 40);
    await eventually('first records counted', () =>
      Promise.resolve([...counts().values()].reduce((a, b) => a + b, 0) === 40 ? true : undefined),
    );
    faulty.arm();
    await produce(40, 80);
    await eventually('the lost commit response', () =>
      Promise.resolve(faulty.fired() ? true : undefined),
    );
    await produce(80, 100);
    const want = new Map([...Array(KEYS).keys()].map((k) => [`k${k}`, 100 / KEYS]));
    await eventually('every record counted', () =>
      Promise.resolve([...counts().values()].reduce((a, b) => a + b, 0) >= 100 ? true : undefined),
    );
    // Counting the failed-looking commit's records again would overshoot.
    expect(counts()).toEqual(want);
    expect(handle.status().state).toBe('RUNNING');
  }, 120_000);
});
