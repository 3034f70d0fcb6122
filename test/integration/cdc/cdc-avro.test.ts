import * as avro from 'avsc';
import type { Consumer } from 'kafkajs';
import type { ConnectRuntime } from '../../../connectors';
import {
  cdcProps,
  cdcScope,
  ensureTopics,
  eventually,
  http,
  kafka,
  putConnector,
  startWorker,
  uniqueName,
  waitRunning,
  type CdcScope,
} from './cdc-harness';

jest.setTimeout(90_000);

const REGISTRY_URL = 'http://127.0.0.1:8081/apis/ccompat/v7';
const AVRO = 'io.confluent.connect.avro.AvroConverter';

let scope: CdcScope;
let runtime: ConnectRuntime;
let consumer: Consumer;
const raw: { key: Buffer | null; value: Buffer | null }[] = [];

beforeAll(async () => {
  scope = await cdcScope('cdc-avro');
  await scope.db.query(
    `CREATE TABLE ${scope.schema}.items (id int PRIMARY KEY, name text NOT NULL, price numeric(10,2))`,
  );
  runtime = await startWorker(uniqueName('cdc-avro-worker'));
  await putConnector(
    runtime.url,
    `${scope.prefix}-src`,
    cdcProps(scope, {
      'snapshot.mode': 'never',
      'key.converter': AVRO,
      'key.converter.schema.registry.url': REGISTRY_URL,
      'value.converter': AVRO,
      'value.converter.schema.registry.url': REGISTRY_URL,
    }),
  );
  await waitRunning(runtime.url, `${scope.prefix}-src`);
  consumer = kafka().consumer({ groupId: uniqueName('cdc-avro-reader'), maxWaitTimeInMs: 100 });
  await consumer.connect();
  const topic = `${scope.prefix}.${scope.schema}.items`;
  await ensureTopics([topic]);
  await consumer.subscribe({ topics: [topic], fromBeginning: true });
  await consumer.run({
    eachMessage: ({ message }) => {
      raw.push({ key: message.key, value: message.value });
      return Promise.resolve();
    },
  });
});

afterAll(async () => {
  await consumer?.disconnect();
  await runtime?.stop();
  await scope?.cleanup();
});

test('a topic prefix with dashes streams insert, update and delete as registry-decodable Avro', async () => {
  const table = `${scope.schema}.items`;
  await scope.db.query(`INSERT INTO ${table} VALUES (1, 'apple', 1.50)`);
  await scope.db.query(`UPDATE ${table} SET name = 'pear' WHERE id = 1`);
  await scope.db.query(`DELETE FROM ${table} WHERE id = 1`);
  const records = await eventually(
    'four Avro records (c, u, d, tombstone)',
    async () => {
      const status = await http(runtime.url, 'GET', `/connectors/${scope.prefix}-src/status`);
      const task = (status.body as { tasks?: { state: string; trace?: string }[] }).tasks?.[0];
      if (task?.state === 'FAILED') throw new Error(`task failed: ${task.trace}`);
      return raw.length >= 4 ? raw.slice(0, 4) : undefined;
    },
    60_000,
    50,
  );
  // Debezium's ts_ns and lsn exceed 2^53, so the independent decoder reads longs as bigints.
  const long = avro.types.LongType.__with({
    fromBuffer: (buf: Buffer) => buf.readBigInt64LE(),
    toBuffer: (n: bigint) => {
      const buf = Buffer.alloc(8);
      buf.writeBigInt64LE(n);
      return buf;
    },
    fromJSON: (n: unknown) => BigInt(n as number),
    toJSON: (n: bigint) => Number(n),
    isValid: (n: unknown) => typeof n === 'bigint',
    compare: (a: bigint, b: bigint) => (a === b ? 0 : a < b ? -1 : 1),
  });
  const schemas = new Map<number, string>();
  const decode = async (bytes: Buffer | null) => {
    if (bytes === null) return null;
    expect(bytes[0]).toBe(0);
    const id = bytes.readUInt32BE(1);
    let schema = schemas.get(id);
    if (schema === undefined) {
      const r = await http(REGISTRY_URL, 'GET', `/schemas/ids/${id}`);
      schema = (r.body as { schema: string }).schema;
      schemas.set(id, schema);
    }
    const type = avro.Type.forSchema(JSON.parse(schema) as avro.Schema, { registry: { long } });
    return type.fromBuffer(bytes.subarray(5)) as Record<string, unknown>;
  };
  const decoded = [];
  for (const r of records) decoded.push({ key: await decode(r.key), value: await decode(r.value) });
  const [c, u, d, tombstone] = decoded;
  expect(c!.key).toEqual({ id: 1 });
  expect(c!.value).toMatchObject({ op: 'c', before: null, after: { id: 1, name: 'apple' } });
  expect((c!.value!['source'] as Record<string, unknown>)['snapshot']).toBe('false');
  expect(u!.value).toMatchObject({ op: 'u', after: { id: 1, name: 'pear' } });
  expect(d!.value).toMatchObject({ op: 'd', before: { id: 1 }, after: null });
  expect(tombstone).toEqual({ key: { id: 1 }, value: null });

  const [schema] = [...schemas.values()].filter((t) => t.includes('Envelope'));
  expect(schema).toContain(`"${scope.prefix.replace(/-/g, '_')}.${scope.schema}.items.Value"`);
});
