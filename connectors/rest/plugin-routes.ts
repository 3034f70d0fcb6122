import { text } from '../data/text';
import type { FastifyInstance } from 'fastify';
import { BadRequestError } from '../errors';
import { requireConnectorPlugin } from '../plugins/plugin-registry';
import type { Worker } from '../runtime/worker';

const CONNECT_VERSION = '3.9.0';

/** `/connector-plugins`: list, per-plugin config definitions, and config validation. */
export function registerPluginRoutes(app: FastifyInstance, worker: Worker): void {
  app.get<{ Querystring: { connectorsOnly?: string } }>('/connector-plugins', (request) => {
    const plugins = worker.plugins;
    const connectors = plugins.connectors.map((p) => ({
      class: p.className,
      type: p.kind,
      version: p.version,
    }));
    if ((request.query.connectorsOnly ?? 'true').toLowerCase() !== 'false') return connectors;
    return [
      ...connectors,
      ...plugins.transformations.map((p) => ({
        class: p.className,
        type: 'transformation',
        version: p.version,
      })),
      ...plugins.converters.map((p) => ({
        class: p.className,
        type: 'converter',
        version: CONNECT_VERSION,
      })),
    ];
  });

  app.get<{ Params: { type: string } }>('/connector-plugins/:type/config', (request) => {
    const plugin = requireConnectorPlugin(worker.plugins, request.params.type);
    return plugin.configDef.keys.map((k) => ({
      name: k.name,
      type: k.type,
      required: k.defaultValue === undefined,
      default_value:
        k.defaultValue === undefined || k.defaultValue === null
          ? null
          : Array.isArray(k.defaultValue)
            ? k.defaultValue.join(',')
            : String(k.defaultValue),
      importance: k.importance,
      documentation: k.documentation,
      group: k.group ?? null,
      width: k.width ?? 'NONE',
      display_name: k.displayName ?? k.name,
      dependents: k.dependents ?? [],
      order: k.orderInGroup ?? -1,
    }));
  });

  app.put<{ Params: { type: string }; Body: unknown }>(
    '/connector-plugins/:type/config/validate',
    async (request) => {
      const body = request.body;
      if (body === null || typeof body !== 'object' || Array.isArray(body))
        throw new BadRequestError('Request body must be a JSON object of connector configs');
      const props = body as Record<string, unknown>;
      const bodyClass = props['connector.class'];
      const plugin = requireConnectorPlugin(worker.plugins, request.params.type);
      if (
        bodyClass !== undefined &&
        requireConnectorPlugin(worker.plugins, text(bodyClass)) !== plugin
      ) {
        throw new BadRequestError(
          'Connector class in the request body does not match the connector type in the URL',
        );
      }
      return worker.validate(plugin.className, { ...props, 'connector.class': plugin.className });
    },
  );
}
