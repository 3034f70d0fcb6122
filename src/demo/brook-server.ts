import { createServer } from 'node:net';
import pino, { type Logger } from 'pino';
import { loadEngineFactory, startKsqlServer } from '../server';

export interface BrookServerOptions {
  readonly serviceId: string;
  readonly bootstrapServers: string;
  readonly schemaRegistryUrl: string;
  readonly redisUrl: string;
  readonly postgresUrl: string;
  /** ksqlDB REST port; 0 picks a free one. */
  readonly port: number;
  /** Kafka Connect REST port; 0 picks a free one. */
  readonly connectPort: number;
  readonly logger?: Logger;
}

export interface BrookServer {
  readonly ksqlUrl: string;
  readonly connectUrl: string;
  close(): Promise<void>;
}

/**
 * `brook server` in this process: the engine (with its Connect worker) behind the ksqlDB REST
 * API. The demo talks to both through HTTP, exactly as a user's tools would.
 */
export async function startBrookServer(options: BrookServerOptions): Promise<BrookServer> {
  const logger = options.logger ?? pino({ name: 'brook-demo', level: 'warn' });
  const createEngine = await loadEngineFactory();
  const connectPort = options.connectPort === 0 ? await freePort() : options.connectPort;
  const engine = await createEngine(
    {
      bootstrapServers: options.bootstrapServers,
      schemaRegistryUrl: options.schemaRegistryUrl,
      redisUrl: options.redisUrl,
      postgresUrl: options.postgresUrl,
      serviceId: options.serviceId,
      connectPort,
      connectHost: '127.0.0.1',
    },
    { logger },
  );
  const server = await startKsqlServer({ engine, port: options.port, host: '127.0.0.1', logger });
  return {
    ksqlUrl: server.url,
    connectUrl: `http://127.0.0.1:${connectPort}`,
    async close() {
      await server.close();
      await engine.close();
    },
  };
}

/** The engine takes a fixed Connect port, so "any free port" is resolved here. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
