import type { FastifyInstance } from 'fastify';
import { readKsqlRequest } from '../request-body';
import type { RouteContext } from '../route-context';

/** `POST /ksql`: runs a script of statements, answers with one entity per statement. */
export function registerKsqlRoute(app: FastifyInstance, { engine }: RouteContext): void {
  app.post('/ksql', async (request, reply) => {
    const body = readKsqlRequest(request.body);
    const entities = await engine.execute(body.ksql, {
      streamsProperties: body.streamsProperties,
      sessionVariables: body.sessionVariables,
      ...(body.commandSequenceNumber === undefined
        ? {}
        : { commandSequenceNumber: body.commandSequenceNumber }),
    });
    return reply.status(200).send(entities);
  });
}
