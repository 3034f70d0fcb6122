import type { ConnectorDefinition } from './medallion-pipeline';

/** A failed call to a Kafka Connect REST API. */
export class ConnectClientError extends Error {
  readonly code = 'CONNECT_REQUEST_FAILED';

  constructor(
    message: string,
    readonly status: number,
    readonly retriable: boolean,
  ) {
    super(message);
    this.name = 'ConnectClientError';
  }
}

export interface ConnectorStatus {
  readonly connector: { readonly state: string };
  readonly tasks: readonly {
    readonly id: number;
    readonly state: string;
    readonly trace?: string;
  }[];
}

/** The few Connect REST calls the demo makes (`/connectors/{name}/config` and `/status`). */
export interface ConnectClient {
  /** Creates or updates the connector (PUT, so running the demo twice is harmless). */
  put(connector: ConnectorDefinition): Promise<void>;
  status(name: string): Promise<ConnectorStatus | undefined>;
  validate(connector: ConnectorDefinition): Promise<{ readonly error_count: number }>;
  remove(name: string): Promise<void>;
}

export function connectClient(baseUrl: string): ConnectClient {
  const base = baseUrl.replace(/\/+$/, '');
  const call = async (method: string, path: string, body?: unknown): Promise<Response> => {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (res.status >= 400 && res.status !== 404) {
      const text = await res.text();
      throw new ConnectClientError(
        `${method} ${path}: ${res.status} ${text}`,
        res.status,
        res.status >= 500,
      );
    }
    return res;
  };
  const encoded = (name: string): string => encodeURIComponent(name);
  return {
    async put(c) {
      await call('PUT', `/connectors/${encoded(c.name)}/config`, c.config);
    },
    async status(name) {
      const res = await call('GET', `/connectors/${encoded(name)}/status`);
      return res.status === 404 ? undefined : ((await res.json()) as ConnectorStatus);
    },
    async validate(c) {
      const className = c.config['connector.class'] ?? '';
      const res = await call(
        'PUT',
        `/connector-plugins/${encoded(className)}/config/validate`,
        // Connect validates `name` with the rest, as in a config file.
        { ...c.config, name: c.name },
      );
      return (await res.json()) as { error_count: number };
    },
    async remove(name) {
      await call('DELETE', `/connectors/${encoded(name)}`);
    },
  };
}
