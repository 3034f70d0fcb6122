import type { FastifyInstance } from 'fastify';
import { ErrorCodes } from '../../engine/engine-port';
import { KsqlRestError } from '../rest-error';
import type { RouteContext } from '../route-context';

/** `GET /info`, `/healthcheck`, `/status`, `/status/{commandId}` in ksqlDB's shapes. */
export function registerServerInfoRoutes(app: FastifyInstance, { engine }: RouteContext): void {
  app.get('/info', async () => ({ KsqlServerInfo: await engine.info() }));

  app.get('/healthcheck', async (_request, reply) => {
    const health = await engine.health();
    return reply.status(health.isHealthy ? 200 : 503).send(health);
  });

  app.get('/status', async () => ({ commandStatuses: await engine.statuses() }));

  // Command ids contain slashes (`stream/CUSTSTREAM/create`), so the rest of the path is the id.
  app.get('/status/*', async (request) => {
    const commandId = decodeURIComponent((request.params as { '*': string })['*']);
    const status = await engine.status(commandId);
    if (!status) throw new KsqlRestError(ErrorCodes.notFound, `Command not found: ${commandId}`);
    return { status: status.status, message: status.message, queryId: status.queryId };
  });
}
