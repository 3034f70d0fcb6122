import type { EngineConfig } from '../engine/engine-port';

/**
 * `brook server`'s settings: one schema (type, default, doc, environment variable, validation)
 * feeds the command-line options, startup validation and the docs. Defaults fit the local
 * stack (`brook stack up`); docker-compose.yml sets the environment variables.
 */
export interface ServerConfig {
  readonly port: number;
  readonly connectPort: number;
  readonly host: string;
  readonly bootstrapServers: string;
  readonly schemaRegistryUrl: string;
  readonly redisUrl: string;
  readonly postgresUrl: string;
  readonly serviceId: string;
  /** pino level of the server's JSON logs. */
  readonly logLevel: LogLevel;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The engine's part of the server configuration. */
export function engineConfigOf(config: ServerConfig): EngineConfig {
  const {
    bootstrapServers,
    schemaRegistryUrl,
    redisUrl,
    postgresUrl,
    serviceId,
    connectPort,
    host,
  } = config;
  return {
    bootstrapServers,
    schemaRegistryUrl,
    redisUrl,
    postgresUrl,
    serviceId,
    connectPort,
    connectHost: host,
  };
}

type Key = keyof ServerConfig;

export interface ConfigEntry<K extends Key = Key> {
  readonly key: K;
  readonly type: 'port' | 'string' | 'url' | 'logLevel';
  /** The command-line flag, e.g. `--bootstrap-servers`. */
  readonly flag: string;
  readonly env?: string;
  readonly default: ServerConfig[K];
  readonly doc: string;
}

export const serverConfigSchema: readonly ConfigEntry[] = [
  {
    key: 'port',
    type: 'port',
    flag: '--port',
    env: 'BROOK_PORT',
    default: 8088,
    doc: 'Port of the ksqlDB REST API.',
  },
  {
    key: 'connectPort',
    type: 'port',
    flag: '--connect-port',
    env: 'BROOK_CONNECT_PORT',
    default: 8083,
    doc: 'Port of the Kafka Connect REST API.',
  },
  {
    key: 'host',
    type: 'string',
    flag: '--host',
    env: 'BROOK_HOST',
    default: '0.0.0.0',
    doc: 'Address both REST APIs listen on.',
  },
  {
    key: 'bootstrapServers',
    type: 'string',
    flag: '--bootstrap-servers',
    env: 'BROOK_BOOTSTRAP_SERVERS',
    default: '127.0.0.1:9092',
    doc: 'Kafka brokers, host:port[,host:port...].',
  },
  {
    key: 'schemaRegistryUrl',
    type: 'url',
    flag: '--schema-registry-url',
    env: 'BROOK_SCHEMA_REGISTRY_URL',
    default: 'http://127.0.0.1:8081/apis/ccompat/v7',
    doc: 'Confluent-compatible schema registry.',
  },
  {
    key: 'redisUrl',
    type: 'url',
    flag: '--redis-url',
    env: 'BROOK_REDIS_URL',
    default: 'redis://127.0.0.1:6379',
    doc: 'Redis holding the state stores.',
  },
  {
    key: 'postgresUrl',
    type: 'url',
    flag: '--postgres-url',
    env: 'BROOK_POSTGRES_URL',
    default: 'postgres://postgres@127.0.0.1:5432/postgres',
    doc: 'Postgres for connectors and gold tables.',
  },
  {
    key: 'serviceId',
    type: 'string',
    flag: '--service-id',
    env: 'BROOK_SERVICE_ID',
    default: 'default_',
    doc: "ksqlDB's ksql.service.id: servers sharing it share the command topic and queries.",
  },
  {
    key: 'logLevel',
    type: 'logLevel',
    flag: '--log-level',
    env: 'BROOK_LOG_LEVEL',
    default: 'info',
    doc: `Level of the JSON logs on stdout (${LOG_LEVELS.join(', ')}).`,
  },
];

export class ServerConfigError extends Error {
  readonly code = 'INVALID_SERVER_CONFIG';
  readonly retriable = false;

  constructor(
    readonly key: Key,
    readonly value: string,
    reason: string,
  ) {
    super(`Invalid value '${value}' for ${key}: ${reason}`);
    this.name = 'ServerConfigError';
  }
}

/**
 * Resolves every setting: command-line value, else environment variable, else default.
 * Throws `ServerConfigError` for a value that does not validate.
 */
export function resolveServerConfig(
  cli: Readonly<Partial<Record<Key, string | number | undefined>>>,
  env: NodeJS.ProcessEnv,
): ServerConfig {
  const out: Record<string, string | number> = {};
  for (const entry of serverConfigSchema) {
    const raw = cli[entry.key] ?? (entry.env ? env[entry.env] : undefined);
    out[entry.key] = raw === undefined || raw === '' ? entry.default : validate(entry, String(raw));
  }
  return out as unknown as ServerConfig;
}

function validate(entry: ConfigEntry, raw: string): string | number {
  switch (entry.type) {
    case 'port': {
      const port = Number(raw);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new ServerConfigError(entry.key, raw, 'not a port');
      return port;
    }
    case 'url':
      if (!URL.canParse(raw)) throw new ServerConfigError(entry.key, raw, 'not a URL');
      return raw;
    case 'string':
      if (raw.trim() === '') throw new ServerConfigError(entry.key, raw, 'empty');
      return raw;
    case 'logLevel':
      if (!(LOG_LEVELS as readonly string[]).includes(raw)) throw new ServerConfigError(entry.key, raw, `not one of ${LOG_LEVELS.join(', ')}`);
      return raw;
  }
}
