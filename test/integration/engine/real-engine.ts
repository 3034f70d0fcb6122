import { Type } from 'avsc';
import { compileStatement } from '../../../sql';
import { createSerdeFactory, kafkajsClient, type KafkaClientPort } from '../../../topology';
import { connectRedis, RedisBackendFactory } from '../../../topology/state/redis';
import {
  BrookEngine,
  HttpEngineSchemaRegistry,
  KafkaCommandLog,
  KafkaRecords,
  KafkaTopicAdmin,
  prefixedTopicNames,
  RunnerQueryRuntime,
  type TopicNameMapper,
} from '../../../src/engine';
import { services } from '../../support/services';

/** The real services one test run shares: Kafka, the registry and Redis, under a topic prefix. */
export interface RealWorld {
  readonly kafka: KafkaClientPort;
  readonly registry: HttpEngineSchemaRegistry;
  readonly names: TopicNameMapper;
  readonly redis: ReturnType<typeof connectRedis>;
  close(): Promise<void>;
}

export function realWorld(runId: string): RealWorld {
  const kafka = kafkajsClient({ brokers: services.kafkaBrokers, clientId: `it-engine-${runId}` });
  const redis = connectRedis(services.redisUrl);
  return {
    kafka,
    registry: new HttpEngineSchemaRegistry(services.registryUrl),
    names: prefixedTopicNames(`it-${runId}-`),
    redis,
    close: async () => {
      await redis.close();
      await kafka.close();
    },
  };
}

/** An engine over the real services, as `createEngine` wires it (without Connect). */
export async function startRealEngine(world: RealWorld, serviceId: string, instanceId: string): Promise<{ engine: BrookEngine; backends: RedisBackendFactory; close(): Promise<void> }> {
  const serdes = createSerdeFactory({ schemaRegistry: world.registry });
  const backends = new RedisBackendFactory({ redis: world.redis, keyPrefix: `brook-it:${serviceId}:` });
  const stateStores = new RedisBackendFactory({ redis: world.redis, keyPrefix: backends.keyPrefix, readCacheEntries: 0, keySetLimit: 0 });
  const runtime = new RunnerQueryRuntime({
    serviceId,
    kafka: world.kafka,
    backends,
    serdes,
    deleteState: async (id) => {
      await backends.deleteApplicationState(id);
    },
    logger: quiet,
    topicNames: world.names,
    properties: { 'commit.interval.ms': '200' },
  });
  const commandLog = new KafkaCommandLog({
    kafka: world.kafka,
    topic: KafkaCommandLog.topicFor(serviceId),
    readerGroupId: `_brook-${serviceId}-commands-${instanceId}`,
    instanceId,
    logger: quiet,
  });
  const records = new KafkaRecords(world.kafka, `_brook-${serviceId}-`, world.names);
  const engine = new BrookEngine(
    {
      serviceId,
      instanceId,
      commandLog,
      topics: new KafkaTopicAdmin(world.kafka.admin(), world.names),
      records,
      registry: world.registry,
      runtime,
      serdes,
      stateStores,
      topicNames: world.names,
      properties: { 'ksql.persistence.default.format.key': 'KAFKA' },
    },
    compileStatement,
  );
  await engine.start();
  return {
    engine,
    backends,
    close: async () => {
      await engine.close();
      await commandLog.close();
      await records.close();
    },
  };
}

const quiet = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

/** The value schema Connect's JDBC source registers for seed 003's `customers` table. */
export const CUSTOMERS_SCHEMA = {
  type: 'record',
  name: 'customers',
  fields: [
    { name: 'nome', type: ['null', 'string'], default: null },
    { name: 'telefone', type: ['null', 'string'], default: null },
    { name: 'email', type: ['null', 'string'], default: null },
    { name: 'nascimento', type: ['null', 'long'], default: null },
    { name: 'dt_update', type: ['null', 'long'], default: null },
  ],
  'connect.name': 'customers',
};

export interface Customer {
  readonly nome: string;
  readonly telefone: string;
  readonly email: string;
  readonly nascimento: number;
  readonly dt_update: number;
}

/** Confluent wire format: magic byte, schema id, Avro binary. */
export function avroRecord(schemaId: number, customer: Customer): Buffer {
  const type = Type.forSchema(CUSTOMERS_SCHEMA as never, { wrapUnions: false });
  const header = Buffer.alloc(5);
  header.writeInt32BE(schemaId, 1);
  return Buffer.concat([header, type.toBuffer(customer)]);
}

export function customer(n: number): Customer {
  return {
    nome: `Cliente ${n}`,
    telefone: `+55-11-9000-${String(n).padStart(4, '0')}`,
    email: `cliente${n}@example.org`,
    nascimento: n * 86_400_000,
    dt_update: 1_618_269_963_655 + n,
  };
}
