import pino from 'pino';
import { createPgPool } from '../../../connectors';
import { createEngine, type KsqlEntity } from '../../../src/engine';
import { eventually, services, uniqueName } from '../../support/services';

jest.setTimeout(120_000);

const none = { streamsProperties: {}, sessionVariables: {} };

describe('createEngine', () => {
  it('wires Kafka, the registry, Redis and a Connect worker, and closes them', async () => {
    const serviceId = `it_${uniqueName('factory').replace(/[^a-z0-9]/gi, '')}_`;
    const engine = await createEngine(
      {
        bootstrapServers: services.kafkaBrokers.join(','),
        schemaRegistryUrl: services.registryUrl,
        redisUrl: services.redisUrl,
        postgresUrl: services.postgresUrl,
        serviceId,
        connectPort: 0,
        connectHost: '127.0.0.1',
      },
      { logger: pino({ level: 'silent' }) },
    );
    try {
      expect((await engine.info()).ksqlServiceId).toBe(serviceId);
      expect((await engine.health()).isHealthy).toBe(true);
      const [topics] = await engine.execute('show topics;', none);
      expect((topics as Extract<KsqlEntity, { '@type': 'kafka_topics' }>).topics.map((t) => t.name)).toContain(`${serviceId}ksql_processing_log`);
      const [connectors] = await engine.execute('show connectors;', none);
      expect(connectors).toMatchObject({ '@type': 'connector_list', connectors: [] });
      await seedConnector(engine, serviceId);
    } finally {
      await engine.close();
    }
  });
});

/** Seed 003's JDBC source connector, created with CREATE SOURCE CONNECTOR, as SHOW CONNECTORS lists it. */
async function seedConnector(engine: Awaited<ReturnType<typeof createEngine>>, serviceId: string): Promise<void> {
  const table = `${serviceId}customers`;
  const pg = createPgPool(services.postgresUrl);
  try {
    await pg.query(`CREATE TABLE public.${table} (id serial primary key, nome text, dt_update timestamp default now())`);
    await pg.query(`INSERT INTO public.${table} (nome) VALUES ('Scott Johnson')`);
    const name = `psg-connector-${serviceId}`;
    await engine.execute(
      `CREATE SOURCE CONNECTOR \`${name}\` WITH (
        'connector.class'='io.confluent.connect.jdbc.JdbcSourceConnector', 'tasks.max'='1',
        'connection.url'='jdbc:postgresql://127.0.0.1:5432/postgres', 'connection.user'='postgres',
        'mode'='timestamp', 'timestamp.column.name'='dt_update', 'table.whitelist'='public.${table}',
        'topic.prefix'='psg-', 'validate.non.null'='false', 'poll.interval.ms'='500');`,
      none,
    );
    const row = await eventually('the connector running', async () => {
      const [list] = await engine.execute('show connectors;', none);
      const found = (list as Extract<KsqlEntity, { '@type': 'connector_list' }>).connectors.find((c) => c.name === name);
      return found?.state === 'RUNNING (1/1 tasks RUNNING)' ? found : undefined;
    });
    expect(row).toEqual({ name, type: 'SOURCE', className: 'io.confluent.connect.jdbc.JdbcSourceConnector', state: 'RUNNING (1/1 tasks RUNNING)' });
    await engine.execute(`DROP CONNECTOR \`${name}\`;`, none);
  } finally {
    await pg.query(`DROP TABLE IF EXISTS public.${table}`);
    await pg.end();
  }
}
