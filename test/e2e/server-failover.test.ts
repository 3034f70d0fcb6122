import { kafkajsClient, type KafkaClientPort, type ProducerPort } from '../../topology';
import { eventually, services, uniqueName } from '../support/services';
import { ksql, pullRows, queryMetric, startServer, type ServerProcess } from './server-process';

jest.setTimeout(240_000);

const USERS = 7;
/** Short session timeouts so a killed member leaves its group in seconds, not 30 s. */
const QUERY_PROPERTIES = {
  'auto.offset.reset': 'earliest',
  'commit.interval.ms': '500',
  'ksql.streams.session.timeout.ms': '6000',
  'ksql.streams.heartbeat.interval.ms': '1000',
};

function statements(topic: string): string {
  return `CREATE STREAM CLICKS (ID INT KEY, USER_ID STRING) WITH (KAFKA_TOPIC='${topic}', VALUE_FORMAT='JSON', PARTITIONS=4);
    CREATE TABLE CLICKS_PER_USER AS SELECT USER_ID, COUNT(*) AS N FROM CLICKS GROUP BY USER_ID;
    CREATE STREAM CLICKS_COPY AS SELECT ID, USER_ID FROM CLICKS;`;
}

/** Clicks `from` .. `to - 1`: KAFKA INT keys, JSON values, user `u<id % USERS>`. */
async function produce(
  producer: ProducerPort,
  topic: string,
  from: number,
  to: number,
): Promise<void> {
  for (let id = from; id < to; id++) {
    const key = Buffer.alloc(4);
    key.writeInt32BE(id);
    producer.send({
      topic,
      key,
      value: Buffer.from(JSON.stringify({ USER_ID: `u${id % USERS}` })),
    });
  }
  await producer.flush();
}

/** The recomputation: clicks per user for ids 0 .. n - 1. */
function expectedCounts(n: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (let id = 0; id < n; id++)
    counts.set(`u${id % USERS}`, (counts.get(`u${id % USERS}`) ?? 0) + 1);
  return counts;
}

/**
 * Waits until the count table (read from state with a pull query) holds at least the
 * recomputed count for every user (at-least-once may count a record twice after a kill, never
 * zero times), and the copy stream holds every id; returns the counts.
 */
async function expectComplete(server: ServerProcess, n: number): Promise<Map<string, number>> {
  const expected = expectedCounts(n);
  const counts = await eventually(
    `counts of ${n} clicks`,
    async () => {
      const rows = await pullRows(server, 'SELECT USER_ID, N FROM CLICKS_PER_USER;');
      const got = new Map(rows.map(([user, count]) => [String(user), Number(count)]));
      return [...expected].every(([user, count]) => (got.get(user) ?? 0) >= count)
        ? got
        : undefined;
    },
    120_000,
    500,
  );
  const ids = await eventually(
    `all ${n} ids in CLICKS_COPY`,
    async () => {
      const seen = new Set(
        (await pullRows(server, 'SELECT ID FROM CLICKS_COPY;')).map(([id]) => Number(id)),
      );
      return seen.size >= n ? seen : undefined;
    },
    120_000,
    1_000,
  );
  expect(Array.from({ length: n }, (_, id) => id).filter((id) => !ids.has(id))).toEqual([]);
  return counts;
}

describe('brook server processes', () => {
  let kafka: KafkaClientPort;
  let producer: ProducerPort;
  const servers: ServerProcess[] = [];

  beforeAll(() => {
    kafka = kafkajsClient({ brokers: services.kafkaBrokers, clientId: 'e2e-server-failover' });
    producer = kafka.producer({ lingerMs: 5 });
  });

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await producer.close();
    await kafka.close();
  });

  async function server(serviceId: string): Promise<ServerProcess> {
    const started = await startServer(serviceId);
    servers.push(started);
    return started;
  }

  it('killed with kill -9 and started again, resumes every query from the command topic and loses no output', async () => {
    const serviceId = `e2e_${uniqueName('restart').replace(/[^a-z0-9]/gi, '')}_`;
    const topic = `${serviceId}clicks`;
    const first = await server(serviceId);
    await ksql(first, statements(topic), QUERY_PROPERTIES);
    await produce(producer, topic, 0, 400);
    await eventually(
      'the first clicks counted',
      async () =>
        (await pullRows(first, 'SELECT * FROM CLICKS_PER_USER;')).length > 0 ? true : undefined,
      60_000,
      300,
    );
    await produce(producer, topic, 400, 800);
    await first.kill9();

    const second = await server(serviceId);
    const queries = (await ksql(second, 'SHOW QUERIES;'))[0] as {
      queries: { id: string; state: string }[];
    };
    expect(queries.queries.map((q) => q.id).sort()).toEqual([
      expect.stringMatching(/^CSAS_CLICKS_COPY_/),
      expect.stringMatching(/^CTAS_CLICKS_PER_USER_/),
    ]);
    await produce(producer, topic, 800, 1200);
    const counts = await expectComplete(second, 1200);
    expect([...counts.keys()].sort()).toEqual([...expectedCounts(1200).keys()].sort());
    // Structured logs: one JSON object a line, with pino's numeric level.
    const started = second.logs.map((l) => JSON.parse(l) as { level: number; msg: string; component?: string }).find((l) => l.msg === 'engine started');
    expect(started).toMatchObject({ level: 30, component: 'engine' });
  });

  it('two servers of one service split the queries and one dying leaves the other running everything', async () => {
    const serviceId = `e2e_${uniqueName('pair').replace(/[^a-z0-9]/gi, '')}_`;
    const topic = `${serviceId}clicks`;
    const [a, b] = [await server(serviceId), await server(serviceId)];
    await ksql(a, statements(topic), QUERY_PROPERTIES);
    const ctas = await eventually('the CTAS on server b', async () => {
      const [list] = (await ksql(b, 'SHOW QUERIES;')) as { queries: { id: string }[] }[];
      return list?.queries.find((q) => q.id.startsWith('CTAS_'))?.id;
    });
    // Each server is a member of the query's group and consumes part of the input. Input keeps
    // coming until both did: a server that joins after the backlog was read has nothing to read.
    let produced = 0;
    let consumed: number[] = [];
    await eventually(
      'both servers consuming',
      async () => {
        await produce(producer, topic, produced, produced + 50);
        produced += 50;
        consumed = await Promise.all(
          [a, b].map((s) => queryMetric(s, 'brook_query_records_consumed', ctas)),
        );
        return consumed.every((n) => n > 0) ? consumed : undefined;
      },
      90_000,
      1_000,
    ).catch((error: unknown) => {
      throw new Error(`${String(error)}; consumed ${JSON.stringify(consumed)}`);
    });
    await expectComplete(b, produced);
    // The aggregate's state: one key per user, counted in Redis whoever runs the partitions.
    await eventually('the state keys in /metrics', async () =>
      (await queryMetric(b, 'brook_query_state_keys', ctas)) >= USERS ? true : undefined,
    );

    await a.kill9();
    await produce(producer, topic, produced, produced + 400);
    await expectComplete(b, produced + 400);
    const health = (await (await fetch(`${b.url}/healthcheck`)).json()) as { isHealthy: boolean };
    expect(health.isHealthy).toBe(true);
  });
});
