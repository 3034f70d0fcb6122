import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createPgPool, type PgPool } from '../../../connectors';
import { kafkajsClient, type KafkaClientPort } from '../../../topology';
import { kafkaRecordPort, pgSqlPort, runDatagen } from '../../../src/datagen';
import { eventually, services, uniqueName } from '../../support/services';

jest.setTimeout(120_000);

const BIN = join(__dirname, '..', '..', '..', 'bin', 'brook.js');

describe('brook datagen against the real Postgres and Kafka', () => {
  const id = uniqueName('dg')
    .replace(/[^a-z0-9]/gi, '')
    .toLowerCase();
  let pg: PgPool;
  let kafka: KafkaClientPort;

  beforeAll(() => {
    pg = createPgPool(services.postgresUrl, { max: 1 });
    kafka = kafkajsClient({ brokers: services.kafkaBrokers, clientId: `it-${id}` });
  });

  afterAll(async () => {
    for (const schema of [`${id}_a`, `${id}_b`])
      await pg.query(`drop schema if exists "${schema}" cascade`).catch(() => undefined);
    await pg.end();
    await kafka.close();
  });

  const count = async (sql: string): Promise<number> =>
    Number((await pg.query<{ n: string }>(sql)).rows[0]?.n ?? -1);

  const topicTotal = async (topic: string): Promise<number> =>
    (await kafka.admin().endOffsets(topic)).reduce((sum, p) => sum + p.offset, 0);

  it('writes every change to Postgres and every record to its topic, creating what is missing', async () => {
    const schema = `${id}_a`;
    const prefix = `${id}-a-`;
    const sql = pgSqlPort(services.postgresUrl);
    const records = kafkaRecordPort({ brokers: services.kafkaBrokers });
    const inserts: Record<string, number> = {};
    const counting = {
      query: (text: string, params?: readonly unknown[]) => {
        const m = /^insert into "[^"]+"\.(\w+)/.exec(text);
        if (m?.[1]) inserts[m[1]] = (inserts[m[1]] ?? 0) + 1;
        return sql.query(text, params);
      },
      close: () => sql.close(),
    };
    const totals = await runDatagen(
      {
        sources: ['oltp', 'payments', 'ecommerce'],
        seed: 11,
        perTick: 50,
        intervalSeconds: 0,
        ticks: 4,
        dirtyRate: 0.1,
        duplicateRate: 0.1,
        silent: true,
        schema,
        topicPrefix: prefix,
      },
      { sql: counting, records, print: () => undefined },
    );
    await records.close();
    await sql.close();
    expect(totals.oltpChanges).toBe(200);
    expect(await count(`select count(*) as n from "${schema}".customers`)).toBe(inserts.customers);
    const tables = await count(
      `select count(*) as n from pg_stat_user_tables where schemaname = '${schema}'`,
    );
    expect(tables).toBe(3);
    expect(await count(`select count(*) as n from "${schema}".orders`)).toBeLessThanOrEqual(
      inserts.orders ?? 0,
    );
    expect(Object.keys(totals.perTopic).sort()).toEqual(
      ['ecommerce-transactions', 'kafka-events', 'kafka-gps', 'kafka-orders'].map(
        (t) => prefix + t,
      ),
    );
    for (const [topic, n] of Object.entries(totals.perTopic))
      expect(await topicTotal(topic)).toBe(n);
  });

  it('runs as `brook datagen` with seed 003 flags and stops cleanly on SIGINT', async () => {
    const schema = `${id}_b`;
    const child = spawn(
      process.execPath,
      [
        BIN,
        'datagen',
        '--interval',
        '0.2',
        '-n',
        '5',
        '-cs',
        services.postgresUrl,
        '--silent',
        '--schema',
        schema,
        '--topic-prefix',
        `${id}-b-`,
        '--bootstrap-servers',
        services.kafkaBrokers.join(','),
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    await eventually(
      'three ticks',
      () => Promise.resolve(/tick 3:/.test(out) ? true : undefined),
      60_000,
    );
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(out).toMatch(
      /tick 3: 15 database changes, \d+ records \(\d+ injected bad or duplicate\), \d+\/s/,
    );
    const done = /done: (\d+) database changes, (\d+) records/.exec(out);
    expect(done).not.toBeNull();
    const changes = Number(done?.[1]);
    const customers = await count(`select count(*) as n from "${schema}".customers`);
    expect(customers).toBeGreaterThan(0);
    expect(customers).toBeLessThanOrEqual(changes);
  });
});
