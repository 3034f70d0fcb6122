import type { ConnectRuntime, PgPool } from '../../../connectors';
import {
  http,
  JDBC_URL,
  pg,
  readValues,
  schemaFor,
  startWorker,
  topicSize,
  uniqueName,
  waitForState,
} from './connect-harness';

describe('exactly-once source delivery (exactly.once.source.support=enabled)', () => {
  let runtime: ConnectRuntime;
  let db: PgPool;
  const schema = schemaFor('eos');
  const group = uniqueName('eos-worker');
  const eos = { 'exactly.once.source.support': 'enabled' };

  beforeAll(async () => {
    db = pg();
    await db.query(`CREATE SCHEMA ${schema}`);
    await db.query(`CREATE TABLE ${schema}.events (id SERIAL PRIMARY KEY, payload TEXT NOT NULL)`);
    await db.query(
      `INSERT INTO ${schema}.events (payload) SELECT 'e' || g FROM generate_series(1, 3) g`,
    );
    runtime = await startWorker(group, eos);
  });

  afterAll(async () => {
    await runtime.stop();
    await db.query(`DROP SCHEMA ${schema} CASCADE`);
    await db.end();
  });

  it('writes records and offsets in one transaction and resumes after a restart without repeats', async () => {
    const name = uniqueName('eos');
    const created = await http(runtime.url, 'POST', '/connectors', {
      name,
      config: {
        'connector.class': 'io.confluent.connect.jdbc.JdbcSourceConnector',
        'connection.url': JDBC_URL,
        mode: 'incrementing',
        'incrementing.column.name': 'id',
        'table.whitelist': `${schema}.events`,
        'topic.prefix': `${name}-`,
        'poll.interval.ms': '100',
      },
    });
    expect(created.status).toBe(201);
    await waitForState(runtime.url, name, 'RUNNING');
    const topic = `${name}-events`;
    await readValues(topic, 3);
    // Transaction commit markers occupy offsets too: the log holds more than the 3 records.
    expect(await topicSize(topic)).toBeGreaterThan(3);
    const offsets = (await http(runtime.url, 'GET', `/connectors/${name}/offsets`)).body;
    expect(offsets).toEqual({
      offsets: [
        {
          partition: { protocol: '1', table: `postgres.${schema}.events` },
          offset: { incrementing: 3 },
        },
      ],
    });

    await runtime.stop();
    await db.query(`INSERT INTO ${schema}.events (payload) VALUES ('e4'), ('e5')`);
    runtime = await startWorker(group, eos);
    await waitForState(runtime.url, name, 'RUNNING');
    const values = (await readValues(topic, 5)) as { id: number }[];
    expect(values.map((v) => v.id)).toEqual([1, 2, 3, 4, 5]);
    await http(runtime.url, 'DELETE', `/connectors/${name}`);
  });
});
