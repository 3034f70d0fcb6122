import {
  startKsqlServer,
  type BasicAuthOptions,
  type KsqlServerHandle,
} from '../../../../src/server';
import { inMemoryEngine, type InMemoryEngine } from './in-memory-engine';

export interface TestServer {
  readonly engine: InMemoryEngine;
  readonly server: KsqlServerHandle;
}

const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };

/** A REST server on a free local port, backed by the in-memory engine. */
export async function startTestServer(basicAuth?: BasicAuthOptions): Promise<TestServer> {
  const engine = inMemoryEngine();
  const server = await startKsqlServer({
    engine,
    port: 0,
    host: '127.0.0.1',
    logger: silent,
    ...(basicAuth ? { basicAuth } : {}),
  });
  return { engine, server };
}

export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: unknown; text: string }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/vnd.ksql.v1+json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.status, json, text };
}
