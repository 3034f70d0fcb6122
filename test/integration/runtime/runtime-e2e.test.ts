import { compileScript } from '../../../sql';
import { TopologyTestDriver } from '../../../topology/driver';
import { kafkajsClient, type KafkaClientPort, type OutgoingRecord } from '../../../topology/kafka';
import { startQuery, type QueryHandle } from '../../../topology/runner';
import { BrookSerdeFactory } from '../../../topology/serdes';
import type { TopologySpec } from '../../../topology/spec';
import { connectRedis, RedisBackendFactory, type RedisPort } from '../../../topology/state/redis';
import { eventually, services, uniqueName } from '../../support/services';
import { readTopics } from './topic-reader';

const run = uniqueName('e2e').replace(/-/g, '_');
const serviceId = `${run}_`;
const PARTITIONS = 3;

/** Each test reads its own input topics, so no test sees another one's records. */
const inputTopics = (test: string): { orders: string; customers: string } => ({
  orders: `${run}_${test}_orders`,
  customers: `${run}_${test}_customers`,
});

/** Compiles the DDL plus one persistent query with the SQL planner; returns its spec. */
function plan(test: string, query: string): TopologySpec {
  const { orders, customers } = inputTopics(test);
  const ddl = `
CREATE STREAM ORDERS (ID STRING KEY, CUST STRING, AMOUNT DOUBLE, REGION STRING)
  WITH (kafka_topic='${orders}', value_format='JSON', partitions=${PARTITIONS});
CREATE TABLE CUSTOMERS (ID STRING PRIMARY KEY, NAME STRING)
  WITH (kafka_topic='${customers}', value_format='JSON', partitions=${PARTITIONS});
`;
  const compiled = compileScript(ddl + query, { config: { 'ksql.service.id': serviceId } });
  const last = compiled[compiled.length - 1]!.compiled;
  if (last.kind !== 'PersistentQuery') throw new Error('not a persistent query');
  return last.query.topology;
}

const text = (s: string): Buffer => Buffer.from(s);
const REGIONS = ['EU', 'US', 'APAC', 'LATAM'];
const ordersOf = (test: string): OutgoingRecord[] =>
  [...Array(400).keys()].map((i) => ({
    topic: inputTopics(test).orders,
    key: text(`o${i}`),
    value: text(
      JSON.stringify({ CUST: `c${i % 7}`, AMOUNT: (i % 23) + 1, REGION: REGIONS[i % 4] }),
    ),
    timestamp: 1_700_000_000_000 + i * 37,
  }));
const customersOf = (test: string): OutgoingRecord[] =>
  [...Array(7).keys()].map((i) => ({
    topic: inputTopics(test).customers,
    key: text(`c${i}`),
    value: text(JSON.stringify({ NAME: `customer ${i}` })),
    timestamp: 1_600_000_000_000,
  }));
const badOf = (test: string): OutgoingRecord => ({
  topic: inputTopics(test).orders,
  key: text('bad'),
  value: text('{not json'),
  timestamp: 1_700_000_000_000,
});

const show = (b: Buffer | null): string => (b === null ? 'null' : b.toString('hex'));

