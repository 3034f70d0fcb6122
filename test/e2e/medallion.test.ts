import pino from 'pino';
import { createPgPool, type PgPool } from '../../connectors';
import { kafkaRecordPort, type RecordPort, type TopicRecord } from '../../src/datagen';
import { connectClient, runDemo, type DemoRun } from '../../src/demo';
import { ksqlClient } from '../../src/repl';
import { eventually, services, uniqueName } from '../support/services';
import {
  actualRows,
  diffRows,
  expectedCustomer360,
  expectedDlq,
  expectedFunnel,
  expectedGpsSpeed,
  expectedRevenue,
  type GoldRows,
} from './medallion-expectations';

jest.setTimeout(600_000);

/** A RecordPort that keeps a copy of every record the broker acknowledged. */
function tapped(port: RecordPort): { port: RecordPort; records: TopicRecord[] } {
  const records: TopicRecord[] = [];
  return {
    records,
    port: {
      async send(batch) {
        await port.send(batch);
        records.push(...batch);
      },
      close: () => port.close(),
    },
  };
}

const PER_TICK = 100;
const TICKS = 28;

describe('the medallion pipeline on the real stack', () => {
  const id = uniqueName('med')
    .replace(/[^a-z0-9]/gi, '')
    .toLowerCase();
  const ns = {
    topicPrefix: `${id}-`,
    oltpSchema: `${id}_oltp`,
    goldSchema: `${id}_gold`,
    connectorPrefix: `${id}-`,
    postgresUrl: services.postgresUrl,
    schemaRegistryUrl: services.registryUrl,
  };
  let pg: PgPool;
  let run: DemoRun | undefined;
  let tap: ReturnType<typeof tapped>;

  beforeAll(async () => {
    pg = createPgPool(services.postgresUrl, { max: 2 });
    tap = tapped(kafkaRecordPort({ brokers: services.kafkaBrokers, clientId: `e2e-${id}` }));
    run = await runDemo(
      {
        namespace: ns,
        serviceId: `${id}_`,
        bootstrapServers: services.kafkaBrokers.join(','),
        redisUrl: services.redisUrl,
        seed: 2026,
        perTick: PER_TICK,
        intervalSeconds: 0,
        ticks: TICKS,
        dirtyRate: 0.03,
        duplicateRate: 0.03,
        port: 0,
        connectPort: 0,
        snapshotSeconds: 0,
        signal: new AbortController().signal,
        print: () => undefined,
        logger: pino({ name: 'e2e-medallion', level: 'error' }),
      },
      { records: tap.port },
    );
  });

  afterAll(async () => {
    await run?.close();
    await tap?.port.close();
    // The run's slot retains WAL until dropped, so it goes with the run's schemas.
    const slot = `${ns.connectorPrefix}brook_medallion`.replace(/[^a-z0-9_]/g, '_');
    await pg
      .query(
        'select pg_drop_replication_slot(slot_name) from pg_replication_slots where slot_name = $1 and not active',
        [slot],
      )
      .catch(() => undefined);
    await pg.query(`drop publication if exists "${slot}"`).catch(() => undefined);
    for (const schema of [ns.oltpSchema, ns.goldSchema])
      await pg.query(`drop schema if exists "${schema}" cascade`).catch(() => undefined);
    await pg.end();
  });

  it('generates at least 20k source changes, with injected bad and duplicate records', () => {
    const totals = run!.totals;
    expect(totals.oltpChanges + totals.records).toBeGreaterThanOrEqual(20_000);
    expect(tap.records).toHaveLength(totals.records);
    expect(tap.records.some((r) => r.injected === 'duplicate')).toBe(true);
    expect(tap.records.some((r) => r.injected === 'undecodable')).toBe(true);
  });

  it('fills every gold table with exactly the batch recomputation of the sources', async () => {
    const gold = (name: string): string => `${ns.goldSchema}.${name}`;
    const tables: {
      name: string;
      expected: () => Promise<GoldRows>;
      actual: () => Promise<GoldRows>;
    }[] = [
      {
        name: 'revenue',
        expected: () => Promise.resolve(expectedRevenue(tap.records)),
        actual: () =>
          actualRows(
            pg,
            gold('revenue'),
            ['REVENUE_COUNTRY', 'REVENUE_METHOD', 'WINDOW_START', 'PAYMENTS', 'REVENUE_USD'],
            (r) => `${r[0]}|${r[1]}|${r[2]}`,
          ),
      },
      {
        name: 'payment_funnel',
        expected: () => Promise.resolve(expectedFunnel(tap.records)),
        actual: () =>
          actualRows(pg, gold('payment_funnel'), ['EVENT_NAME', 'EVENTS'], (r) => String(r[0])),
      },
      {
        name: 'gps_speed',
        expected: () => Promise.resolve(expectedGpsSpeed(tap.records)),
        actual: () =>
          actualRows(
            pg,
            gold('gps_speed'),
            ['ORDER_ID', 'PINGS', 'AVG_SPEED_KPH', 'MAX_SPEED_KPH'],
            (r) => String(r[0]),
          ),
      },
      {
        name: 'customer_360',
        expected: () => expectedCustomer360(pg, ns.oltpSchema),
        actual: () =>
          actualRows(
            pg,
            gold('customer_360'),
            ['CUSTOMER_ID', 'NOME', 'EMAIL', 'ORDERS', 'SPENT_USD'],
            (r) => String(r[0]),
          ),
      },
    ];
    const last: Record<string, string[]> = {};
    await eventually(
      'gold tables to equal the recomputation',
      async () => {
        for (const t of tables) {
          // A failed read (a service restarting) is one more poll, not the end of the wait.
          const diff = await Promise.all([t.expected(), t.actual()]).then(
            ([expected, actual]) => diffRows(expected, actual),
            (error: unknown) => [`read failed: ${String(error)}`],
          );
          last[t.name] = diff;
        }
        if (Object.values(last).every((d) => d.length === 0)) return true;
        // A FAILED query never catches up: stop waiting and show why.
        const failed = await notRunning(run!.ksqlUrl).catch(() => []);
        if (failed.length > 0) last.failedQueries = failed;
        return failed.length > 0 ? true : undefined;
      },
      300_000,
      2_000,
    ).catch(() => undefined);
    expect(last).toEqual({ revenue: [], payment_funnel: [], gps_speed: [], customer_360: [] });
  });

  it('accepts every pipeline connector config through Connect config/validate', async () => {
    const connect = connectClient(run!.connectUrl);
    for (const c of run!.pipeline.connectors)
      expect({ name: c.name, errors: (await connect.validate(c)).error_count }).toEqual({
        name: c.name,
        errors: 0,
      });
  });

  it('keeps every produced record exactly once in bronze, with its topic, partition and offset', async () => {
    const ksql = ksqlClient({ serverUrl: run!.ksqlUrl });
    const expected = new Map<string, number>();
    for (const r of tap.records) {
      const topic = r.topic.slice(ns.topicPrefix.length);
      expected.set(topic, (expected.get(topic) ?? 0) + 1);
    }
    let rows: (readonly unknown[])[] = [];
    await eventually(
      'bronze to hold every record',
      async () => {
        rows = await pullRows(
          ksql,
          'SELECT `topic`, `partition`, `offset` FROM KAFKA_MULTIPLEX;',
        ).catch(() => rows);
        return rows.length >= tap.records.length ? true : undefined;
      },
      120_000,
      1_000,
    ).catch(() => undefined);
    const perTopic = new Map<string, number>();
    for (const [topic] of rows) perTopic.set(String(topic), (perTopic.get(String(topic)) ?? 0) + 1);
    expect(Object.fromEntries(perTopic)).toEqual(Object.fromEntries(expected));
    expect(new Set(rows.map((r) => r.join('/'))).size).toBe(rows.length);
  });

  it('deduplicates e-commerce lines by business key in silver', async () => {
    const ksql = ksqlClient({ serverUrl: run!.ksqlUrl });
    const copies = new Map<string, number>();
    for (const r of tap.records) {
      if (!r.topic.endsWith('ecommerce-transactions')) continue;
      if (r.injected === 'dirty' || r.injected === 'undecodable') continue;
      const t = JSON.parse(r.value) as { TransactionNo: string; ProductNo: string };
      const key = `${t.TransactionNo}/${t.ProductNo}`;
      copies.set(key, (copies.get(key) ?? 0) + 1);
    }
    expect([...copies.values()].some((n) => n > 1)).toBe(true);
    const total = [...copies.values()].reduce((a, b) => a + b, 0);
    let rows: (readonly unknown[])[] = [];
    await eventually(
      'silver lines to settle',
      async () => {
        rows = await pullRows(ksql, 'SELECT LINE_KEY, COPIES FROM SILVER_ECOMMERCE_LINES;').catch(
          () => rows,
        );
        const sum = rows.reduce((a, r) => a + Number(r[1]), 0);
        return rows.length === copies.size && sum === total ? true : undefined;
      },
      60_000,
      1_000,
    ).catch(() => undefined);
    const actual = new Map(rows.map((r) => [String(r[0]), Number(r[1])]));
    expect(Object.fromEntries(actual)).toEqual(Object.fromEntries(copies));
  });

  it('keeps every persistent query of the pipeline RUNNING', async () => {
    const ksql = ksqlClient({ serverUrl: run!.ksqlUrl });
    const entities = await ksql.ksql('SHOW QUERIES;', {
      streamsProperties: {},
      sessionVariables: {},
    });
    expect(entities.flatMap((e) => (e['@type'] === 'queries' ? e.queries : []))).toHaveLength(18);
    expect(await notRunning(run!.ksqlUrl)).toEqual([]);
  });

  it('runs seed 003 verbatim: custstream inferred from the JDBC source schema', async () => {
    const ksql = ksqlClient({ serverUrl: run!.ksqlUrl });
    const entities = await ksql.ksql('SHOW STREAMS;', {
      streamsProperties: {},
      sessionVariables: {},
    });
    const names = entities.flatMap((e) =>
      e['@type'] === 'streams' ? e.streams.map((x) => x.name) : [],
    );
    expect(names).toContain('CUSTSTREAM');
  });

  it('routes exactly the injected bad e-commerce records to the DLQ topic', async () => {
    const expected = expectedDlq(tap.records);
    expect(expected.length).toBeGreaterThan(0);
    const ksql = ksqlClient({ serverUrl: run!.ksqlUrl });
    let actual: string[] = [];
    await eventually(
      'the DLQ to hold the injected records',
      async () => {
        actual = await dlqLines(ksql).catch(() => actual);
        return actual.length >= expected.length ? true : undefined;
      },
      120_000,
      1_000,
    ).catch(() => undefined);
    expect(actual).toEqual(expected);
  });
});

