import { compileScript } from '../../../sql';
import { kafkajsClient, type KafkaClientPort, type OutgoingRecord } from '../../../topology/kafka';
import { startQuery, type QueryHandle } from '../../../topology/runner';
import { BrookSerdeFactory } from '../../../topology/serdes';
import type { TopologySpec } from '../../../topology/spec';
import { connectRedis, RedisBackendFactory, type RedisPort } from '../../../topology/state/redis';
import { eventually, services, uniqueName } from '../../support/services';
import { readTopics, type TopicReader } from './topic-reader';

/**
 * Foreign-key table-table joins on the real broker with tables that are NOT co-partitioned:
 * ACCOUNTS has 3 partitions, CUSTOMERS 2, so an account and its customer generally live on
 * partitions no single task reads together. The join must go through its subscription and
 * response topics. After each phase the joined table (latest value per key) must equal what
 * SQL semantics give for the inputs so far, exactly; at the end the query must be idle (no lag)
 * and still equal it.
 */
const run = uniqueName('fkjoin').replace(/-/g, '_');
const serviceId = `${run}_`;
const ACCOUNTS = `${run}_accounts`;
const CUSTOMERS = `${run}_customers`;

/** Each query gets its own name: its query id names its consumer group and internal topics. */
function plan(joinType: 'JOIN' | 'LEFT JOIN', sinkTopic: string): TopologySpec {
  const name = joinType === 'JOIN' ? 'OWNERS_INNER' : 'OWNERS_LEFT';
  const compiled = compileScript(
    `
CREATE TABLE ACCOUNTS (ID INT PRIMARY KEY, BALANCE INT, CUSTOMER_ID INT)
  WITH (kafka_topic='${ACCOUNTS}', format='JSON', partitions=3);
CREATE TABLE CUSTOMERS (CUSTOMER_ID INT PRIMARY KEY, NAME STRING)
  WITH (kafka_topic='${CUSTOMERS}', format='JSON', partitions=2);
CREATE TABLE ${name} WITH (kafka_topic='${sinkTopic}') AS
  SELECT A.ID, A.BALANCE, C.NAME FROM ACCOUNTS A ${joinType} CUSTOMERS C
  ON A.CUSTOMER_ID = C.CUSTOMER_ID EMIT CHANGES;`,
    { config: { 'ksql.service.id': serviceId } },
  );
  const last = compiled[compiled.length - 1]!.compiled;
  if (last.kind !== 'PersistentQuery') throw new Error('not a persistent query');
  return last.query.topology;
}

interface Account {
  readonly balance: number;
  readonly customer: number;
}

/** The inputs so far, and what each join must show for them. */
class Model {
  readonly accounts = new Map<number, Account>();
  readonly customers = new Map<number, string>();

  view(inner: boolean): Map<string, { BALANCE: number; NAME: string | null }> {
    const out = new Map<string, { BALANCE: number; NAME: string | null }>();
    for (const [id, a] of this.accounts) {
      const name = this.customers.get(a.customer);
      if (name === undefined && inner) continue;
      out.set(String(id), { BALANCE: a.balance, NAME: name ?? null });
    }
    return out;
  }
}

const account = (model: Model, id: number, a: Account | null): OutgoingRecord => {
  if (a) model.accounts.set(id, a);
  else model.accounts.delete(id);
  return {
    topic: ACCOUNTS,
    key: Buffer.from(JSON.stringify(id)),
    value: a ? Buffer.from(JSON.stringify({ BALANCE: a.balance, CUSTOMER_ID: a.customer })) : null,
    timestamp: 1_700_000_000_000 + id,
  };
};

const customer = (model: Model, id: number, name: string | null): OutgoingRecord => {
  if (name === null) model.customers.delete(id);
  else model.customers.set(id, name);
  return {
    topic: CUSTOMERS,
    key: Buffer.from(JSON.stringify(id)),
    value: name === null ? null : Buffer.from(JSON.stringify({ NAME: name })),
    timestamp: 1_700_000_000_000,
  };
};

/** Latest value per key; a tombstone removes the key, as a table reads its changelog. */
function table(reader: TopicReader): Map<string, unknown> {
  const out = new Map<string, unknown>();
  for (const r of reader.records) {
    const key = r.key?.toString() ?? '';
    if (r.value === null) out.delete(key);
    else out.set(key, JSON.parse(r.value.toString()));
  }
  return out;
}

const same = (a: ReadonlyMap<string, unknown>, b: ReadonlyMap<string, unknown>): boolean =>
  a.size === b.size && [...b].every(([k, v]) => JSON.stringify(a.get(k)) === JSON.stringify(v));

