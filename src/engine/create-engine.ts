import { hostname } from 'node:os';
import type { Logger } from 'pino';
import { startConnectRuntime } from '../../connectors';
import { compileStatement } from '../../sql';
import { connectRedis, createSerdeFactory, kafkajsClient, RedisBackendFactory } from '../../topology';
import { HttpEngineSchemaRegistry } from './adapters/http-schema-registry';
import { KafkaCommandLog } from './adapters/kafka-command-log';
import { KafkaRecords } from './adapters/kafka-records';
import { KafkaTopicAdmin } from './adapters/kafka-topic-admin';
import { RunnerQueryRuntime } from './adapters/runner-query-runtime';
import { RedisStateSize } from './adapters/redis-state-size';
import { WorkerConnect } from './adapters/worker-connect';
import { BrookEngine } from './core/brook-engine';
import type { EngineConfig, RunningEngine } from './engine-port';

/** Engine properties the server starts with (ksqlDB's defaults where Brook follows them). */
const SERVER_PROPERTIES: Readonly<Record<string, string>> = {
  'ksql.persistence.default.format.key': 'KAFKA',
  'auto.offset.reset': 'latest',
};

/**
 * The production engine: Kafka at `bootstrapServers` (command log, topics, queries as consumer
 * groups), the schema registry, Redis for state, and a Kafka Connect worker with its REST API
 * on `connectPort`. Replays the command log before it resolves. `close()` stops queries
 * (keeping their groups and state for the next start), Connect, and every connection.
 */
export async function createEngine(config: EngineConfig, deps: { readonly logger: Logger }): Promise<RunningEngine> {
  const logger = deps.logger.child({ component: 'engine', serviceId: config.serviceId });
  const instanceId = `${hostname()}_${process.pid}`;
  const brokers = config.bootstrapServers.split(',').map((b) => b.trim()).filter((b) => b !== '');
  const kafka = kafkajsClient({ brokers, clientId: `brook-${config.serviceId}`, logger });
  const registry = new HttpEngineSchemaRegistry(config.schemaRegistryUrl);
  const serdes = createSerdeFactory({ schemaRegistry: registry });
  const redis = connectRedis(config.redisUrl);
  const backends = new RedisBackendFactory({ redis, keyPrefix: `brook:${config.serviceId}:` });
  // Pull queries read state other processes write: no read cache, no in-memory key set.
  const stateStores = new RedisBackendFactory({ redis, keyPrefix: backends.keyPrefix, readCacheEntries: 0, keySetLimit: 0 });
  const runtime = new RunnerQueryRuntime({
    serviceId: config.serviceId,
    kafka,
    backends,
    serdes,
    deleteState: async (applicationId) => {
      await backends.deleteApplicationState(applicationId);
    },
    logger,
  });
  const commandLog = new KafkaCommandLog({
    kafka,
    topic: KafkaCommandLog.topicFor(config.serviceId),
    readerGroupId: `_brook-${config.serviceId}-commands-${instanceId}`,
    instanceId,
    logger,
  });
  const records = new KafkaRecords(kafka, `_brook-${config.serviceId}-`);
  const connectRuntime = await startConnectRuntime({
    // One Connect cluster per Brook service: its own group and storage topics.
    workerProps: {
      'bootstrap.servers': brokers.join(','),
      'rest.port': String(config.connectPort),
      'group.id': `${config.serviceId}connect`,
      'config.storage.topic': `${config.serviceId}connect-configs`,
      'offset.storage.topic': `${config.serviceId}connect-offsets`,
      'status.storage.topic': `${config.serviceId}connect-status`,
    },
    port: config.connectPort,
    host: config.connectHost,
    logger: deps.logger.child({ component: 'connect' }),
  });
  const engine = new BrookEngine(
    {
      serviceId: config.serviceId,
      instanceId,
      commandLog,
      topics: new KafkaTopicAdmin(kafka.admin()),
      records,
      registry,
      runtime,
      serdes,
      stateStores,
      stateSize: new RedisStateSize({ redis, keyPrefix: backends.keyPrefix }),
      connect: new WorkerConnect(connectRuntime.worker),
      logger,
      properties: SERVER_PROPERTIES,
    },
    compileStatement,
  );
  await engine.start();
  logger.info({ instanceId }, 'engine started');
  const stopEngine = engine.close.bind(engine);
  return Object.assign(engine, {
    close: async (): Promise<void> => {
      await stopEngine();
      await runtime.close();
      await commandLog.close();
      await records.close();
      await connectRuntime.stop();
      await redis.close();
      await kafka.close();
    },
  });
}
