import Fastify, { type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Worker } from '../runtime/worker';
import { registerConnectorRoutes } from './connector-routes';
import { registerPluginRoutes } from './plugin-routes';
import { errorHandler } from './rest-errors';

export interface ConnectServerOptions {
  readonly worker: Worker;
  readonly logger: Logger;
  readonly port: number;
  readonly host?: string;
  readonly kafkaClusterId: string;
}

export interface ConnectServer {
  readonly app: FastifyInstance;
  readonly url: string;
  close(): Promise<void>;
}

export const CONNECT_REST_VERSION = '3.9.0';

/** Builds the Connect REST application for a worker without listening (mountable, testable). */
export function connectRestApp(
  options: Omit<ConnectServerOptions, 'port' | 'host'>,
): FastifyInstance {
  const app = Fastify({ logger: false });
  app.setErrorHandler(errorHandler(options.logger));
  app.setNotFoundHandler((request, reply) => {
    void reply
      .status(404)
      .send({ error_code: 404, message: `HTTP 404 Not Found: ${request.method} ${request.url}` });
  });
  app.get('/', () => ({
    version: CONNECT_REST_VERSION,
    commit: 'brook',
    kafka_cluster_id: options.kafkaClusterId,
  }));
  registerConnectorRoutes(app, options.worker);
  registerPluginRoutes(app, options.worker);
  return app;
}

/** Starts the Connect REST API (port 8083 by default) in front of a started worker. */
export async function startConnectServer(options: ConnectServerOptions): Promise<ConnectServer> {
  const app = connectRestApp(options);
  const host = options.host ?? '0.0.0.0';
  await app.listen({ port: options.port, host });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  return { app, url: `http://127.0.0.1:${port}`, close: () => app.close() };
}