describe('foreign-key join of tables that are not co-partitioned (real broker)', () => {
  let kafka: KafkaClientPort;
  let redis: RedisPort;
  const keyPrefix = `${run}:`;
  const handles: QueryHandle[] = [];
  const readers: TopicReader[] = [];
  const topics: string[] = [ACCOUNTS, CUSTOMERS];
  const serdes = new BrookSerdeFactory();

  beforeAll(async () => {
    kafka = kafkajsClient({ brokers: services.kafkaBrokers, clientId: 'brook-fk-join-test' });
    redis = connectRedis(services.redisUrl);
    await kafka.admin().createTopics([
      { name: ACCOUNTS, partitions: 3 },
      { name: CUSTOMERS, partitions: 2 },
    ]);
    // A new topic's metadata may take a moment to reach every broker listener.
    for (const topic of [ACCOUNTS, CUSTOMERS])
      await eventually(`${topic} ready`, () =>
        kafka
          .admin()
          .describeTopic(topic)
          .then(
            () => true,
            () => undefined,
          ),
      );
  });

  afterAll(async () => {
    for (const r of readers) await r.stop();
    for (const h of handles) await h.stop();
    // The broker may refuse a batch while a topic is still settling: retry what is left.
    const names = [...new Set([...topics, `${serviceId}ksql_processing_log`])];
    await eventually('topics deleted', () =>
      kafka
        .admin()
        .deleteTopics(names)
        .then(
          () => true,
          () => undefined,
        ),
    );
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

  test('INNER and LEFT joins follow inserts, FK changes, right updates and deletes exactly, across a restart', async () => {
    const innerTopic = `${run}_owners_inner`;
    const leftTopic = `${run}_owners_left`;
    const specs = { inner: plan('JOIN', innerTopic), left: plan('LEFT JOIN', leftTopic) };
    const start = async (spec: TopologySpec): Promise<QueryHandle> => {
      const handle = await startQuery({
        spec,
        serviceId,
        kafka,
        backends: new RedisBackendFactory({ redis, keyPrefix }),
        serdes,
        properties: { 'commit.interval.ms': '200', 'auto.offset.reset': 'earliest' },
      });
      handles.push(handle);
      return handle;
    };
    const running: QueryHandle[] = [];
    for (const spec of Object.values(specs)) {
      topics.push(spec.sink.topic, ...spec.internalTopics.map((t) => t.name));
      await kafka.admin().createTopics([{ name: spec.sink.topic, partitions: 3 }]);
      running.push(await start(spec));
    }
    const inner = await readTopics(kafka, [innerTopic]);
    const left = await readTopics(kafka, [leftTopic]);
    readers.push(inner, left);

    // The join's topics follow the tables: registrations like CUSTOMERS, responses like ACCOUNTS.
    const join = specs.inner.steps.find((s) => s.kind === 'ForeignKeyTableTableJoin');
    if (join?.kind !== 'ForeignKeyTableTableJoin' || !join.subscription) throw new Error('no FK');
    const admin = kafka.admin();
    expect((await admin.describeTopic(join.subscription.registrationTopic)).partitions).toBe(2);
    expect((await admin.describeTopic(join.subscription.responseTopic)).partitions).toBe(3);

    const model = new Model();
    const settle = async (phase: string): Promise<void> => {
      await eventually(`${phase}: inner join`, () =>
        Promise.resolve(same(table(inner), model.view(true)) ? true : undefined),
      );
      await eventually(`${phase}: left join`, () =>
        Promise.resolve(same(table(left), model.view(false)) ? true : undefined),
      );
    };

    // Phase 1: six customers, twelve accounts; account 12 references a missing customer.
    await produce([1, 2, 3, 4, 5, 6].map((c) => customer(model, c, `customer ${c}`)));
    await produce(
      [...Array(12).keys()].map((i) =>
        account(model, i + 1, { balance: 100 + i, customer: i < 11 ? (i % 6) + 1 : 99 }),
      ),
    );
    await settle('inserts');

    // Phase 2: FK changes (to an existing key, to a missing key, from a missing key), a right
    // update fanning out, a right delete, a left delete.
    await produce([
      account(model, 1, { balance: 100, customer: 4 }),
      account(model, 2, { balance: 101, customer: 98 }),
      account(model, 12, { balance: 111, customer: 5 }),
      customer(model, 3, 'customer three'),
      customer(model, 6, null),
      account(model, 7, null),
    ]);
    await settle('changes');

    // Restart both queries: subscriptions and results come back from their state.
    for (const h of running.splice(0)) await h.stop();
    for (const spec of Object.values(specs)) running.push(await start(spec));

    // Phase 3, after the restart: the customer account 1 left behind changes (account 1
    // unsubscribed from it), its new customer changes, the deleted customer comes back.
    await produce([
      customer(model, 1, 'customer one'),
      customer(model, 4, 'customer four'),
      customer(model, 6, 'customer six'),
    ]);
    await settle('after unsubscribe');

    // Idle: every input and internal record consumed; the tables are still exactly right.
    for (const spec of Object.values(specs)) {
      const consumed = [ACCOUNTS, CUSTOMERS, ...spec.internalTopics.map((t) => t.name)].filter(
        (t) => t.includes('subscription') || t === ACCOUNTS || t === CUSTOMERS,
      );
      await eventually(`${spec.queryId} idle`, async () => {
        const lag = await admin.groupLag(spec.applicationId, consumed);
        return lag.every((p) => p.lag === 0) && lag.length > 0 ? true : undefined;
      });
    }
    expect(table(inner)).toEqual(model.view(true));
    expect(table(left)).toEqual(model.view(false));
    // Deletes and lost matches reached the joined topics as tombstones.
    const tombstones = (r: TopicReader) =>
      new Set(r.records.filter((x) => x.value === null).map((x) => x.key?.toString()));
    expect([...tombstones(inner)].sort()).toEqual(['2', '6', '7']);
    expect([...tombstones(left)]).toEqual(['7']);
  });
});
