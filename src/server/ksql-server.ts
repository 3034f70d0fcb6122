import type { Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { ErrorCodes, type EnginePort, type ErrorCode } from '../engine/engine-port';
import { activeQueries } from './active-queries';
import { isAuthorized, type BasicAuthOptions } from './basic-auth';
import { createDualProtocolServer, type DualProtocolHandler } from './dual-protocol-server';
import { parseJsonBody } from './request-body';
import { genericError, toErrorResponse } from './rest-error';
import type { RouteContext, ServerLogger } from './route-context';
import { registerKsqlRoute } from './routes/ksql-route';
import { registerMetricsRoute } from './routes/metrics-route';
import { registerQueryRoute } from './routes/query-route';
import { registerQueryStreamRoutes } from './routes/query-stream-route';
import { registerServerInfoRoutes } from './routes/server-info-routes';

export interface KsqlServerOptions {
  readonly engine: EnginePort;
  /** 8088 as ksqlDB; 0 picks a free port (tests). */
  readonly port: number;
  readonly host: string;
  readonly basicAuth?: BasicAuthOptions;
  readonly logger: ServerLogger;
}

export interface KsqlServerHandle {
  /** `http://host:port`, with the port actually bound. */
  readonly url: string;
  readonly port: number;
  /** Ends running queries, then stops listening and drops open connections. */
  close(): Promise<void>;
}

/**
 * The ksqlDB-compatible REST server: HTTP/1.1 and cleartext HTTP/2 on one port, ksqlDB's
 * request and response shapes, and its error entities for everything that fails.
 */
export async function startKsqlServer(options: KsqlServerOptions): Promise<KsqlServerHandle> {
  const context: RouteContext = {
    engine: options.engine,
    queries: activeQueries(),
    logger: options.logger,
  };
  const app = Fastify({
    logger: false,
    // Scripts sent to /ksql can be long; ksqlDB accepts them.
    bodyLimit: 32 * 1024 * 1024,
    // Fastify drives the HTTP/2 compatibility request objects with its HTTP/1.1 code paths.
    serverFactory: (handler) =>
      createDualProtocolServer(handler as DualProtocolHandler) as unknown as HttpServer,
  });
  installBodyParsing(app);
  installVersionedMediaType(app);
  installErrorHandling(app, options.logger);
  if (options.basicAuth) installBasicAuth(app, options.basicAuth);
  registerKsqlRoute(app, context);
  registerQueryRoute(app, context);
  registerQueryStreamRoutes(app, context);
  registerServerInfoRoutes(app, context);
  registerMetricsRoute(app, context);
  await app.listen({ port: options.port, host: options.host });
  const port = (app.server.address() as AddressInfo).port;
  const url = `http://${options.host.includes(':') ? `[${options.host}]` : options.host}:${port}`;
  options.logger.info({ url }, 'ksqlDB REST server listening');
  return {
    url,
    port,
    async close() {
      await context.queries.closeAll();
      await app.close();
    },
  };
}

/** ksqlDB takes its versioned media types and plain JSON; any body is read as JSON. */
function installBodyParsing(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, parseJsonBody(body as string));
    } catch (err) {
      done(err as Error, undefined);
    }
  });
  // Fastify leaves a body without Content-Type unread; ksqlDB's clients do not always send one.
  app.addHook('preValidation', async (request) => {
    if (request.body !== undefined || request.headers['content-type'] !== undefined) return;
    if (request.method !== 'POST') return;
    const chunks: Buffer[] = [];
    for await (const chunk of request.raw) chunks.push(Buffer.from(chunk as Uint8Array));
    request.body = parseJsonBody(Buffer.concat(chunks).toString('utf8'));
  });
}

const KSQL_MEDIA_TYPE = 'application/vnd.ksql.v1+json';

/** Clients that ask for ksqlDB's versioned media type get their JSON labelled with it. */
function installVersionedMediaType(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const type = String(reply.getHeader('content-type') ?? '');
    if (request.headers.accept?.includes(KSQL_MEDIA_TYPE) && type.startsWith('application/json')) {
      void reply.header('content-type', KSQL_MEDIA_TYPE);
    }
    return payload;
  });
}

function installErrorHandling(app: FastifyInstance, logger: ServerLogger): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const mapped =
      typeof error.statusCode === 'number' && error.code?.startsWith('FST_')
        ? genericError(fastifyErrorCode(error.statusCode), error.message)
        : toErrorResponse(error);
    if (mapped.status >= 500) logger.error({ err: error, url: request.url }, 'request failed');
    return reply.status(mapped.status).send(mapped.body);
  });
  app.setNotFoundHandler((request, reply) => {
    const { status, body } = genericError(
      ErrorCodes.notFound,
      `Not found: ${request.method} ${request.url}`,
    );
    return reply.status(status).send(body);
  });
}

function fastifyErrorCode(status: number): ErrorCode {
  if (status === 404) return ErrorCodes.notFound;
  if (status === 406) return ErrorCodes.notAcceptable;
  if (status >= 500) return ErrorCodes.serverError;
  return ErrorCodes.badRequest;
}

function installBasicAuth(app: FastifyInstance, auth: BasicAuthOptions): void {
  const skip = new Set(auth.skipPaths ?? []);
  app.addHook('onRequest', async (request, reply) => {
    if (skip.has(request.url.split('?')[0] ?? '')) return;
    if (isAuthorized(auth, request.headers.authorization)) return;
    const { status, body } = genericError(ErrorCodes.unauthorized, 'Unauthorized');
    await reply
      .status(status)
      .header('www-authenticate', `Basic realm="${auth.realm ?? 'KsqlServer'}"`)
      .send(body);
  });
}
