import type { FastifyInstance } from 'fastify';
import type { PrintHandle, QueryHeader, RowQueryHandle } from '../../engine/engine-port';
import { encodeJson } from '../json-encoding';
import { readKsqlRequest } from '../request-body';
import { toErrorResponse } from '../rest-error';
import { onClientGone, writeChunk, type RouteContext } from '../route-context';

type RawResponse = Parameters<typeof writeChunk>[0];

const FINAL_MESSAGES = { LIMIT_REACHED: 'Limit Reached', COMPLETED: 'Query Completed' } as const;

/**
 * `POST /query` (ksqlDB's original streaming endpoint): a chunked JSON array written as it
 * goes, `[{"header":...},\n{"row":...},\n...{"finalMessage":...}]`. PRINT answers with text
 * lines instead, as ksqlDB does.
 */
export function registerQueryRoute(app: FastifyInstance, context: RouteContext): void {
  app.post('/query', async (request, reply) => {
    const body = readKsqlRequest(request.body);
    const handle = await context.engine.query(body.ksql, {
      streamsProperties: body.streamsProperties,
      sessionVariables: body.sessionVariables,
    });
    context.queries.add(handle);
    const queryId = handle.kind === 'rows' ? handle.header.queryId : handle.queryId;
    context.logger.info({ queryId, endpoint: '/query' }, 'query started');
    reply.hijack();
    const res = reply.raw;
    onClientGone(res, () => void handle.close());
    try {
      if (handle.kind === 'print') await streamPrint(res, handle);
      else await streamRows(res, handle);
    } finally {
      context.queries.remove(queryId);
      await handle.close();
      if (!res.writableEnded) res.end();
      context.logger.info({ queryId }, 'query ended');
    }
  });
}

async function streamRows(res: RawResponse, handle: RowQueryHandle): Promise<void> {
  res.writeHead(200, { 'content-type': 'application/json' });
  await writeChunk(
    res,
    `[{"header":${JSON.stringify({ queryId: handle.header.queryId, schema: schemaText(handle.header), ...warnings(handle) })}}`,
  );
  try {
    for await (const row of handle.rows) {
      await writeChunk(res, `,\n{"row":{"columns":${encodeJson(row)}}}`);
    }
    const reason = handle.endReason();
    if (reason === 'LIMIT_REACHED' || reason === 'COMPLETED') {
      await writeChunk(res, `,\n{"finalMessage":${JSON.stringify(FINAL_MESSAGES[reason])}}`);
    }
  } catch (err) {
    await writeChunk(res, `,\n{"errorMessage":${JSON.stringify(toErrorResponse(err).body)}}`);
  }
  await writeChunk(res, ']\n');
}

/** Brook's notes on the query (a pull query ksqlDB would reject), only when there are some. */
export function warnings(handle: RowQueryHandle): { warnings?: readonly string[] } {
  const notes = handle.header.warnings;
  return notes && notes.length > 0 ? { warnings: notes } : {};
}

async function streamPrint(res: RawResponse, handle: PrintHandle): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
  try {
    for await (const line of handle.lines) await writeChunk(res, `${line}\n`);
  } catch (err) {
    await writeChunk(res, `${toErrorResponse(err).body.message}\n`);
  }
}

/** ksqlDB's header schema: "`NOME` STRING, `EMAIL` STRING". */
export function schemaText(header: QueryHeader): string {
  return header.columnNames
    .map((name, i) => `\`${name}\` ${header.columnTypes[i] ?? 'STRING'}`)
    .join(', ');
}
