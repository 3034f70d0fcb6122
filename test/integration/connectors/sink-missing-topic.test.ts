import type { ConnectRuntime, PgPool } from '../../../connectors';
import {
  eventually,
  http,
  JDBC_URL,
  pg,
  produce,
  schemaFor,
  startWorker,
  uniqueName,
  waitForState,
} from './connect-harness';

jest.setTimeout(90_000);

let runtime: ConnectRuntime;
let db: PgPool;
const schema = schemaFor('sinkwait');

beforeAll(async () => {
  db = pg();
  await db.query(`CREATE SCHEMA ${schema}`);
  runtime = await startWorker(uniqueName('sink-wait-worker'));
});

afterAll(async () => {
  await runtime?.stop();
  await db?.query(`DROP SCHEMA ${schema} CASCADE`);
  await db?.end();
});

test('a sink whose topic does not exist yet stays RUNNING and delivers once the topic appears', async () => {
  const topic = uniqueName('late_topic').replace(/[^a-z0-9_]/gi, '_');
  const name = uniqueName('sink-wait');
  const r = await http(runtime.url, 'POST', '/connectors', {
    name,
    config: {
      'connector.class': 'io.confluent.connect.jdbc.JdbcSinkConnector',
      'connection.url': JDBC_URL,
      topics: topic,
      'table.name.format': `${schema}.\${topic}`,
      'auto.create': 'true',
      'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
      'value.converter.schemas.enable': 'true',
      'key.converter': 'org.apache.kafka.connect.storage.StringConverter',
    },
  });
  expect(r.status).toBe(201);
  await waitForState(runtime.url, name, 'RUNNING');
  const value = {
    schema: {
      type: 'struct',
      name: 'row',
      optional: false,
      fields: [{ field: 'id', type: 'int32', optional: false }],
    },
    payload: { id: 7 },
  };
  await produce(topic, [{ key: Buffer.from('7'), value: Buffer.from(JSON.stringify(value)) }]);
  const rows = await eventually(
    'the row in Postgres',
    async () => {
      const status = await http(runtime.url, 'GET', `/connectors/${name}/status`);
      const task = (status.body as { tasks?: { state: string; trace?: string }[] }).tasks?.[0];
      if (task?.state === 'FAILED') throw new Error(`sink task failed: ${task.trace}`);
      const result = await db
        .query(`SELECT id FROM ${schema}."${topic}"`)
        .catch(() => ({ rows: [] as unknown[] }));
      return result.rows.length > 0 ? result.rows : undefined;
    },
    60_000,
  );
  expect(rows).toEqual([{ id: 7 }]);
});
