import type { EngineInfo, KsqlEntity } from '../engine/engine-port';

/** A failed call to the server: its HTTP status, ksqlDB error code and message (with caret). */
export class KsqlClientError extends Error {
  readonly retriable: boolean;

  constructor(
    readonly status: number,
    readonly errorCode: number,
    message: string,
    /** For statement errors: the entities of the statements that ran before it. */
    readonly entities: readonly KsqlEntity[] = [],
    options: { readonly cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'KsqlClientError';
    this.retriable = status === 0 || status >= 500;
  }
}

export interface RequestScope {
  readonly streamsProperties: Readonly<Record<string, unknown>>;
  readonly sessionVariables: Readonly<Record<string, unknown>>;
}

export interface QueryStreamHeader {
  readonly queryId: string;
  readonly columnNames: readonly string[];
  readonly columnTypes: readonly string[];
}

/** Callbacks of a streamed query; rows arrive parsed (ksqlDB JSON). */
export interface QueryListener {
  header(header: QueryStreamHeader): void;
  row(values: readonly unknown[]): void;
}

export interface KsqlClient {
  readonly serverUrl: string;
  info(): Promise<EngineInfo>;
  ksql(statement: string, scope: RequestScope): Promise<readonly KsqlEntity[]>;
  /** Streams a SELECT from `/query-stream` until it ends or `signal` aborts (then it closes it). */
  query(
    sql: string,
    scope: RequestScope,
    listener: QueryListener,
    signal: AbortSignal,
  ): Promise<void>;
  /** Streams PRINT's text lines from `/query` until it ends or `signal` aborts. */
  print(
    sql: string,
    scope: RequestScope,
    line: (text: string) => void,
    signal: AbortSignal,
  ): Promise<void>;
  closeQuery(queryId: string): Promise<void>;
}

export interface KsqlClientOptions {
  readonly serverUrl: string;
  /** `user:password` for servers with basic authentication. */
  readonly basicAuth?: string;
}

export function ksqlClient(options: KsqlClientOptions): KsqlClient {
  const base = options.serverUrl.replace(/\/+$/, '');
  const headers: Record<string, string> = { 'content-type': 'application/vnd.ksql.v1+json' };
  if (options.basicAuth)
    headers.authorization = `Basic ${Buffer.from(options.basicAuth).toString('base64')}`;

  const send = async (path: string, init: RequestInit): Promise<Response> => {
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, {
        ...init,
        headers: { ...headers, ...(init.headers as Record<string, string>) },
      });
    } catch (err) {
      if ((err as Error).name === 'AbortError') throw err;
      throw new KsqlClientError(
        0,
        0,
        `Could not reach the server at ${base}: ${(err as Error).message}`,
        [],
        { cause: err },
      );
    }
    if (!res.ok) throw await errorOf(res);
    return res;
  };

  return {
    serverUrl: base,
    async info() {
      const res = await send('/info', { method: 'GET' });
      return ((await res.json()) as { KsqlServerInfo: EngineInfo }).KsqlServerInfo;
    },
    async ksql(statement, scope) {
      const res = await send('/ksql', {
        method: 'POST',
        body: JSON.stringify({ ksql: statement, ...scope }),
      });
      return (await res.json()) as KsqlEntity[];
    },
    async query(sql, scope, listener, signal) {
      const body = JSON.stringify({
        sql,
        properties: scope.streamsProperties,
        sessionVariables: scope.sessionVariables,
      });
      const res = await send('/query-stream', {
        method: 'POST',
        body,
        signal,
        headers: { accept: 'application/vnd.ksqlapi.delimited.v1' },
      });
      let queryId: string | undefined;
      try {
        await readLines(res, signal, (line) => {
          const item = JSON.parse(line) as unknown;
          if (Array.isArray(item)) listener.row(item);
          else if (isErrorEntity(item))
            throw new KsqlClientError(
              Math.floor(item.error_code / 100),
              item.error_code,
              item.message,
            );
          else {
            queryId = (item as QueryStreamHeader).queryId;
            listener.header(item as QueryStreamHeader);
          }
        });
      } finally {
        if (signal.aborted && queryId) await this.closeQuery(queryId).catch(() => undefined);
      }
    },
    async print(sql, scope, line, signal) {
      const res = await send('/query', {
        method: 'POST',
        body: JSON.stringify({ ksql: sql, ...scope }),
        signal,
      });
      await readLines(res, signal, line);
    },
    async closeQuery(queryId) {
      await send('/close-query', { method: 'POST', body: JSON.stringify({ queryId }) });
    },
  };
}

async function readLines(
  res: Response,
  signal: AbortSignal,
  onLine: (line: string) => void,
): Promise<void> {
  if (!res.body) return;
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let pending = '';
  try {
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
      pending += decoder.decode(chunk.value as Uint8Array, { stream: true });
      let newline = pending.indexOf('\n');
      while (newline >= 0) {
        const line = pending.slice(0, newline);
        pending = pending.slice(newline + 1);
        if (line.trim() !== '') onLine(line);
        newline = pending.indexOf('\n');
      }
    }
    if (pending.trim() !== '') onLine(pending);
  } catch (err) {
    if (!signal.aborted) throw err;
  } finally {
    reader.releaseLock();
  }
}

function isErrorEntity(item: unknown): item is { error_code: number; message: string } {
  return typeof item === 'object' && item !== null && '@type' in item && 'error_code' in item;
}

async function errorOf(res: Response): Promise<KsqlClientError> {
  const text = await res.text();
  try {
    const body = JSON.parse(text) as {
      error_code?: number;
      message?: string;
      entities?: KsqlEntity[];
    };
    return new KsqlClientError(
      res.status,
      body.error_code ?? res.status * 100,
      body.message ?? text,
      body.entities ?? [],
    );
  } catch {
    return new KsqlClientError(res.status, res.status * 100, text || `HTTP ${res.status}`);
  }
}
