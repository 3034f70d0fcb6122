import pino from 'pino';
import { createPgPool } from '../../../../connectors';
import { createEngine, type KsqlEntity } from '../../../../src/engine';

/**
 * Run as a child process by `engine-close.test.ts`: starts the production engine with a running
 * JDBC source connector (as the demo leaves it), closes the engine, then prints the sockets
 * to the Kafka broker that would still keep the process alive (again whenever one appears). The
 * process must then exit on its own. Settings come as JSON in BROOK_CHILD.
 */
interface ChildSettings {
  readonly serviceId: string;
  readonly kafkaBrokers: readonly string[];
  readonly registryUrl: string;
  readonly redisUrl: string;
  readonly postgresUrl: string;
}

const none = { streamsProperties: {}, sessionVariables: {} };

async function main(settings: ChildSettings): Promise<void> {
  const { serviceId } = settings;
  const engine = await createEngine(
    {
      bootstrapServers: settings.kafkaBrokers.join(','),
      schemaRegistryUrl: settings.registryUrl,
      redisUrl: settings.redisUrl,
      postgresUrl: settings.postgresUrl,
      serviceId,
      connectPort: 0,
      connectHost: '127.0.0.1',
    },
    { logger: pino({ level: 'silent' }) },
  );
  const pg = createPgPool(settings.postgresUrl);
  const table = `${serviceId}customers`;
  try {
    await pg.query(`CREATE TABLE public.${table} (id serial primary key, nome text, dt_update timestamp default now())`);
    await pg.query(`INSERT INTO public.${table} (nome) VALUES ('Scott Johnson')`);
    await engine.execute(
      `CREATE SOURCE CONNECTOR \`${serviceId}source\` WITH (
        'connector.class'='io.confluent.connect.jdbc.JdbcSourceConnector', 'tasks.max'='1',
        'connection.url'='jdbc:postgresql://127.0.0.1:5432/postgres', 'connection.user'='postgres',
        'mode'='timestamp', 'timestamp.column.name'='dt_update', 'table.whitelist'='public.${table}',
        'topic.prefix'='${serviceId}psg-', 'validate.non.null'='false', 'poll.interval.ms'='200');`,
      none,
    );
    for (;;) {
      const [list] = await engine.execute('SHOW CONNECTORS;', none);
      const state = (list as Extract<KsqlEntity, { '@type': 'connector_list' }>).connectors[0]?.state;
      if (state === 'RUNNING (1/1 tasks RUNNING)') break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    await engine.close();
    await pg.query(`DROP TABLE IF EXISTS public.${table}`);
    await pg.end();
  }
  const port = Number(settings.kafkaBrokers[0]?.split(':')[1] ?? 9092);
  const report = (): void => void process.stdout.write(`${JSON.stringify({ closed: true, brokerSockets: brokerSockets(port) })}\n`);
  report();
  // A client used after its disconnect connects again a moment later: report that socket too.
  // The timer is unref'd, so it never keeps the process alive by itself.
  setInterval(() => {
    if (brokerSockets(port).length > 0) report();
  }, 200).unref();
}

/** Sockets to the broker that keep the event loop alive (a disconnected client unrefs its own). */
function brokerSockets(port: number): string[] {
  const handles = (process as unknown as { _getActiveHandles(): unknown[] })._getActiveHandles();
  return handles.flatMap((h) => {
    const s = h as { remotePort?: number; localPort?: number; _handle?: { hasRef?(): boolean } };
    return s.remotePort === port && s._handle?.hasRef?.() !== false ? [`${s.localPort} -> ${port}`] : [];
  });
}

main(JSON.parse(process.env.BROOK_CHILD ?? '{}') as ChildSettings).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
