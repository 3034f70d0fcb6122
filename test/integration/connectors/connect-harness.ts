import { Kafka, logLevel } from 'kafkajs';
import pino from 'pino';
import {
  AvroConverter,
  JsonConverter,
  createPgPool,
  startConnectRuntime,
  type ConnectRuntime,
  type Converter,
  type PgPool,
} from '../../../connectors';
import { eventually, services, uniqueName } from '../../support/services';

export { eventually, uniqueName, services } from '../../support/services';

export const JDBC_URL = 'jdbc:postgresql://127.0.0.1:5432/postgres';

/** Worker props whose internal topics and groups are unique to `group`. */
export function workerProps(group: string): Record<string, string> {
  return {
    'bootstrap.servers': services.kafkaBrokers.join(','),
    'group.id': group,
    'config.storage.topic': `${group}-configs`,
    'offset.storage.topic': `${group}-offsets`,
    'status.storage.topic': `${group}-status`,
    'value.converter.schema.registry.url': services.registryUrl,
    'key.converter.schema.registry.url': services.registryUrl,
  };
}

export async function startWorker(
  group: string,
  extra: Record<string, string> = {},
): Promise<ConnectRuntime> {
  return startConnectRuntime({
    workerProps: { ...workerProps(group), ...extra },
    port: 0,
    host: '127.0.0.1',
    logger: pino({ level: process.env['BROOK_TEST_LOG'] ?? 'silent' }),
  });
}

export interface HttpAnswer {
  readonly status: number;
  readonly body: unknown;
}

export async function http(
  base: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<HttpAnswer> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: body === undefined ? {} : { 'Content-Type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text === '' ? null : (JSON.parse(text) as unknown) };
}

export function pg(): PgPool {
  return createPgPool(services.postgresUrl);
}

/** A Postgres schema name unique to the test run (lower case, safe unquoted). */
export function schemaFor(label: string): string {
  return uniqueName(label)
    .replace(/[^a-z0-9]/gi, '_')
    .toLowerCase();
}

export function kafka(): Kafka {
  return new Kafka({
    clientId: 'connect-tests',
    brokers: [...services.kafkaBrokers],
    logLevel: logLevel.NOTHING,
  });
}

export function avroValues(): Converter {
  const c = new AvroConverter();
  c.configure({ 'schema.registry.url': services.registryUrl }, false);
  return c;
}

export function jsonValues(schemas: boolean): Converter {
  const c = new JsonConverter();
  c.configure({ 'schemas.enable': String(schemas) });
  return c;
}

/** Reads `topic` from the beginning until `count` records arrived (or times out) and decodes values. */
export async function readValues(
  topic: string,
  count: number,
  converter: Converter = avroValues(),
  timeoutMs = 30_000,
): Promise<unknown[]> {
  await eventually(`topic ${topic}`, async () =>
    (await topicSize(topic).catch(() => -1)) >= 0 ? true : undefined,
  );
  const consumer = kafka().consumer({ groupId: uniqueName(`reader-${topic}`) });
  const values: unknown[] = [];
  await consumer.connect();
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(`only ${values.length}/${count} records on ${topic} after ${timeoutMs} ms`),
          ),
        timeoutMs,
      );
      consumer
        .run({
          eachMessage: async ({ message }) => {
            values.push((await converter.toConnectData(topic, message.value)).value);
            if (values.length >= count) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
  } finally {
    await consumer.disconnect();
  }
  return values;
}

/** Current number of records in a topic (sum of partition end offsets). */
export async function topicSize(topic: string): Promise<number> {
  const admin = kafka().admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((n, p) => n + Number(p.high) - Number(p.low), 0);
  } finally {
    await admin.disconnect();
  }
}

export async function waitForState(
  base: string,
  name: string,
  state: string,
  tasks = 1,
): Promise<unknown> {
  return eventually(`${name} ${state}`, async () => {
    const r = await http(base, 'GET', `/connectors/${name}/status`);
    const body = r.body as { connector?: { state: string }; tasks?: { state: string }[] };
    return body.connector?.state === state &&
      (body.tasks ?? []).filter((t) => t.state === state).length >= tasks
      ? body
      : undefined;
  });
}

/** Creates `topic` (one partition) if needed and produces the records in order. */
export async function produce(
  topic: string,
  records: readonly { key: Buffer | null; value: Buffer | null }[],
): Promise<void> {
  const k = kafka();
  const admin = k.admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
  await admin.disconnect();
  const producer = k.producer();
  await producer.connect();
  await producer.send({ topic, messages: records.map((r) => ({ key: r.key, value: r.value })) });
  await producer.disconnect();
}
