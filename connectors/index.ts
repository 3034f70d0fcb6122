/**
 * Brook's Kafka Connect-compatible runtime: worker, REST API, converters, the JDBC source and
 * sink for Postgres, and the Postgres pool port the rest of the application uses.
 */
import pino, { type Logger } from 'pino';
import { avroConverterPlugin } from './converters/avro-converter';
import { jsonConverterPlugin } from './converters/json-converter';
import { primitiveConverterPlugins } from './converters/primitive-converters';
import { jdbcSourcePlugin } from './jdbc/source/jdbc-source-connector';
import { jdbcSinkPlugin } from './jdbc/sink/jdbc-sink-connector';
import { postgresCdcPlugin } from './cdc';
import { deadLetterPolicy } from './dlq';
import { pgReplicationConnection } from './postgres/cdc-replication-connection';
import { transformationPlugins } from './transforms';
import type { SqlPoolFactory } from './jdbc/sql-client';
import { kafkajsPort } from './kafka';
import type { ErrorPolicyFactory } from './plugins/error-policy';
import { mergeRegistries, pluginRegistry, type PluginRegistry } from './plugins/plugin-registry';
import { pgSqlPool } from './postgres';
import { startConnectServer, type ConnectServer } from './rest/connect-server';
import type { KafkaPort } from './runtime/kafka-port';
import { Worker } from './runtime/worker';
import { workerConfig } from './runtime/worker-config';

export * from './errors';
export * from './data';
export * from './config';
export * from './plugins';
export * from './converters';
export * from './runtime';
export * from './rest';
export * from './jdbc';
export * from './cdc';
export * from './transforms';
export * from './dlq';
export {
  createPgPool,
  parseJdbcUrl,
  pgSqlPool,
  type PgPool,
  type PgQueryable,
  type PgQueryResult,
} from './postgres';
export { kafkajsPort, produceChunks, type KafkajsPortOptions } from './kafka';

/** The converters and connectors Brook ships; more plugins are merged in with `mergeRegistries`. */
export function defaultPlugins(sqlPool: SqlPoolFactory = pgSqlPool): PluginRegistry {
  return pluginRegistry({
    connectors: [
      jdbcSourcePlugin(sqlPool),
      jdbcSinkPlugin(sqlPool),
      postgresCdcPlugin({ sqlPool, replication: pgReplicationConnection }),
    ],
    transformations: transformationPlugins,
    converters: [avroConverterPlugin, jsonConverterPlugin, ...primitiveConverterPlugins],
  });
}

export interface ConnectRuntimeOptions {
  /** Worker properties (Connect's names: bootstrap.servers, group.id, *.storage.topic, rest.port, converters). */
  readonly workerProps?: Readonly<Record<string, string>>;
  readonly plugins?: PluginRegistry;
  readonly logger?: Logger;
  readonly kafka?: KafkaPort;
  readonly errorPolicy?: ErrorPolicyFactory;
  /** Listen on this port instead of `rest.port` (0 picks a free port). */
  readonly port?: number;
  readonly host?: string;
}

export interface ConnectRuntime {
  readonly worker: Worker;
  readonly server: ConnectServer;
  readonly url: string;
  stop(): Promise<void>;
}

/** Starts a worker (reloading connectors from Kafka) and the Connect REST API in front of it. */
export async function startConnectRuntime(
  options: ConnectRuntimeOptions = {},
): Promise<ConnectRuntime> {
  const config = workerConfig(options.workerProps ?? {});
  const logger = options.logger ?? pino({ name: 'brook-connect' });
  const kafka =
    options.kafka ??
    (await kafkajsPort({
      brokers: config.list('bootstrap.servers'),
      clientId: `${config.string('group.id')}-worker`,
    }));
  const plugins = options.plugins ?? defaultPlugins();
  const worker = new Worker({
    kafka,
    plugins,
    config,
    logger,
    errorPolicy: options.errorPolicy ?? deadLetterPolicy,
  });
  await worker.start();
  const server = await startConnectServer({
    worker,
    logger,
    port: options.port ?? config.int('rest.port'),
    ...(options.host ? { host: options.host } : {}),
    kafkaClusterId: await kafka.clusterId(),
  });
  return {
    worker,
    server,
    url: server.url,
    async stop() {
      await server.close();
      await worker.stop();
      if (options.kafka === undefined) await kafka.close();
    },
  };
}

export { mergeRegistries };
