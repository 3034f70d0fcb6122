import {
  engineConfigOf,
  resolveServerConfig,
  ServerConfigError,
  serverConfigSchema,
} from '../../../src/server/server-config';

describe('resolveServerConfig', () => {
  it('defaults to the local stack', () => {
    expect(resolveServerConfig({}, {})).toEqual({
      port: 8088,
      connectPort: 8083,
      host: '0.0.0.0',
      bootstrapServers: '127.0.0.1:9092',
      schemaRegistryUrl: 'http://127.0.0.1:8081/apis/ccompat/v7',
      redisUrl: 'redis://127.0.0.1:6379',
      postgresUrl: 'postgres://postgres@127.0.0.1:5432/postgres',
      serviceId: 'default_',
      logLevel: 'info',
    });
  });

  it('takes a pino log level and rejects an unknown one', () => {
    expect(resolveServerConfig({ logLevel: 'debug' }, {}).logLevel).toBe('debug');
    expect(resolveServerConfig({}, { BROOK_LOG_LEVEL: 'warn' }).logLevel).toBe('warn');
    expect(() => resolveServerConfig({ logLevel: 'loud' }, {})).toThrow(/for logLevel: not one of fatal, error/);
  });

  it('reads the environment variables docker-compose.yml sets', () => {
    const config = resolveServerConfig(
      {},
      {
        BROOK_BOOTSTRAP_SERVERS: 'redpanda:29092',
        BROOK_SCHEMA_REGISTRY_URL: 'http://redpanda:28081',
        BROOK_REDIS_URL: 'redis://redis:6379',
        BROOK_POSTGRES_URL: 'postgres://postgres@postgres:5432/postgres',
        BROOK_SERVICE_ID: 'medallion_',
      },
    );
    expect(config).toMatchObject({
      bootstrapServers: 'redpanda:29092',
      schemaRegistryUrl: 'http://redpanda:28081',
      redisUrl: 'redis://redis:6379',
      postgresUrl: 'postgres://postgres@postgres:5432/postgres',
      serviceId: 'medallion_',
    });
  });

  it('lets command-line flags win over the environment', () => {
    const config = resolveServerConfig(
      { port: '9088', bootstrapServers: 'b:9092' },
      { BROOK_PORT: '7000', BROOK_BOOTSTRAP_SERVERS: 'a:9092' },
    );
    expect(config.port).toBe(9088);
    expect(config.bootstrapServers).toBe('b:9092');
  });

  it('rejects a port that is not one and a URL that does not parse, naming the setting', () => {
    expect(() => resolveServerConfig({ port: '80a' }, {})).toThrow(
      new ServerConfigError('port', '80a', 'not a port'),
    );
    expect(() => resolveServerConfig({}, { BROOK_REDIS_URL: 'not a url' })).toThrow(
      "Invalid value 'not a url' for redisUrl: not a URL",
    );
  });

  it('documents every setting with a flag and an environment variable', () => {
    for (const entry of serverConfigSchema) {
      expect(entry.flag).toMatch(/^--[a-z-]+$/);
      expect(entry.env).toMatch(/^BROOK_[A-Z_]+$/);
      expect(entry.doc.length).toBeGreaterThan(10);
    }
  });

  it('hands the engine its part of the configuration', () => {
    expect(engineConfigOf(resolveServerConfig({ host: '127.0.0.1' }, {}))).toEqual({
      bootstrapServers: '127.0.0.1:9092',
      schemaRegistryUrl: 'http://127.0.0.1:8081/apis/ccompat/v7',
      redisUrl: 'redis://127.0.0.1:6379',
      postgresUrl: 'postgres://postgres@127.0.0.1:5432/postgres',
      serviceId: 'default_',
      connectPort: 8083,
      connectHost: '127.0.0.1',
    });
  });
});
