import { compileScript } from '../../sql';
import { kafkajsClient, type KafkaClientPort, type OutgoingRecord } from '../../topology/kafka';
import { startQuery, type QueryHandle } from '../../topology/runner';
import { BrookSerdeFactory } from '../../topology/serdes';
import type { TopologySpec } from '../../topology/spec';
import { connectRedis, RedisBackendFactory, type RedisPort } from '../../topology/state/redis';
import { windowedKey } from '../faults/support/windowed-query';
import { eventually, services, uniqueName } from '../support/services';
import { readTopics, type TopicReader } from './runtime/topic-reader';

const run = uniqueName('eos-final').replace(/-/g, '_');
const serviceId = `${run}_`;
const source = `${run}_clicks`;
const sink = `${run}_final_counts`;
const BASE = 1_700_000_000_000;
const USERS = 5;
const WINDOW_MS = 1_000;

/** Event `i`: a user and a timestamp, 50 events per one-second window. */
const event = (i: number): { user: string; ts: number } => ({
  user: `u${(i * 3) % USERS}`,
  ts: BASE + i * 20,
});

function plan(): TopologySpec {
  const script = `CREATE STREAM CLICKS (ID STRING KEY, USER_ID STRING)
      WITH (kafka_topic='${source}', value_format='JSON', partitions=1);
    CREATE TABLE FINAL_COUNTS WITH (kafka_topic='${sink}', partitions=1) AS
      SELECT USER_ID, COUNT(*) AS CNT FROM CLICKS
      WINDOW TUMBLING (SIZE 1 SECONDS, RETENTION 1 HOURS, GRACE PERIOD 0 SECONDS) GROUP BY USER_ID EMIT FINAL;`;
  const compiled = compileScript(script, { config: { 'ksql.service.id': serviceId } });
  const last = compiled[compiled.length - 1]?.compiled;
  if (last?.kind !== 'PersistentQuery') throw new Error('expected a persistent query');
  return last.query.topology;
}

const record = (i: number, ts = event(i).ts, user = event(i).user): OutgoingRecord => ({
  topic: source,
  partition: 0,
  key: Buffer.from(`c${i}`),
  value: Buffer.from(JSON.stringify({ USER_ID: user })),
  timestamp: ts,
});

/** Final counts of every window that closes once stream time reaches `closedBy`. */
function expectedFinal(events: number, closedBy: number): Map<string, string> {
  const counts = new Map<string, number>();
  for (let i = 0; i < events; i++) {
    const { user, ts } = event(i);
    const start = ts - (ts % WINDOW_MS);
    if (start + WINDOW_MS > closedBy) continue;
    const id = `${user}@${start}`;
    counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return new Map([...counts].map(([id, cnt]) => [id, JSON.stringify({ CNT: cnt })]));
}

describe('exactly_once_v2 EMIT FINAL survives losing its Redis keys mid-stream', () => {
  let kafka: KafkaClientPort;
  let redis: RedisPort;
  let handle: QueryHandle | null = null;
  let reader: TopicReader | null = null;
  const keyPrefix = `${run}:`;
  const spec = plan();

  beforeAll(async () => {
    kafka = kafkajsClient({ brokers: services.kafkaBrokers, clientId: 'brook-eos-final-test' });
    redis = connectRedis(services.redisUrl);
    await kafka.admin().createTopics([
      { name: source, partitions: 1 },
      { name: sink, partitions: 1 },
    ]);
  });

  afterAll(async () => {
    await reader?.stop();
    await handle?.stop();
    const internal = spec.internalTopics.map((t) => t.name);
    const all = await kafka.admin().listTopics();
    // The runtime's own changelogs (processor state) are named after the application id too.
    const runtime = all.filter((t) => t.startsWith(`${spec.applicationId}-`));
    await kafka
      .admin()
      .deleteTopics([
        ...new Set([source, sink, ...internal, ...runtime, `${serviceId}ksql_processing_log`]),
      ]);
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

  const emitted = (): string[] =>
    (reader?.records ?? []).map((r) => `${windowedKey(r.key!)}=${r.value?.toString() ?? 'null'}`);

  test('every closed window is emitted once with its exact count, across a restore', async () => {
    handle = await startQuery({
      spec,
      serviceId,
      kafka,
      backends: new RedisBackendFactory({ redis, keyPrefix }),
      serdes: new BrookSerdeFactory(),
      properties: {
        'processing.guarantee': 'exactly_once_v2',
        'commit.interval.ms': '100',
        'auto.offset.reset': 'earliest',
      },
    });
    reader = await readTopics(kafka, [sink]);

    // Phase 1 closes the first windows; they are emitted and committed.
    const half = 150;
    await produce([...Array(half).keys()].map((i) => record(i)));
    const firstClosed = expectedFinal(half, event(half - 1).ts);
    await eventually('first windows emitted', () =>
      Promise.resolve(emitted().length >= firstClosed.size ? true : undefined),
    );
    const commits = handle.metrics().commits;
    await eventually('a commit after the first windows', () =>
      Promise.resolve(handle!.metrics().commits >= commits + 2 ? true : undefined),
    );

    // Redis loses every key of this query (not FLUSHALL: other tests share Redis).
    expect(await redis.deleteMatching(`${keyPrefix}{${spec.applicationId}:*`)).toBeGreaterThan(0);

    // A late record for a closed window (stream time must survive the wipe to drop it), phase
    // 2, then a record that closes every window of the first 300 events. Windows are retained
    // for an hour, so EMIT FINAL forgetting what it emitted would emit the first ones again.
    const total = 300;
    const end = BASE + 6_000;
    await produce([
      record(total, BASE + 10, 'u1'),
      ...[...Array(total - half).keys()].map((i) => record(half + i)),
      record(total + 1, end, 'u0'),
    ]);
    const want = expectedFinal(total, end);
    expect(want.size).toBe(30);
    await eventually(
      'every window emitted',
      () => Promise.resolve(emitted().length >= want.size ? true : undefined),
      60_000,
    );
    expect(handle.metrics().restoredRecords).toBeGreaterThan(0);
    // The sink has one partition written by one task in order: a window emitted twice (EMIT
    // FINAL forgetting what it emitted) would precede the last windows.
    expect(emitted().sort()).toEqual([...want].map(([id, value]) => `${id}=${value}`).sort());
    expect(handle.status().state).toBe('RUNNING');
  }, 120_000);
});
