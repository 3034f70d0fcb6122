import {
  defaultPartition,
  kafkajsClient,
  KafkaPortError,
  type ConsumedRecord,
  type ConsumerHandler,
  type ConsumerPort,
  type KafkaClientPort,
  type TopicPartition,
} from '../../../topology/kafka';
import { eventually, services, uniqueName } from '../../support/services';

interface Recorder extends ConsumerHandler {
  readonly records: ConsumedRecord[];
  readonly assigned: TopicPartition[];
  readonly revoked: TopicPartition[];
}

function recorder(): Recorder {
  const records: ConsumedRecord[] = [];
  const assigned: TopicPartition[] = [];
  const revoked: TopicPartition[] = [];
  return {
    records,
    assigned,
    revoked,
    onAssigned: (ps) => Promise.resolve(void assigned.push(...ps)),
    onRevoked: (ps) => Promise.resolve(void revoked.push(...ps)),
    onBatch: (batch) => Promise.resolve(void records.push(...batch.records)),
    onCrash: (error) => {
      throw error;
    },
  };
}

const encode = (s: string): Buffer => Buffer.from(s);

describe('Kafka ports over kafkajs (real broker)', () => {
  let client: KafkaClientPort;
  const consumers: ConsumerPort[] = [];
  const topic = uniqueName('ports');

  beforeAll(async () => {
    client = kafkajsClient({ brokers: services.kafkaBrokers, clientId: 'brook-ports-test' });
    await client.admin().createTopics([{ name: topic, partitions: 3 }]);
  });

  afterAll(async () => {
    for (const c of consumers) await c.stop();
    await client.admin().deleteTopics([topic]);
    await client.close();
  });

  test('admin creates compacted topics idempotently and describes them', async () => {
    const admin = client.admin();
    const changelog = uniqueName('ports-changelog');
    await admin.createTopics([{ name: changelog, partitions: 2, cleanupPolicy: 'compact' }]);
    await admin.createTopics([{ name: changelog, partitions: 2, cleanupPolicy: 'compact' }]);
    const description = await admin.describeTopic(changelog);
    expect(description).toMatchObject({ name: changelog, partitions: 2, cleanupPolicy: 'compact' });
    await admin.deleteTopics([changelog]);
    await expect(admin.listTopics()).resolves.not.toContain(changelog);
  });

  test('describing a missing topic fails with a typed UNKNOWN_TOPIC error', async () => {
    const error = await client
      .admin()
      .describeTopic(uniqueName('missing'))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KafkaPortError);
    expect((error as KafkaPortError).code).toBe('UNKNOWN_TOPIC');
  });

  test('produced batches are consumed per partition, committed, and leave no lag', async () => {
    const producer = client.producer({ batchSize: 50 });
    for (let i = 0; i < 120; i++) {
      producer.send({
        topic,
        partition: i % 3,
        key: encode(`k${i}`),
        value: encode(`v${i}`),
        timestamp: 1000 + i,
      });
    }
    await producer.flush();
    expect(producer.acknowledgedEnd(topic, 1)).toBe(40);
    await producer.close();
    const ends = await client.admin().endOffsets(topic);
    expect(ends.map((e) => e.offset)).toEqual([40, 40, 40]);

    const groupId = uniqueName('ports-group');
    const consumer = client.consumer({ groupId, maxWaitMs: 100 });
    consumers.push(consumer);
    const rec = recorder();
    await consumer.run({ fromEarliest: [topic], fromLatest: [] }, rec);
    await eventually('120 records', () =>
      Promise.resolve(rec.records.length >= 120 ? true : undefined),
    );
    expect(rec.assigned.map((p) => p.partition).sort()).toEqual([0, 1, 2]);
    const p1 = rec.records.filter((r) => r.partition === 1);
    expect(p1.map((r) => r.offset)).toEqual([...Array(40).keys()]);
    expect(p1[0]).toMatchObject({ key: encode('k1'), value: encode('v1'), timestamp: 1001 });

    await consumer.commit(ends);
    const lag = await client.admin().groupLag(groupId, [topic]);
    expect(lag.map((l) => l.lag)).toEqual([0, 0, 0]);
    expect((await consumer.committed([topic])).map((c) => c.offset).sort()).toEqual([40, 40, 40]);

    consumer.seek({ topic, partition: 2, offset: 38 });
    await eventually('re-read after seek', () =>
      Promise.resolve(
        rec.records.filter((r) => r.partition === 2 && r.offset === 38).length === 2
          ? true
          : undefined,
      ),
    );
  });

  test('murmur2 partitions like the client default partitioner', async () => {
    const keyed = uniqueName('ports-keyed');
    await client.admin().createTopics([{ name: keyed, partitions: 5 }]);
    const producer = client.producer({});
    const keys = [...Array(50).keys()].map((i) => encode(`key-${i}-${'x'.repeat(i % 7)}`));
    for (const key of keys) producer.send({ topic: keyed, key, value: null });
    await producer.flush();
    await producer.close();
    const consumer = client.consumer({ groupId: uniqueName('ports-keyed-group'), maxWaitMs: 100 });
    consumers.push(consumer);
    const rec = recorder();
    await consumer.run({ fromEarliest: [keyed], fromLatest: [] }, rec);
    await eventually('keyed records', () =>
      Promise.resolve(rec.records.length === keys.length ? true : undefined),
    );
    for (const r of rec.records) expect(r.partition).toBe(defaultPartition(r.key!, 5));
    await client.admin().deleteTopics([keyed]);
  });

  test('a paused partition delivers nothing until resumed', async () => {
    const groupId = uniqueName('ports-pause');
    const consumer = client.consumer({ groupId, maxWaitMs: 100 });
    consumers.push(consumer);
    const rec = recorder();
    await consumer.run({ fromEarliest: [], fromLatest: [topic] }, rec);
    await eventually('assignment', () =>
      Promise.resolve(rec.assigned.length === 3 ? true : undefined),
    );
    consumer.pause([{ topic, partition: 0 }]);
    const producer = client.producer({});
    producer.send({ topic, partition: 0, key: encode('paused'), value: encode('p0') });
    await producer.flush();
    producer.send({ topic, partition: 1, key: encode('running'), value: encode('p1') });
    await producer.flush();
    await eventually('p1 record', () =>
      Promise.resolve(rec.records.some((r) => r.partition === 1) ? true : undefined),
    );
    expect(rec.records.some((r) => r.partition === 0)).toBe(false);
    consumer.resume([{ topic, partition: 0 }]);
    await eventually('p0 record', () =>
      Promise.resolve(rec.records.some((r) => r.partition === 0) ? true : undefined),
    );
    await producer.close();
  });

  test('a second member triggers revocation on the first and assignment on the second', async () => {
    const groupId = uniqueName('ports-rebalance');
    const first = client.consumer({ groupId, maxWaitMs: 100, heartbeatIntervalMs: 200 });
    const second = client.consumer({ groupId, maxWaitMs: 100, heartbeatIntervalMs: 200 });
    consumers.push(first, second);
    const a = recorder();
    const b = recorder();
    await first.run({ fromEarliest: [topic], fromLatest: [] }, a);
    await eventually('first assigned', () =>
      Promise.resolve(a.assigned.length === 3 ? true : undefined),
    );
    await second.run({ fromEarliest: [topic], fromLatest: [] }, b);
    await eventually('second assigned', () =>
      Promise.resolve(b.assigned.length > 0 ? true : undefined),
    );
    await eventually('first revoked', () =>
      Promise.resolve(a.revoked.length > 0 ? true : undefined),
    );
    expect(first.assignment().length + second.assignment().length).toBe(3);
    await second.stop();
    expect(b.revoked.length).toBe(b.assigned.length);
  });

  test('transactions: aborted records stay invisible, committed ones are read with their offsets', async () => {
    const txTopic = uniqueName('ports-tx');
    await client.admin().createTopics([{ name: txTopic, partitions: 1 }]);
    const producer = client.producer({ transactionalId: `${txTopic}-tx` });
    const aborted = await producer.beginTransaction();
    await aborted.send([{ topic: txTopic, key: encode('a'), value: encode('aborted') }]);
    await aborted.abort();
    const tx = await producer.beginTransaction();
    await tx.send([{ topic: txTopic, key: encode('c'), value: encode('committed') }]);
    await tx.sendOffsets(`${txTopic}-group`, [{ topic, partition: 0, offset: 7 }]);
    await tx.commit();
    await producer.close();

    const consumer = client.consumer({ groupId: uniqueName('ports-tx-reader'), maxWaitMs: 100 });
    consumers.push(consumer);
    const rec = recorder();
    await consumer.run({ fromEarliest: [txTopic], fromLatest: [] }, rec);
    await eventually('committed record', () =>
      Promise.resolve(rec.records.length > 0 ? true : undefined),
    );
    expect(rec.records.map((r) => r.value?.toString())).toEqual(['committed']);
    const committed = await client.admin().committedOffsets(`${txTopic}-group`, [topic]);
    expect(committed.find((c) => c.partition === 0)?.offset).toBe(7);
    await client.admin().deleteTopics([txTopic]);
  });
});
