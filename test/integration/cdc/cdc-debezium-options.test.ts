import {
  cdcProps,
  cdcScope,
  http,
  payload,
  putConnector,
  startWorker,
  TopicReader,
  uniqueName,
  waitRunning,
  type CdcScope,
  type TopicRecord,
} from './cdc-harness';
import type { ConnectRuntime } from '../../../connectors';

jest.setTimeout(90_000);

let scope: CdcScope;
let runtime: ConnectRuntime;
let reader: TopicReader;
const topic = (table: string) => `${scope.prefix}.${scope.schema}.${table}`;

beforeAll(async () => {
  scope = await cdcScope('cdc-opts');
  const s = scope.schema;
  // hstore is database-wide; it is left installed because concurrent runs may be using it.
  await scope.db.query('CREATE EXTENSION IF NOT EXISTS hstore').catch(() => undefined);
  await scope.db.query(`CREATE TYPE ${s}.mood AS ENUM ('sad', 'ok', 'happy')`);
  await scope.db.query(
    `CREATE TABLE ${s}.customers (id int PRIMARY KEY, email text NOT NULL, password text, bio text)`,
  );
  await scope.db.query(`CREATE TABLE ${s}.events (a int, b text, c text)`);
  await scope.db.query(`ALTER TABLE ${s}.events REPLICA IDENTITY FULL`);
  await scope.db.query(
    `CREATE TABLE ${s}.moods (id int PRIMARY KEY, m ${s}.mood, ms ${s}.mood[], attrs public.hstore)`,
  );
  await scope.db.query(
    `INSERT INTO ${s}.customers VALUES (1, 'ann@example.com', 'secret', 'Snapshot bio')`,
  );
  runtime = await startWorker(uniqueName('cdc-opts-worker'));
  reader = await TopicReader.open(
    [topic('customers'), topic('events'), topic('moods'), `${scope.prefix}.transaction`],
    uniqueName('cdc-opts-reader'),
  );
  await putConnector(
    runtime.url,
    `${scope.prefix}-src`,
    cdcProps(scope, {
      'snapshot.mode': 'initial',
      'message.key.columns': `${s}.customers:email;${s}.events:a,b`,
      'column.exclude.list': `${s}\\.customers\\.password`,
      'column.mask.with.4.chars': `${s}.customers.bio`,
      'provide.transaction.metadata': 'true',
    }),
  );
  await waitRunning(runtime.url, `${scope.prefix}-src`);
});

afterAll(async () => {
  await reader?.close();
  await runtime?.stop();
  await scope?.cleanup();
});

const source = (r: TopicRecord) => payload(r.value)['source'] as { table: string };
const ofTable = (table: string) =>
  reader.records.filter(
    (r) => r.value !== null && 'source' in payload(r.value) && source(r).table === table,
  );
const keyOf = (r: TopicRecord) => (r.key as { payload: unknown }).payload;

test('snapshot and streaming records are keyed by message.key.columns and lose excluded columns', async () => {
  const s = scope.schema;
  await scope.db.query(
    `INSERT INTO ${s}.customers VALUES (2, 'bob@example.com', 'pw', 'Hi there')`,
  );
  const [r, c] = await reader.until('customer events', () => {
    const rs = ofTable('customers');
    return rs.length >= 2 ? rs : undefined;
  });
  expect(payload(r!.value)['op']).toBe('r');
  expect(keyOf(r!)).toEqual({ email: 'ann@example.com' });
  expect(payload(r!.value)['after']).toEqual({ id: 1, email: 'ann@example.com', bio: '****' });
  expect(keyOf(c!)).toEqual({ email: 'bob@example.com' });
  expect(payload(c!.value)['after']).toEqual({ id: 2, email: 'bob@example.com', bio: '****' });
  const key = c!.key as { schema: { name: string; fields: { field: string }[] } };
  expect(key.schema.name).toBe(`${topic('customers')}.Key`);
  expect(key.schema.fields.map((f) => f.field)).toEqual(['email']);
  const value = c!.value as {
    schema: { fields: { field: string; fields?: { field: string }[] }[] };
  };
  expect(value.schema.fields[1]!.fields!.map((f) => f.field)).toEqual(['id', 'email', 'bio']);
});

test('a table without a primary key gets its key from message.key.columns', async () => {
  const s = scope.schema;
  await scope.db.query(`INSERT INTO ${s}.events VALUES (1, 'x', 'first')`);
  await scope.db.query(`UPDATE ${s}.events SET c = 'second' WHERE a = 1`);
  await scope.db.query(`UPDATE ${s}.events SET b = 'y' WHERE a = 1`);
  const events = await reader.until('events', () => {
    const rs = ofTable('events');
    return rs.length >= 4 ? rs : undefined;
  });
  expect(events.map((e) => [payload(e.value)['op'], keyOf(e)])).toEqual([
    ['c', { a: 1, b: 'x' }],
    ['u', { a: 1, b: 'x' }],
    // Changing a key column moves the row to another key: a delete and a create, as in Debezium.
    ['d', { a: 1, b: 'x' }],
    ['c', { a: 1, b: 'y' }],
  ]);
  const tombstone = reader.records.find(
    (r) => r.value === null && JSON.stringify(keyOf(r)) === JSON.stringify({ a: 1, b: 'x' }),
  );
  expect(tombstone).toBeDefined();
});

