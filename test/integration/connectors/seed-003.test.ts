import { Kafka, logLevel } from 'kafkajs';
import type { ConnectRuntime, PgPool } from '../../../connectors';
import {
  http,
  pg,
  readValues,
  services,
  startWorker,
  uniqueName,
  waitForState,
} from './connect-harness';

// Seed 003's connector config, verbatim (numbers as JSON numbers included).
const SEED_CONFIG = {
  name: 'postg-connector',
  config: {
    'connector.class': 'io.confluent.connect.jdbc.JdbcSourceConnector',
    'tasks.max': 1,
    'connection.url': 'jdbc:postgresql://127.0.0.1:5432/postgres',
    'connection.user': 'postgres',
    'connection.password': 'SUA-SENHA',
    mode: 'timestamp',
    'timestamp.column.name': 'dt_update',
    'table.whitelist': 'public.customers',
    'topic.prefix': 'psg-',
    'validate.non.null': 'false',
    'poll.interval.ms': 500,
  },
};

async function cleanSeedState(db: PgPool): Promise<void> {
  const admin = new Kafka({
    clientId: 'seed-003-cleanup',
    brokers: [...services.kafkaBrokers],
    logLevel: logLevel.NOTHING,
  }).admin();
  await admin.connect();
  if ((await admin.listTopics()).includes('psg-customers'))
    await admin.deleteTopics({ topics: ['psg-customers'] });
  await admin.disconnect();
  for (const suffix of ['', '?permanent=true'])
    await fetch(`${services.registryUrl}/subjects/psg-customers-value${suffix}`, {
      method: 'DELETE',
    });
  // CASCADE: a developer's `brook datagen` into public adds orders referencing customers.
  await db.query('DROP TABLE IF EXISTS public.customers CASCADE');
  await db.query(`CREATE TABLE public.customers (
    id SERIAL PRIMARY KEY, nome TEXT, telefone TEXT, email TEXT, nascimento DATE, dt_update TIMESTAMP DEFAULT now())`);
}

describe('seed 003: the JDBC source config posted verbatim', () => {
  let runtime: ConnectRuntime;
  let db: PgPool;

  beforeAll(async () => {
    db = pg();
    await cleanSeedState(db);
    await db.query(`INSERT INTO public.customers (nome, telefone, email, nascimento, dt_update) VALUES
      ('Scott Johnson', '+1-475-559-2163x6531', 'michelle01@example.org', '1970-01-02', '2021-04-12 23:26:03.655'),
      ('Amy Shannon', '902-547-6469', 'michaelrogers@example.com', '1969-12-30', '2021-04-12 23:26:04.211')`);
    runtime = await startWorker(uniqueName('seed-003'));
  });

  afterAll(async () => {
    await http(runtime.url, 'DELETE', '/connectors/postg-connector');
    await runtime.stop();
    await db.end();
  });

  it('answers 201, runs, fills psg-customers with Connect-shaped Avro, and answers 409 to a second POST', async () => {
    const created = await http(runtime.url, 'POST', '/connectors', SEED_CONFIG);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'postg-connector',
      type: 'source',
      config: { 'tasks.max': '1', 'poll.interval.ms': '500', name: 'postg-connector' },
    });

    await waitForState(runtime.url, 'postg-connector', 'RUNNING');
    await db.query(
      `INSERT INTO public.customers (nome, telefone, email, nascimento) VALUES ('Julie Kane', '+1-817-150-3155', 'austin36@example.net', '1970-01-01')`,
    );

    const values = (await readValues('psg-customers', 3)) as Record<string, unknown>[];
    expect(values.map((v) => v['nome'])).toEqual(['Scott Johnson', 'Amy Shannon', 'Julie Kane']);
    expect(values[0]).toMatchObject({
      id: 1,
      email: 'michelle01@example.org',
      nascimento: 1,
      dt_update: Date.UTC(2021, 3, 12, 23, 26, 3, 655),
    });

    const latest = await fetch(
      `${services.registryUrl}/subjects/psg-customers-value/versions/latest`,
    );
    const schema = JSON.parse(((await latest.json()) as { schema: string }).schema) as {
      name: string;
      fields: { name: string; type: unknown }[];
    };
    expect(schema.name).toBe('customers');
    expect(schema.fields.find((f) => f.name === 'dt_update')?.type).toEqual([
      'null',
      {
        type: 'long',
        'connect.version': 1,
        'connect.name': 'org.apache.kafka.connect.data.Timestamp',
        logicalType: 'timestamp-millis',
      },
    ]);
    expect(schema.fields.find((f) => f.name === 'nascimento')?.type).toEqual([
      'null',
      {
        type: 'int',
        'connect.version': 1,
        'connect.name': 'org.apache.kafka.connect.data.Date',
        logicalType: 'date',
      },
    ]);
    expect(schema.fields.find((f) => f.name === 'id')?.type).toBe('int');

    const again = await http(runtime.url, 'POST', '/connectors', SEED_CONFIG);
    expect(again).toEqual({
      status: 409,
      body: { error_code: 409, message: 'Connector postg-connector already exists' },
    });
  });
});