describe('runner end to end on the real broker and Redis, compared with the TopologyTestDriver', () => {
  let kafka: KafkaClientPort;
  let redis: RedisPort;
  const keyPrefix = `${run}:`;
  const handles: QueryHandle[] = [];
  const topics: string[] = [];
  const serdes = new BrookSerdeFactory();

  beforeAll(async () => {
    kafka = kafkajsClient({ brokers: services.kafkaBrokers, clientId: 'brook-e2e-test' });
    redis = connectRedis(services.redisUrl);
    for (const test of ['stateless', 'aggregate', 'join', 'windowed'])
      topics.push(...Object.values(inputTopics(test)));
    await kafka.admin().createTopics(topics.map((name) => ({ name, partitions: PARTITIONS })));
  });

  afterAll(async () => {
    for (const h of handles) await h.stop();
    await kafka.admin().deleteTopics([...topics, `${serviceId}ksql_processing_log`]);
    await redis.deleteMatching(`${keyPrefix}*`);
    await redis.close();
    await kafka.close();
  });

  const produce = async (records: readonly OutgoingRecord[]): Promise<void> => {
    const producer = kafka.producer({});
    for (const r of records) producer.send(r);
    await producer.flush();
    await producer.close();
  };

  async function runBoth(
    spec: TopologySpec,
    inputs: readonly OutgoingRecord[][],
    dlqTopic: string | null = null,
  ) {
    topics.push(spec.sink.topic, ...spec.internalTopics.map((t) => t.name));
    await kafka.admin().createTopics([{ name: spec.sink.topic, partitions: PARTITIONS }]);
    const driver = await TopologyTestDriver.create(spec, { serdes });
    for (const phase of inputs)
      for (const r of phase)
        await driver.pipeBytes(r.topic, {
          key: r.key,
          value: r.value,
          timestamp: r.timestamp ?? 0,
        });
    const expected = driver.records(spec.sink.topic);
    await driver.close();

    const handle = await startQuery({
      spec,
      serviceId,
      kafka,
      backends: new RedisBackendFactory({ redis, keyPrefix }),
      serdes,
      dlqTopic,
      properties: { 'commit.interval.ms': '200', 'auto.offset.reset': 'earliest' },
    });
    handles.push(handle);
    const reader = await readTopics(kafka, [spec.sink.topic]);
    let fed = 0;
    for (const phase of inputs) {
      await produce(phase);
      fed += phase.length;
      // Phases are ordered in time (a table before the stream joining it), as in the driver.
      await eventually('phase consumed', () =>
        Promise.resolve(handle.metrics().recordsIn >= fed ? true : undefined),
      );
    }
    return { expected, reader, handle };
  }

  test('stateless filter and projection: same records as the driver, bad records to the DLQ', async () => {
    const orders = ordersOf('stateless');
    const bad = badOf('stateless');
    const spec = plan(
      'stateless',
      `CREATE STREAM BIG WITH (kafka_topic='${run}_big') AS SELECT ID, AMOUNT * 2 AS DOUBLED, REGION FROM ORDERS WHERE AMOUNT > 10 EMIT CHANGES;`,
    );
    const dlq = `${run}_big_dlq`;
    topics.push(dlq);
    const { expected, reader, handle } = await runBoth(spec, [[...orders, bad]], dlq);
    const want = expected.map((r) => `${show(r.key)}=${show(r.value)}@${r.timestamp}`).sort();
    await eventually('all outputs', () =>
      Promise.resolve(reader.records.length >= want.length ? true : undefined),
    );
    expect(
      reader.records.map((r) => `${show(r.key)}=${show(r.value)}@${r.timestamp}`).sort(),
    ).toEqual(want);
    expect(handle.metrics()).toMatchObject({ recordsIn: 401, processingErrors: 1 });
    await reader.stop();
    const dead = await readTopics(kafka, [dlq]);
    await eventually('dead letter', () =>
      Promise.resolve(dead.records.length > 0 ? true : undefined),
    );
    expect(dead.records.map((r) => r.value?.toString())).toEqual(['{not json']);
    expect(dead.records[0]!.headers['__brook.errors.topic']?.toString()).toBe(bad.topic);
    expect(dead.records[0]!.headers['__brook.errors.kind']?.toString()).toBe(
      'DESERIALIZATION_ERROR',
    );
    await dead.stop();
  });

  test('aggregation through a repartition topic: same final table as the driver', async () => {
    const orders = ordersOf('aggregate');
    const spec = plan(
      'aggregate',
      `CREATE TABLE BY_REGION WITH (kafka_topic='${run}_by_region') AS SELECT REGION, COUNT(*) AS CNT, SUM(AMOUNT) AS TOTAL FROM ORDERS GROUP BY REGION EMIT CHANGES;`,
    );
    const { expected, reader } = await runBoth(spec, [orders]);
    const want = latest(expected);
    await eventually('final table', () =>
      Promise.resolve(sameMap(latest(reader.records), want) ? true : undefined),
    );
    await reader.stop();
  });

  test('stream-table join with a re-keyed stream: same records as the driver', async () => {
    const orders = ordersOf('join');
    const customers = customersOf('join');
    const spec = plan(
      'join',
      `CREATE STREAM ENRICHED WITH (kafka_topic='${run}_enriched') AS SELECT O.CUST, O.ID AS ORDER_ID, C.NAME, O.AMOUNT FROM ORDERS O JOIN CUSTOMERS C ON O.CUST = C.ID EMIT CHANGES;`,
    );
    const { expected, reader } = await runBoth(spec, [customers, orders]);
    const want = expected.map((r) => `${show(r.key)}=${show(r.value)}`).sort();
    expect(want.length).toBe(orders.length);
    await eventually('all joined', () =>
      Promise.resolve(reader.records.length >= want.length ? true : undefined),
    );
    expect(reader.records.map((r) => `${show(r.key)}=${show(r.value)}`).sort()).toEqual(want);
    await reader.stop();
  });

  test('windowed aggregation survives losing its Redis state between runs', async () => {
    const orders = ordersOf('windowed');
    const spec = plan(
      'windowed',
      `CREATE TABLE PER_WINDOW WITH (kafka_topic='${run}_per_window') AS SELECT REGION, COUNT(*) AS CNT FROM ORDERS WINDOW TUMBLING (SIZE 2 SECONDS) GROUP BY REGION EMIT CHANGES;`,
    );
    const first = orders.slice(0, 200);
    const { expected, reader, handle } = await runBoth(spec, [first]);
    await eventually('first half', () =>
      Promise.resolve(sameMap(latest(reader.records), latest(expected)) ? true : undefined),
    );
    await handle.stop();
    await redis.deleteMatching(`${keyPrefix}{${spec.applicationId}:*`);

    const driver = await TopologyTestDriver.create(spec, { serdes });
    for (const r of orders)
      await driver.pipeBytes(r.topic, { key: r.key, value: r.value, timestamp: r.timestamp ?? 0 });
    const want = latest(driver.records(spec.sink.topic));
    await driver.close();
    const again = await startQuery({
      spec,
      serviceId,
      kafka,
      backends: new RedisBackendFactory({ redis, keyPrefix }),
      serdes,
      properties: { 'commit.interval.ms': '200', 'auto.offset.reset': 'earliest' },
    });
    handles.push(again);
    await produce(orders.slice(200));
    await eventually('final windows after restore', () =>
      Promise.resolve(sameMap(latest(reader.records), want) ? true : undefined),
    );
    expect(again.metrics().restoredRecords).toBeGreaterThan(0);
    await reader.stop();
  });
});

function latest(
  records: readonly { key: Buffer | null; value: Buffer | null }[],
): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of records) out.set(show(r.key), show(r.value));
  return out;
}

function sameMap(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  return a.size === b.size && [...b].every(([k, v]) => a.get(k) === v);
}
