import { Kafka, logLevel } from 'kafkajs';
import pino from 'pino';
import { createEngine, type RunningEngine } from '../../../src/engine';
import { ksqlClient, rowGrid, runBatch } from '../../../src/repl';
import { startKsqlServer, type KsqlServerHandle } from '../../../src/server';
import { services, uniqueName } from '../../support/services';

/**
 * The REST server on the real engine (Kafka, the registry, Redis), driven by the REPL's batch
 * runner as `brook run-script` drives it.
 */
describe('the ksqlDB REST server on the real engine', () => {
  const serviceId = `${uniqueName('repl_it').replace(/-/g, '_')}_`;
  let engine: RunningEngine;
  let server: KsqlServerHandle;

  beforeAll(async () => {
    engine = await createEngine(
      {
        bootstrapServers: services.kafkaBrokers.join(','),
        schemaRegistryUrl: services.registryUrl,
        redisUrl: services.redisUrl,
        postgresUrl: services.postgresUrl,
        serviceId,
        connectPort: 0,
        connectHost: '127.0.0.1',
      },
      { logger: pino({ level: 'warn' }) },
    );
    server = await startKsqlServer({
      engine,
      port: 0,
      host: '127.0.0.1',
      logger: pino({ level: 'warn' }),
    });
  }, 120_000);

  afterAll(async () => {
    await server?.close();
    await engine?.close();
  });

  it('creates a stream, inserts rows and reads them back with a push query', async () => {
    const topic = `${serviceId}orders`;
    const lines: string[] = [];
    const code = await runBatch(
      [
        `CREATE STREAM orders (id INT KEY, item STRING, qty INT) WITH (kafka_topic='${topic}', value_format='JSON', partitions=1);`,
        "INSERT INTO orders (id, item, qty) VALUES (1, 'apple', 3);",
        "INSERT INTO orders (id, item, qty) VALUES (2, 'pear', 5);",
        'SHOW STREAMS;',
        "SET 'auto.offset.reset'='earliest';",
        'SELECT id, item, qty FROM orders EMIT CHANGES LIMIT 2;',
      ].join('\n'),
      {
        client: ksqlClient({ serverUrl: server.url }),
        print: (t) => lines.push(t),
        terminalWidth: 40,
        cwd: process.cwd(),
      },
    );
    const out = lines.join('\n');
    expect(code).toBe(0);
    expect(out).toMatch(/ ORDERS +\| [\w-]+orders +\| KAFKA +\| JSON +\| false +/);
    const grid = rowGrid(['ID', 'ITEM', 'QTY'], 40);
    expect(out).toContain(grid.header());
    expect(out).toContain(grid.row(['1', 'apple', '3']));
    expect(out).toContain(grid.row(['2', 'pear', '5']));
    expect(out).toContain('Limit Reached');
  });

  it('answers /healthcheck and /info from the engine', async () => {
    const health = await fetch(`${server.url}/healthcheck`);
    expect(health.status).toBe(200);
    const info = (await (await fetch(`${server.url}/info`)).json()) as {
      KsqlServerInfo: { ksqlServiceId: string; serverStatus: string };
    };
    const admin = new Kafka({ brokers: [...services.kafkaBrokers], logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    const { clusterId } = await admin.describeCluster().finally(() => admin.disconnect());
    expect(clusterId).not.toBe('');
    expect(info.KsqlServerInfo).toMatchObject({
      ksqlServiceId: serviceId,
      serverStatus: 'RUNNING',
      kafkaClusterId: clusterId,
    });
  });
});
