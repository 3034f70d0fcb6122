import {
  cdcProps,
  cdcScope,
  payload,
  putConnector,
  startWorker,
  TopicReader,
  uniqueName,
  waitRunning,
  type CdcScope,
} from './cdc-harness';
import type { ConnectRuntime } from '../../../connectors';

jest.setTimeout(90_000);

let scope: CdcScope;
let runtime: ConnectRuntime;
let reader: TopicReader;

beforeAll(async () => {
  scope = await cdcScope('cdc-env');
  const s = scope.schema;
  await scope.db.query(
    `CREATE TABLE ${s}.items (id int PRIMARY KEY, name text NOT NULL, price numeric(10,2), qty bigint,
       created timestamp(6), updated timestamptz, day date, flag boolean, doc jsonb, tags text[])`,
  );
  await scope.db.query(
    `CREATE TABLE ${s}.full_items (id int PRIMARY KEY, name text, price numeric(10,2))`,
  );
  await scope.db.query(`ALTER TABLE ${s}.full_items REPLICA IDENTITY FULL`);
  runtime = await startWorker(uniqueName('cdc-env-worker'));
  await putConnector(
    runtime.url,
    `${scope.prefix}-src`,
    cdcProps(scope, { 'snapshot.mode': 'never', 'skipped.operations': 'none' }),
  );
  await waitRunning(runtime.url, `${scope.prefix}-src`);
  reader = await TopicReader.open(
    [`${scope.prefix}.${s}.items`, `${scope.prefix}.${s}.full_items`],
    uniqueName('cdc-env-reader'),
  );
});

afterAll(async () => {
  await reader?.close();
  await runtime?.stop();
  await scope?.cleanup();
});

const ofTopic = (t: string) =>
  reader.records.filter(
    (r) => r.value === null || (payload(r.value)['source'] as { table: string }).table === t,
  );

test('insert, update, delete and truncate stream in Debezium envelope, without REPLICA IDENTITY FULL', async () => {
  const s = scope.schema;
  await scope.db.query(
    `INSERT INTO ${s}.items VALUES (1, 'apple', 1.50, 9007199254740, '2024-01-02 03:04:05.123456', '2024-01-02 03:04:05+02', '2024-02-29', true, '{"a":1}', '{x,"y z"}')`,
  );
  await scope.db.query(`UPDATE ${s}.items SET name = 'pear' WHERE id = 1`);
  await scope.db.query(`DELETE FROM ${s}.items WHERE id = 1`);
  await scope.db.query(`TRUNCATE ${s}.items`);
  const records = await reader.until('items events', (rs) => {
    const items = rs.filter(
      (r) =>
        r.value === null || (payload(r.value)['source'] as { table: string }).table === 'items',
    );
    return items.length >= 5 ? items : undefined;
  });
  const [c, u, d, tomb, t] = records;
  const cv = payload(c!.value);
  expect(cv['op']).toBe('c');
  expect(cv['before']).toBeNull();
  expect(cv['after']).toEqual({
    id: 1,
    name: 'apple',
    price: 'AJY=',
    qty: 9007199254740,
    created: 1704164645123456,
    updated: '2024-01-02T01:04:05Z',
    day: 19782,
    flag: true,
    doc: '{"a": 1}',
    tags: ['x', 'y z'],
  });
  const source = cv['source'] as Record<string, unknown>;
  expect(source).toMatchObject({
    connector: 'postgresql',
    name: scope.prefix,
    db: 'postgres',
    schema: s,
    table: 'items',
    snapshot: 'false',
    xmin: null,
  });
  expect(typeof source['version']).toBe('string');
  expect(typeof source['ts_ms']).toBe('number');
  expect(typeof source['txId']).toBe('number');
  expect(typeof source['lsn']).toBe('number');
  expect(JSON.parse(source['sequence'] as string)).toHaveLength(2);
  expect(typeof cv['ts_ms']).toBe('number');
  expect(cv['transaction']).toBeNull();
  const schema = (
    c!.value as { schema: { name: string; fields: { field: string; name?: string }[] } }
  ).schema;
  expect(schema.name).toBe(`${scope.prefix}.${s}.items.Envelope`);
  expect(schema.fields.map((f) => f.field)).toEqual([
    'before',
    'after',
    'source',
    'transaction',
    'op',
    'ts_ms',
    'ts_us',
    'ts_ns',
  ]);
  expect(schema.fields[0]!.name).toBe(`${scope.prefix}.${s}.items.Value`);
  expect(schema.fields[2]!.name).toBe('io.debezium.connector.postgresql.Source');
  const key = c!.key as { schema: { name: string }; payload: unknown };
  expect(key.schema.name).toBe(`${scope.prefix}.${s}.items.Key`);
  expect(key.payload).toEqual({ id: 1 });

  const uv = payload(u!.value);
  expect(uv['op']).toBe('u');
  expect(uv['before']).toBeNull();
  expect((uv['after'] as { name: string }).name).toBe('pear');

  const dv = payload(d!.value);
  expect(dv['op']).toBe('d');
  expect(dv['after']).toBeNull();
  expect((dv['before'] as { id: number }).id).toBe(1);
  expect(tomb!.value).toBeNull();
  expect(tomb!.key).toEqual(d!.key);

  const tv = payload(t!.value);
  expect(tv['op']).toBe('t');
  expect(tv['before']).toBeNull();
  expect(tv['after']).toBeNull();
  expect(t!.key).toBeNull();
});

test('with REPLICA IDENTITY FULL, updates and deletes carry the complete before image', async () => {
  const s = scope.schema;
  await scope.db.query(`INSERT INTO ${s}.full_items VALUES (7, 'kiwi', 2.00)`);
  await scope.db.query(`UPDATE ${s}.full_items SET price = 3.25 WHERE id = 7`);
  await scope.db.query(`DELETE FROM ${s}.full_items WHERE id = 7`);
  const events = await reader.until('full_items events', () => {
    const rs = ofTopic('full_items').filter((r) => r.value !== null);
    return rs.length >= 3 ? rs.map((r) => payload(r.value)) : undefined;
  });
  expect(events.map((e) => e['op'])).toEqual(['c', 'u', 'd']);
  expect(events[1]!['before']).toEqual({ id: 7, name: 'kiwi', price: 'AMg=' });
  expect(events[1]!['after']).toEqual({ id: 7, name: 'kiwi', price: 'AUU=' });
  expect(events[2]!['before']).toEqual({ id: 7, name: 'kiwi', price: 'AUU=' });
});
