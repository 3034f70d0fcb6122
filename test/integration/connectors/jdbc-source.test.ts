import type { ConnectRuntime, PgPool } from '../../../connectors';
import {
  http,
  JDBC_URL,
  jsonValues,
  pg,
  readValues,
  schemaFor,
  startWorker,
  topicSize,
  uniqueName,
  waitForState,
  eventually,
} from './connect-harness';

type Row = Record<string, unknown>;

describe('JDBC source modes against real Postgres', () => {
  let runtime: ConnectRuntime;
  let db: PgPool;
  const schema = schemaFor('jdbcsrc');
  const group = uniqueName('jdbc-source-worker');

  async function start(
    label: string,
    table: string,
    extra: Record<string, unknown>,
  ): Promise<string> {
    const name = uniqueName(label);
    const r = await http(runtime.url, 'POST', '/connectors', {
      name,
      config: {
        'connector.class': 'JdbcSourceConnector',
        'connection.url': JDBC_URL,
        'connection.user': 'postgres',
        'table.include.list': `${schema}.${table}`,
        'topic.prefix': `${name}-`,
        'poll.interval.ms': 100,
        ...extra,
      },
    });
    expect(r.status).toBe(201);
    await waitForState(runtime.url, name, 'RUNNING');
    return name;
  }

  beforeAll(async () => {
    db = pg();
    await db.query(`CREATE SCHEMA ${schema}`);
    runtime = await startWorker(group);
  });

  afterAll(async () => {
    await runtime.stop();
    await db.query(`DROP SCHEMA ${schema} CASCADE`);
    await db.end();
  });

  it('bulk mode copies the whole table on every poll', async () => {
    await db.query(`CREATE TABLE ${schema}.bulk_t (id INT PRIMARY KEY, label TEXT)`);
    await db.query(`INSERT INTO ${schema}.bulk_t VALUES (1, 'a'), (2, 'b')`);
    const name = await start('bulk', 'bulk_t', { mode: 'bulk' });
    const values = (await readValues(`${name}-bulk_t`, 4)) as Row[];
    expect(values.slice(0, 4).map((v) => v['id'])).toEqual([1, 2, 1, 2]);
    await http(runtime.url, 'DELETE', `/connectors/${name}`);
  });

  it('incrementing mode emits new rows once, in id order, in batches of batch.max.rows', async () => {
    await db.query(
      `CREATE TABLE ${schema}.inc_t (id BIGSERIAL PRIMARY KEY, label TEXT NOT NULL, amount NUMERIC(10,2))`,
    );
    await db.query(
      `INSERT INTO ${schema}.inc_t (label, amount) SELECT 'row' || g, g * 1.25 FROM generate_series(1, 7) g`,
    );
    const name = await start('inc', 'inc_t', {
      mode: 'incrementing',
      'incrementing.column.name': 'id',
      'batch.max.rows': 3,
    });
    await db.query(`UPDATE ${schema}.inc_t SET label = 'changed' WHERE id = 1`);
    await db.query(`INSERT INTO ${schema}.inc_t (label, amount) VALUES ('row8', 10)`);
    const values = (await readValues(`${name}-inc_t`, 8)) as Row[];
    expect(values.map((v) => v['id'])).toEqual([1n, 2n, 3n, 4n, 5n, 6n, 7n, 8n]);
    expect(String(values[1]?.['amount'])).toBe('2.5');
    await eventually('no extra rows', async () =>
      (await topicSize(`${name}-inc_t`)) === 8 ? true : undefined,
    );
    await http(runtime.url, 'DELETE', `/connectors/${name}`);
  });

  it('timestamp mode picks up inserts and updates by modification time', async () => {
    await db.query(
      `CREATE TABLE ${schema}.ts_t (id INT PRIMARY KEY, label TEXT, updated TIMESTAMP NOT NULL)`,
    );
    await db.query(
      `INSERT INTO ${schema}.ts_t VALUES (1, 'a', '2024-01-01 00:00:00.000001'), (2, 'b', '2024-01-01 00:00:00.000002')`,
    );
    const name = await start('ts', 'ts_t', {
      mode: 'timestamp',
      'timestamp.column.name': 'updated',
    });
    await readValues(`${name}-ts_t`, 2);
    await db.query(
      `UPDATE ${schema}.ts_t SET label = 'a2', updated = clock_timestamp() WHERE id = 1`,
    );
    const values = (await readValues(`${name}-ts_t`, 3)) as Row[];
    expect(values.map((v) => [v['id'], v['label']])).toEqual([
      [1, 'a'],
      [2, 'b'],
      [1, 'a2'],
    ]);
    await http(runtime.url, 'DELETE', `/connectors/${name}`);
  });

  it('timestamp mode never splits rows sharing a timestamp across batches', async () => {
    await db.query(
      `CREATE TABLE ${schema}.ties_t (id INT PRIMARY KEY, updated TIMESTAMP NOT NULL)`,
    );
    await db.query(
      `INSERT INTO ${schema}.ties_t VALUES (1, '2024-01-01 00:00:01'), (2, '2024-01-01 00:00:02'), (3, '2024-01-01 00:00:02'), (4, '2024-01-01 00:00:02'), (5, '2024-01-01 00:00:03')`,
    );
    const name = await start('ties', 'ties_t', {
      mode: 'timestamp',
      'timestamp.column.name': 'updated',
      'batch.max.rows': 2,
    });
    const values = (await readValues(`${name}-ties_t`, 5)) as Row[];
    expect(values.map((v) => v['id'] as number).sort()).toEqual([1, 2, 3, 4, 5]);
    await http(runtime.url, 'DELETE', `/connectors/${name}`);
  });

  it('timestamp+incrementing mode separates rows sharing a timestamp across batches', async () => {
    await db.query(
      `CREATE TABLE ${schema}.tsi_t (id SERIAL PRIMARY KEY, updated TIMESTAMPTZ NOT NULL DEFAULT '2024-05-05 10:00:00+00')`,
    );
    await db.query(`INSERT INTO ${schema}.tsi_t (id) SELECT g FROM generate_series(1, 5) g`);
    const name = await start('tsi', 'tsi_t', {
      mode: 'timestamp+incrementing',
      'timestamp.column.name': 'updated',
      'incrementing.column.name': 'id',
      'batch.max.rows': 2,
    });
    await db.query(`INSERT INTO ${schema}.tsi_t (id) VALUES (6)`);
    await db.query(`UPDATE ${schema}.tsi_t SET updated = clock_timestamp() WHERE id = 2`);
    const values = (await readValues(`${name}-tsi_t`, 7)) as Row[];
    expect(values.map((v) => v['id'])).toEqual([1, 2, 3, 4, 5, 6, 2]);
    expect(values[0]?.['updated']).toBe(Date.UTC(2024, 4, 5, 10));
    await http(runtime.url, 'DELETE', `/connectors/${name}`);
  });

  it('query mode runs the custom query with the mode conditions and writes JSON with schemas when asked', async () => {
    await db.query(`CREATE TABLE ${schema}.q_t (id SERIAL PRIMARY KEY, kind TEXT)`);
    await db.query(`INSERT INTO ${schema}.q_t (kind) VALUES ('keep'), ('drop'), ('keep')`);
    const name = uniqueName('query');
    const r = await http(runtime.url, 'POST', '/connectors', {
      name,
      config: {
        'connector.class': 'io.confluent.connect.jdbc.JdbcSourceConnector',
        'connection.url': JDBC_URL,
        mode: 'incrementing',
        'incrementing.column.name': 'id',
        query: `SELECT id, upper(kind) AS kind FROM ${schema}.q_t WHERE kind = 'keep'`,
        'topic.prefix': `${name}-out`,
        'poll.interval.ms': '100',
        'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
        'value.converter.schemas.enable': 'true',
      },
    });
    expect(r).toEqual({ status: 201, body: expect.objectContaining({ name }) });
    const values = (await readValues(`${name}-out`, 2, jsonValues(true))) as Row[];
    expect(values).toEqual([
      { id: 1, kind: 'KEEP' },
      { id: 3, kind: 'KEEP' },
    ]);
    await http(runtime.url, 'DELETE', `/connectors/${name}`);
  });

  it("timestamp.delay.interval.ms keeps a late-committing transaction's row from being skipped", async () => {
    await db.query(
      `CREATE TABLE ${schema}.late_t (id INT PRIMARY KEY, updated TIMESTAMP NOT NULL)`,
    );
    const name = await start('late', 'late_t', {
      mode: 'timestamp',
      'timestamp.column.name': 'updated',
      'timestamp.delay.interval.ms': 4000,
    });
    // A transaction stamps its row now but commits only after a later transaction has committed.
    await db.transaction(async (slow) => {
      await slow.query(
        `INSERT INTO ${schema}.late_t VALUES (1, clock_timestamp() AT TIME ZONE 'UTC')`,
      );
      await db.query(
        `INSERT INTO ${schema}.late_t VALUES (2, clock_timestamp() AT TIME ZONE 'UTC')`,
      );
      await slow.query('SELECT pg_sleep(0.5)');
    });
    const values = (await readValues(`${name}-late_t`, 2)) as Row[];
    expect(values.map((v) => v['id'])).toEqual([1, 2]);
    await http(runtime.url, 'DELETE', `/connectors/${name}`);
  });

  it('without the delay, the same late-committing row is skipped (the failure the setting prevents)', async () => {
    await db.query(
      `CREATE TABLE ${schema}.nodelay_t (id INT PRIMARY KEY, updated TIMESTAMP NOT NULL)`,
    );
    const name = await start('nodelay', 'nodelay_t', {
      mode: 'timestamp',
      'timestamp.column.name': 'updated',
    });
    const topic = `${name}-nodelay_t`;
    await db.transaction(async (slow) => {
      await slow.query(
        `INSERT INTO ${schema}.nodelay_t VALUES (1, clock_timestamp() AT TIME ZONE 'UTC')`,
      );
      await db.query(
        `INSERT INTO ${schema}.nodelay_t VALUES (2, clock_timestamp() AT TIME ZONE 'UTC')`,
      );
      await readValues(topic, 1);
    });
    await db.query(
      `INSERT INTO ${schema}.nodelay_t VALUES (3, clock_timestamp() AT TIME ZONE 'UTC')`,
    );
    const values = (await readValues(topic, 2)) as Row[];
    expect(values.map((v) => v['id'])).toEqual([2, 3]);
    await http(runtime.url, 'DELETE', `/connectors/${name}`);
  });

  it('validate.non.null fails the task when the timestamp column is nullable', async () => {
    await db.query(`CREATE TABLE ${schema}.nullable_t (id INT PRIMARY KEY, updated TIMESTAMP)`);
    const name = uniqueName('nonnull');
    const r = await http(runtime.url, 'POST', '/connectors', {
      name,
      config: {
        'connector.class': 'JdbcSourceConnector',
        'connection.url': JDBC_URL,
        'table.whitelist': `${schema}.nullable_t`,
        'topic.prefix': `${name}-`,
        mode: 'timestamp',
        'timestamp.column.name': 'updated',
      },
    });
    expect(r.status).toBe(201);
    const status = await eventually('FAILED', async () => {
      const s = (await http(runtime.url, 'GET', `/connectors/${name}/status`)).body as {
        tasks: { state: string; trace?: string }[];
      };
      return s.tasks[0]?.state === 'FAILED' ? s : undefined;
    });
    expect(status.tasks[0]?.trace).toContain(
      `Cannot make incremental queries using timestamp columns [updated] on ${schema}.nullable_t because all of these columns are nullable.`,
    );
    await http(runtime.url, 'DELETE', `/connectors/${name}`);
  });

  it('writes schemaless JSON when value.converter.schemas.enable=false', async () => {
    await db.query(
      `CREATE TABLE ${schema}.plain_t (id INT PRIMARY KEY, price NUMERIC(6,2), at DATE)`,
    );
    await db.query(`INSERT INTO ${schema}.plain_t VALUES (1, 9.99, '1970-01-03')`);
    const name = await start('plain', 'plain_t', {
      mode: 'bulk',
      'numeric.mapping': 'best_fit',
      'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
      'value.converter.schemas.enable': 'false',
    });
    const values = await readValues(`${name}-plain_t`, 1, jsonValues(false));
    expect(values[0]).toEqual({ id: 1, price: 9.99, at: 2 });
    await http(runtime.url, 'DELETE', `/connectors/${name}`);
  });

  it('a restarted worker resumes from stored offsets with nothing lost or repeated', async () => {
    await db.query(
      `CREATE TABLE ${schema}.resume_t (id SERIAL PRIMARY KEY, updated TIMESTAMP NOT NULL DEFAULT (clock_timestamp() AT TIME ZONE 'UTC'))`,
    );
    await db.query(`INSERT INTO ${schema}.resume_t (id) SELECT g FROM generate_series(1, 5) g`);
    const name = await start('resume', 'resume_t', {
      mode: 'timestamp+incrementing',
      'timestamp.column.name': 'updated',
      'incrementing.column.name': 'id',
    });
    const topic = `${name}-resume_t`;
    await readValues(topic, 5);
    await runtime.stop();
    await db.query(`INSERT INTO ${schema}.resume_t (id) SELECT g FROM generate_series(6, 9) g`);
    runtime = await startWorker(group);
    await waitForState(runtime.url, name, 'RUNNING');
    const values = (await readValues(topic, 9)) as Row[];
    expect(values.map((v) => v['id'])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    await db.query(`INSERT INTO ${schema}.resume_t (id) VALUES (10)`);
    await readValues(topic, 10);
    expect(await topicSize(topic)).toBe(10);
    await http(runtime.url, 'DELETE', `/connectors/${name}`);
  });
});
