import type { FastifyInstance } from 'fastify';
import { ErrorCodes, type RowQueryHandle } from '../../engine/engine-port';
import { encodeJson } from '../json-encoding';
import { readCloseQueryRequest, readQueryStreamRequest } from '../request-body';
import { KsqlRestError, toErrorResponse } from '../rest-error';
import { onClientGone, writeChunk, type RouteContext } from '../route-context';
import { warnings } from './query-route';

export const DELIMITED_CONTENT_TYPE = 'application/vnd.ksqlapi.delimited.v1';

type RawResponse = Parameters<typeof writeChunk>[0];

/**
 * `POST /query-stream` (ksqlDB's HTTP/2 API, served on HTTP/1.1 too) and `POST /close-query`.
 * The default answer is delimited: a header object, then one JSON array per row, one a line;
 * `Accept: application/json` gets the same items as one JSON array.
 */
export function registerQueryStreamRoutes(app: FastifyInstance, context: RouteContext): void {
  app.post('/query-stream', async (request, reply) => {
    const body = readQueryStreamRequest(request.body);
    const json = prefersJson(request.headers.accept);
    const handle = await context.engine.query(body.sql, {
      streamsProperties: body.properties,
      sessionVariables: body.sessionVariables,
    });
    if (handle.kind === 'print') {
      await handle.close();
      throw new KsqlRestError(
        ErrorCodes.queryEndpoint,
        'PRINT statements must be issued to the /query endpoint',
      );
    }
    context.queries.add(handle);
    context.logger.info(
      { queryId: handle.header.queryId, endpoint: '/query-stream' },
      'query started',
    );
    reply.hijack();
    const res = reply.raw;
    onClientGone(res, () => void handle.close());
    try {
      await streamRows(res, handle, json);
    } finally {
      context.queries.remove(handle.header.queryId);
      await handle.close();
      if (!res.writableEnded) res.end();
      context.logger.info(
        { queryId: handle.header.queryId, endReason: handle.endReason() },
        'query ended',
      );
    }
  });

  app.post('/close-query', async (request, reply) => {
    const queryId = readCloseQueryRequest(request.body);
    const handle = context.queries.get(queryId);
    if (handle) await handle.close();
    else await context.engine.closeQuery(queryId);
    return reply.status(200).send();
  });
}

async function streamRows(res: RawResponse, handle: RowQueryHandle, json: boolean): Promise<void> {
  res.writeHead(200, { 'content-type': json ? 'application/json' : DELIMITED_CONTENT_TYPE });
  const { queryId, columnNames, columnTypes } = handle.header;
  const header = JSON.stringify({ queryId, columnNames, columnTypes, ...warnings(handle) });
  // Delimited: every item ends its line, so a client sees each row as soon as it is written.
  const item = json
    ? (text: string): string => `,\n${text}`
    : (text: string): string => `${text}\n`;
  await writeChunk(res, json ? `[${header}` : `${header}\n`);
  try {
    for await (const row of handle.rows) await writeChunk(res, item(encodeJson(row)));
  } catch (err) {
    await writeChunk(res, item(JSON.stringify(toErrorResponse(err).body)));
  }
  if (json) await writeChunk(res, ']\n');
}

/** The delimited format is ksqlDB's default; JSON only when asked for in preference to it. */
function prefersJson(accept: string | undefined): boolean {
  if (!accept) return false;
  const ranked = accept
    .split(',')
    .map((part) => {
      const [type = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      return { type: type.trim().toLowerCase(), q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((entry) => entry.type === DELIMITED_CONTENT_TYPE || entry.type === 'application/json')
    .sort((a, b) => b.q - a.q);
  return ranked[0]?.type === 'application/json';
}