test('enum, enum array and hstore columns stream with Debezium schemas', async () => {
  const s = scope.schema;
  await scope.db.query(
    `INSERT INTO ${s}.moods VALUES (1, 'happy', '{sad,ok}', '"k"=>"v", "n"=>NULL')`,
  );
  const [m] = await reader.until('moods', () => {
    const rs = ofTable('moods');
    return rs.length >= 1 ? rs : undefined;
  });
  expect(payload(m!.value)['after']).toEqual({
    id: 1,
    m: 'happy',
    ms: ['sad', 'ok'],
    attrs: '{"k":"v","n":null}',
  });
  type Field = { field: string; name?: string; parameters?: unknown; items?: { name?: string } };
  const fields = (m!.value as { schema: { fields: { fields?: Field[] }[] } }).schema.fields[1]!
    .fields!;
  expect(fields.find((f) => f.field === 'm')).toMatchObject({
    name: 'io.debezium.data.Enum',
    parameters: { allowed: 'sad,ok,happy' },
  });
  expect(fields.find((f) => f.field === 'ms')?.items?.name).toBe('io.debezium.data.Enum');
  expect(fields.find((f) => f.field === 'attrs')?.name).toBe('io.debezium.data.Json');
});

test('provide.transaction.metadata emits BEGIN/END and numbers the events of a transaction', async () => {
  const s = scope.schema;
  await scope.db.query(
    `BEGIN;
     INSERT INTO ${s}.customers VALUES (10, 'tx1@example.com', null, null);
     INSERT INTO ${s}.events VALUES (10, 'tx', 'in a transaction');
     INSERT INTO ${s}.customers VALUES (11, 'tx2@example.com', null, null);
     COMMIT;`,
  );
  const txRecords = (status: string) =>
    reader.records.filter((r) => r.value !== null && payload(r.value)['status'] === status);
  const end = await reader.until('END of a three-event transaction', () =>
    txRecords('END').find((r) => payload(r.value)['event_count'] === 3),
  );
  const id = payload(end.value)['id'] as string;
  expect(id).toMatch(/^\d+:\d+$/);
  const begin = txRecords('BEGIN').find((r) => payload(r.value)['id'] === id);
  expect(begin).toBeDefined();
  expect(payload(begin!.value)).toMatchObject({ event_count: null, data_collections: null });
  expect(keyOf(end)).toEqual({ id });
  expect(payload(end.value)['data_collections']).toEqual([
    { data_collection: `${s}.customers`, event_count: 2 },
    { data_collection: `${s}.events`, event_count: 1 },
  ]);
  type Block = { id: string; total_order: number; data_collection_order: number };
  // Each topic arrives on its own, so wait for the three events and order them by total_order.
  const blocks = await reader.until("the transaction's change events", (rs) => {
    const found = rs
      .filter((r) => r.value !== null && 'transaction' in payload(r.value))
      .map((r) => ({ table: source(r).table, ...(payload(r.value)['transaction'] as Block) }))
      .filter((t) => t.id === id)
      .sort((x, y) => x.total_order - y.total_order);
    return found.length >= 3 ? found : undefined;
  });
  expect(blocks).toEqual([
    { table: 'customers', id, total_order: 1, data_collection_order: 1 },
    { table: 'events', id, total_order: 2, data_collection_order: 1 },
    { table: 'customers', id, total_order: 3, data_collection_order: 2 },
  ]);
  expect(BigInt(begin!.offset)).toBeLessThan(BigInt(end.offset));
});

test('config/validate reports invalid values of the new properties per key', async () => {
  const r = await http(
    runtime.url,
    'PUT',
    '/connector-plugins/io.debezium.connector.postgresql.PostgresConnector/config/validate',
    cdcProps(scope, {
      name: 'validate-only',
      'message.key.columns': 'inventory.customers',
      'column.include.list': 'public\\.t\\.(a',
      'hstore.handling.mode': 'xml',
      'signal.data.collection': 'signals',
      'incremental.snapshot.chunk.size': '0',
    }),
  );
  expect(r.status).toBe(200);
  const body = r.body as {
    error_count: number;
    configs: { value: { name: string; errors: string[] } }[];
  };
  const errors = Object.fromEntries(
    body.configs
      .filter((c) => c.value.errors.length > 0)
      .map((c) => [c.value.name, c.value.errors]),
  );
  expect(Object.keys(errors).sort()).toEqual([
    'column.include.list',
    'hstore.handling.mode',
    'incremental.snapshot.chunk.size',
    'message.key.columns',
    'signal.data.collection',
  ]);
  expect(body.error_count).toBe(5);
  expect(errors['message.key.columns']![0]).toContain(
    'must have the form <schema>.<table>:<column>[,<column>...]',
  );
  expect(errors['hstore.handling.mode']).toEqual([
    'Invalid value xml for configuration hstore.handling.mode: String must be one of: json, map',
  ]);
  const both = await http(
    runtime.url,
    'PUT',
    '/connector-plugins/io.debezium.connector.postgresql.PostgresConnector/config/validate',
    cdcProps(scope, {
      name: 'validate-only',
      'column.include.list': 'a.b.c',
      'column.exclude.list': 'a.b.d',
    }),
  );
  expect((both.body as { error_count: number }).error_count).toBe(2);
});