/** `id: state` of the persistent queries that are not RUNNING. */
async function notRunning(ksqlUrl: string): Promise<string[]> {
  const entities = await ksqlClient({ serverUrl: ksqlUrl }).ksql('SHOW QUERIES;', {
    streamsProperties: {},
    sessionVariables: {},
  });
  return entities
    .flatMap((e) => (e['@type'] === 'queries' ? e.queries : []))
    .filter((q) => q.state !== 'RUNNING')
    .map((q) => `${q.id}: ${q.state}`);
}

/** All rows of a pull query (a scan of the stream's topic or the table's state). */
async function pullRows(
  ksql: ReturnType<typeof ksqlClient>,
  sql: string,
): Promise<(readonly unknown[])[]> {
  const rows: (readonly unknown[])[] = [];
  await ksql.query(
    sql,
    { streamsProperties: {}, sessionVariables: {} },
    { header: () => undefined, row: (values) => rows.push(values) },
    new AbortController().signal,
  );
  return rows;
}

/** Every row of the DLQ stream, read with a pull query (a scan of the topic to its end). */
async function dlqLines(ksql: ReturnType<typeof ksqlClient>): Promise<string[]> {
  const lines: string[] = [];
  await ksql.query(
    'SELECT RECORD_KEY, PAYLOAD FROM ECOMMERCE_DLQ;',
    { streamsProperties: {}, sessionVariables: {} },
    {
      header: () => undefined,
      row: (values) => lines.push(`${String(values[0])}\t${String(values[1])}`),
    },
    new AbortController().signal,
  );
  return lines.sort();
}
