import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { eventually, services } from '../support/services';

/** A `brook server` child process, as users start it. */
export interface ServerProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Every stdout line so far (pino JSON). */
  readonly logs: string[];
  kill9(): Promise<void>;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** Spawns `node bin/brook.js server` and resolves once its REST API answers /info. */
export async function startServer(serviceId: string): Promise<ServerProcess> {
  const [port, connectPort] = [await freePort(), await freePort()];
  const args = [
    join(__dirname, '..', '..', 'bin', 'brook.js'),
    'server',
    '--port',
    String(port),
    '--connect-port',
    String(connectPort),
  ];
  args.push(
    '--service-id',
    serviceId,
    '--host',
    '127.0.0.1',
    '--log-level',
    'info',
    '--bootstrap-servers',
    services.kafkaBrokers.join(','),
  );
  args.push('--redis-url', services.redisUrl, '--schema-registry-url', services.registryUrl);
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const logs: string[] = [];
  let exited = false;
  child.on('exit', () => (exited = true));
  child.stdout
    ?.setEncoding('utf8')
    .on('data', (chunk: string) => logs.push(...chunk.split('\n').filter((l) => l !== '')));
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => logs.push(chunk));
  const url = `http://127.0.0.1:${port}`;
  await eventually(
    `brook server on ${url}`,
    async () => {
      if (exited) throw new Error(`brook server exited: ${logs.slice(-5).join('\n')}`);
      return (await fetch(`${url}/info`).then(
        (r) => r.ok,
        () => false,
      ))
        ? true
        : undefined;
    },
    90_000,
    200,
  );
  const waitExit = (): Promise<void> =>
    exited ? Promise.resolve() : new Promise((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    child,
    logs,
    kill9: async () => {
      child.kill('SIGKILL');
      await waitExit();
    },
    stop: async () => {
      if (exited) return;
      child.kill('SIGTERM');
      await waitExit();
    },
  };
}

/** POST /ksql; throws with the server's message on an error status. */
export async function ksql(
  server: ServerProcess,
  statements: string,
  streamsProperties: Record<string, string> = {},
): Promise<unknown[]> {
  const response = await fetch(`${server.url}/ksql`, {
    method: 'POST',
    headers: { 'content-type': 'application/vnd.ksql.v1+json' },
    body: JSON.stringify({ ksql: statements, streamsProperties }),
  });
  const body: unknown = await response.json();
  if (!response.ok) throw new Error(`/ksql ${response.status}: ${JSON.stringify(body)}`);
  return body as unknown[];
}

/** A pull query over POST /query: the rows' columns. */
export async function pullRows(server: ServerProcess, sql: string): Promise<unknown[][]> {
  const response = await fetch(`${server.url}/query`, {
    method: 'POST',
    headers: { 'content-type': 'application/vnd.ksql.v1+json' },
    body: JSON.stringify({ ksql: sql, streamsProperties: {} }),
  });
  const body = (await response.json()) as {
    row?: { columns: unknown[] };
    errorMessage?: unknown;
  }[];
  if (!response.ok) throw new Error(`/query ${response.status}: ${JSON.stringify(body)}`);
  const failed = body.find((e) => e.errorMessage);
  if (failed) throw new Error(`/query: ${JSON.stringify(failed.errorMessage)}`);
  return body.flatMap((e) => (e.row ? [e.row.columns] : []));
}

/** The value of a per-query gauge in GET /metrics, 0 when absent. */
export async function queryMetric(
  server: ServerProcess,
  metric: string,
  queryId: string,
): Promise<number> {
  const text = await (await fetch(`${server.url}/metrics`)).text();
  const line = text
    .split('\n')
    .find((l) => l.startsWith(`${metric}{`) && l.includes(`query_id="${queryId}"`));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}
