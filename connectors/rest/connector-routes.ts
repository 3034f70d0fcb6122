import { text } from '../data/text';
import type { FastifyInstance } from 'fastify';
import { BadRequestError } from '../errors';
import type { SourceOffset, SourcePartition } from '../plugins/source-connector';
import type { Worker } from '../runtime/worker';

type NameParams = { name: string };
type TaskParams = { name: string; task: string };

function flag(value: unknown): boolean {
  return text(value ?? 'false').toLowerCase() === 'true';
}

function asList(value: unknown): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value.map(String) : [text(value)];
}

function taskId(params: TaskParams): number {
  const id = Number(params.task);
  if (!Number.isInteger(id) || id < 0) throw new BadRequestError(`Invalid task id ${params.task}`);
  return id;
}

function configBody(body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw new BadRequestError('Request body must be a JSON object of connector configs');
  return body as Record<string, unknown>;
}

/** `/connectors` and its sub-resources, with Connect's status codes and JSON shapes. */
export function registerConnectorRoutes(app: FastifyInstance, worker: Worker): void {
  app.get<{ Querystring: { expand?: string | string[] } }>('/connectors', (request) => {
    const expand = asList(request.query.expand);
    const names = worker.connectorNames();
    if (expand.length === 0) return names;
    return Object.fromEntries(
      names.map((name) => [
        name,
        {
          ...(expand.includes('status') ? { status: worker.status(name) } : {}),
          ...(expand.includes('info') ? { info: worker.info(name) } : {}),
        },
      ]),
    );
  });

  app.post<{ Body: { name?: unknown; config?: unknown; initial_state?: unknown } }>(
    '/connectors',
    async (request, reply) => {
      const body = request.body ?? {};
      const name = typeof body.name === 'string' ? body.name.trim() : '';
      if (name === '') throw new BadRequestError('Connector name cannot be empty');
      if (/[\\/]/.test(name))
        throw new BadRequestError(
          `Connector name ${name} contains a character that is not allowed`,
        );
      const config = configBody(body.config ?? {});
      if (config['name'] !== undefined && text(config['name']) !== name) {
        throw new BadRequestError(
          `Connector name configuration (${text(config['name'])}) doesn't match connector name in the URL (${name})`,
        );
      }
      const initial = body.initial_state === undefined ? 'RUNNING' : text(body.initial_state);
      const target =
        initial === 'PAUSED' ? 'PAUSED' : initial === 'STOPPED' ? 'STOPPED' : 'STARTED';
      const { info } = await worker.putConnector(name, config, false, target);
      return reply.status(201).send(info);
    },
  );

  app.get<{ Params: NameParams }>('/connectors/:name', (request) =>
    worker.info(request.params.name),
  );
  app.get<{ Params: NameParams }>('/connectors/:name/config', (request) =>
    worker.config(request.params.name),
  );

  app.put<{ Params: NameParams; Body: unknown }>(
    '/connectors/:name/config',
    async (request, reply) => {
      const { name } = request.params;
      const config = configBody(request.body);
      if (config['name'] !== undefined && text(config['name']) !== name) {
        throw new BadRequestError(
          `Connector name configuration (${text(config['name'])}) doesn't match connector name in the URL (${name})`,
        );
      }
      const { created, info } = await worker.putConnector(name, config, true);
      return reply.status(created ? 201 : 200).send(info);
    },
  );

  app.delete<{ Params: NameParams }>('/connectors/:name', async (request, reply) => {
    await worker.deleteConnector(request.params.name);
    return reply.status(204).send();
  });

  app.get<{ Params: NameParams }>('/connectors/:name/status', (request) =>
    worker.status(request.params.name),
  );

  app.post<{ Params: NameParams; Querystring: { includeTasks?: string; onlyFailed?: string } }>(
    '/connectors/:name/restart',
    async (request, reply) => {
      const { name } = request.params;
      const includeTasks = flag(request.query.includeTasks);
      const onlyFailed = flag(request.query.onlyFailed);
      const before = worker.status(name);
      if (!includeTasks && !onlyFailed) {
        await worker.restart(name, false, false);
        return reply.status(204).send();
      }
      const restartConnector = !onlyFailed || before.connector.state === 'FAILED';
      const answer = {
        ...before,
        connector: restartConnector
          ? { ...before.connector, state: 'RESTARTING' }
          : before.connector,
        tasks: before.tasks.map((t) =>
          includeTasks && (!onlyFailed || t.state === 'FAILED') ? { ...t, state: 'RESTARTING' } : t,
        ),
      };
      await worker.restart(name, includeTasks, onlyFailed);
      return reply.status(202).send(answer);
    },
  );

  app.put<{ Params: NameParams }>('/connectors/:name/pause', async (request, reply) => {
    await worker.setTarget(request.params.name, 'PAUSED');
    return reply.status(202).send();
  });
  app.put<{ Params: NameParams }>('/connectors/:name/resume', async (request, reply) => {
    await worker.setTarget(request.params.name, 'STARTED');
    return reply.status(202).send();
  });
  app.put<{ Params: NameParams }>('/connectors/:name/stop', async (request, reply) => {
    await worker.setTarget(request.params.name, 'STOPPED');
    return reply.status(204).send();
  });

  app.get<{ Params: NameParams }>('/connectors/:name/tasks', (request) =>
    worker.tasks(request.params.name),
  );
  app.get<{ Params: TaskParams }>('/connectors/:name/tasks/:task/status', (request) =>
    worker.taskStatus(request.params.name, taskId(request.params)),
  );
  app.post<{ Params: TaskParams }>(
    '/connectors/:name/tasks/:task/restart',
    async (request, reply) => {
      await worker.restartTask(request.params.name, taskId(request.params));
      return reply.status(204).send();
    },
  );

  app.get<{ Params: NameParams }>('/connectors/:name/topics', (request) => ({
    [request.params.name]: { topics: worker.activeTopics(request.params.name) },
  }));
  app.put<{ Params: NameParams }>('/connectors/:name/topics/reset', async (request, reply) => {
    await worker.resetActiveTopics(request.params.name);
    return reply.status(200).send();
  });

  registerOffsetRoutes(app, worker);
}

function registerOffsetRoutes(app: FastifyInstance, worker: Worker): void {
  app.get<{ Params: NameParams }>('/connectors/:name/offsets', async (request) => ({
    offsets: await worker.offsets(request.params.name),
  }));

  app.patch<{ Params: NameParams; Body: { offsets?: unknown } }>(
    '/connectors/:name/offsets',
    async (request) => {
      const offsets = request.body?.offsets;
      if (!Array.isArray(offsets) || offsets.length === 0)
        throw new BadRequestError(
          'Partitions / offsets need to be provided for an alter offsets request',
        );
      const entries = offsets.map((e: { partition?: unknown; offset?: unknown }) => {
        if (
          e === null ||
          typeof e !== 'object' ||
          e.partition === null ||
          typeof e.partition !== 'object'
        )
          throw new BadRequestError('Each offset entry needs a "partition" object');
        return {
          partition: e.partition as SourcePartition,
          offset: (e.offset ?? null) as SourceOffset | null,
        };
      });
      await worker.changeOffsets(request.params.name, entries);
      return { message: 'The offsets for this connector have been altered successfully' };
    },
  );

  app.delete<{ Params: NameParams }>('/connectors/:name/offsets', async (request) => {
    await worker.changeOffsets(request.params.name, null);
    return { message: 'The offsets for this connector have been reset successfully' };
  });
}
