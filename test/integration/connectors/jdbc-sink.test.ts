import Decimal from 'decimal.js';
import {
  connectSchema,
  decimalSchema,
  structSchema,
  timestampSchema,
  type ConnectRuntime,
  type ConnectSchema,
  type PgPool,
} from '../../../connectors';
import {
  avroValues,
  eventually,
  http,
  JDBC_URL,
  jsonValues,
  pg,
  produce,
  schemaFor,
  startWorker,
  uniqueName,
  waitForState,
} from './connect-harness';

const order = (extra: { name: string; schema: ConnectSchema }[] = []): ConnectSchema =>
  structSchema('order', [
    { name: 'id', schema: connectSchema('INT64') },
    { name: 'customer', schema: connectSchema('STRING', { optional: true }) },
    { name: 'amount', schema: decimalSchema(2, 10, true) },
    { name: 'placed_at', schema: timestampSchema(true) },
    ...extra,
  ]);

describe('JDBC sink against real Postgres', () => {
  let runtime: ConnectRuntime;
  let db: PgPool;
  const schema = schemaFor('jdbcsink');
  const avro = avroValues();

  async function sink(
    label: string,
    topic: string,
    extra: Record<string, unknown>,
    awaitRunning = true,
  ): Promise<string> {
    const name = uniqueName(label);
    const r = await http(runtime.url, 'POST', '/connectors', {
      name,
      config: {
        'connector.class': 'io.confluent.connect.jdbc.JdbcSinkConnector',
        'connection.url': JDBC_URL,
        topics: topic,
        'table.name.format': `${schema}.\${topic}`,
        ...extra,
      },
    });
    expect(r).toEqual({ status: 201, body: expect.objectContaining({ name, type: 'sink' }) });
    if (awaitRunning) await waitForState(runtime.url, name, 'RUNNING');
    return name;
  }

  const rows = async (table: string, order = 'id'): Promise<Record<string, unknown>[]> =>
    (
      await db.query<Record<string, unknown>>(
        `SELECT * FROM ${schema}."${table}" ORDER BY "${order}"`,
      )
    ).rows;

  const waitRows = (
    table: string,
    predicate: (r: Record<string, unknown>[]) => boolean,
    orderBy = 'id',
  ) =>
    eventually(`rows of ${table}`, async () => {
      const r = await rows(table, orderBy).catch(() => undefined);
      return r !== undefined && predicate(r) ? r : undefined;
    });

  const value = (s: ConnectSchema, v: Record<string, unknown>) =>
    avro.fromConnectData('unused', s, v);

  beforeAll(async () => {
    db = pg();
    await db.query(`CREATE SCHEMA ${schema}`);
    runtime = await startWorker(uniqueName('jdbc-sink-worker'));
  });

  afterAll(async () => {
    await runtime.stop();
    await db.query(`DROP SCHEMA ${schema} CASCADE`);
    await db.end();
  });

  it('upserts by record key into an auto-created table and deletes on tombstones', async () => {
    const topic = uniqueName('orders');
    const s = order();
    await produce(topic, [
      {
        key: Buffer.from('1'),
        value: await value(s, {
          id: 1n,
          customer: 'ann',
          amount: new Decimal('10.50'),
          placed_at: Date.UTC(2024, 0, 1),
        }),
      },
      {
        key: Buffer.from('2'),
        value: await value(s, { id: 2n, customer: 'bob', amount: null, placed_at: null }),
      },
      {
        key: Buffer.from('1'),
        value: await value(s, {
          id: 1n,
          customer: 'ann',
          amount: new Decimal('11.00'),
          placed_at: Date.UTC(2024, 0, 2),
        }),
      },
    ]);
    const name = await sink('upsert', topic, {
      'insert.mode': 'upsert',
      'pk.mode': 'record_key',
      'pk.fields': 'order_key',
      'auto.create': true,
      'delete.enabled': true,
    });
    const first = await waitRows(
      topic,
      (r) => r.length === 2 && String(r[0]?.['amount']) === '11.00',
      'order_key',
    );
    expect(first.map((r) => [r['order_key'], r['customer'], r['amount']])).toEqual([
      ['1', 'ann', '11.00'],
      ['2', 'bob', null],
    ]);
    expect((first[0]?.['placed_at'] as Date).toISOString()).toBe('2024-01-02T00:00:00.000Z');
    await produce(topic, [{ key: Buffer.from('2'), value: null }]);
    await waitRows(topic, (r) => r.length === 1 && r[0]?.['order_key'] === '1', 'order_key');
    const pk = await db.query(
      `SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) WHERE i.indrelid = to_regclass($1) AND i.indisprimary`,
      [`${schema}."${topic}"`],
    );
    expect(pk.rows).toEqual([{ attname: 'order_key' }]);
    await http(runtime.url, 'DELETE', `/connectors/${name}`);
  });

  it('update mode changes existing rows only, keyed by record value fields', async () => {
    const topic = uniqueName('upd');
    await db.query(
      `CREATE TABLE ${schema}."${topic}" (id BIGINT PRIMARY KEY, customer TEXT, amount NUMERIC(10,2), placed_at TIMESTAMP)`,
    );
    await db.query(`INSERT INTO ${schema}."${topic}" VALUES (1, 'old', 1.00, NULL)`);
    const s = order();
    await produce(topic, [
      {
        key: null,
        value: await value(s, {
          id: 1n,
          customer: 'new',
          amount: new Decimal('2.25'),
          placed_at: null,
        }),
      },
      {
        key: null,
        value: await value(s, { id: 9n, customer: 'ghost', amount: null, placed_at: null }),
      },
    ]);
    const name = await sink('update', topic, {
      'insert.mode': 'update',
      'pk.mode': 'record_value',
      'pk.fields': 'id',
    });
    const r = await waitRows(topic, (x) => x[0]?.['customer'] === 'new');
    expect(r.map((x) => [x['id'], x['customer'], x['amount']])).toEqual([['1', 'new', '2.25']]);
    await http(runtime.url, 'DELETE', `/connectors/${name}`);
  });

  it('auto.evolve adds a column for a new optional field', async () => {
    const topic = uniqueName('evolve');
    await produce(topic, [
      {
        key: null,
        value: await value(order(), { id: 1n, customer: 'a', amount: null, placed_at: null }),
      },
    ]);
    const name = await sink('evolve', topic, {
      'insert.mode': 'upsert',
      'pk.mode': 'record_value',
      'pk.fields': 'id',
      'auto.create': 'true',
      'auto.evolve': 'true',
    });
    await waitRows(topic, (x) => x.length === 1);
    const evolved = order([
      { name: 'channel', schema: connectSchema('STRING', { optional: true }) },
    ]);
    await produce(topic, [
      {
        key: null,
        value: await value(evolved, {
          id: 2n,
          customer: 'b',
          amount: null,
          placed_at: null,
          channel: 'web',
        }),
      },
    ]);
    const r = await waitRows(topic, (x) => x.length === 2);
    expect(r.map((x) => [x['id'], x['channel']])).toEqual([
      ['1', null],
      ['2', 'web'],
    ]);
    await http(runtime.url, 'DELETE', `/connectors/${name}`);
  });

  it('fails the task with a clear error when the table lacks a column and auto.evolve is off', async () => {
    const topic = uniqueName('noevolve');
    await db.query(`CREATE TABLE ${schema}."${topic}" (id BIGINT PRIMARY KEY)`);
    await produce(topic, [
      {
        key: null,
        value: await value(order(), { id: 1n, customer: 'a', amount: null, placed_at: null }),
      },
    ]);
    const name = await sink(
      'noevolve',
      topic,
      { 'insert.mode': 'upsert', 'pk.mode': 'record_value', 'pk.fields': 'id' },
      false,
    );
    const status = await eventually('FAILED', async () => {
      const s = (await http(runtime.url, 'GET', `/connectors/${name}/status`)).body as {
        tasks: { state: string; trace?: string }[];
      };
      return s.tasks[0]?.state === 'FAILED' ? s : undefined;
    });
    expect(status.tasks[0]?.trace).toContain(
      'is missing fields (customer, amount, placed_at) and auto-evolution is disabled',
    );
    await http(runtime.url, 'DELETE', `/connectors/${name}`);
  });

  it('quotes table and column names that need it', async () => {
    const topic = `Gold-Orders-${uniqueName('q')}`;
    const s = structSchema('weird', [
      { name: 'id', schema: connectSchema('INT32') },
      { name: 'select', schema: connectSchema('STRING', { optional: true }) },
      { name: 'Amount', schema: connectSchema('FLOAT64', { optional: true }) },
    ]);
    await produce(topic, [
      { key: null, value: await value(s, { id: 1, select: 'it\'s "quoted"', Amount: 1.5 }) },
    ]);
    const name = await sink('quoted', topic, { 'insert.mode': 'insert', 'auto.create': 'true' });
    const r = await waitRows(topic, (x) => x.length === 1);
    expect(r).toEqual([{ id: 1, select: 'it\'s "quoted"', Amount: 1.5 }]);
    await http(runtime.url, 'DELETE', `/connectors/${name}`);
  });

  it('reads JSON with schemas, with pk.mode kafka, from topics.regex', async () => {
    const topic = uniqueName('jsonsink');
    const json = jsonValues(true);
    const s = structSchema('j', [{ name: 'v', schema: connectSchema('STRING') }]);
    await produce(topic, [
      { key: null, value: await json.fromConnectData(topic, s, { v: 'x' }) },
      { key: null, value: await json.fromConnectData(topic, s, { v: 'y' }) },
    ]);
    const name = await sink('json', topic, {
      topics: undefined,
      'topics.regex': topic.replace(/-/g, '[-]'),
      'pk.mode': 'kafka',
      'auto.create': 'true',
      'insert.mode': 'upsert',
      'value.converter': 'org.apache.kafka.connect.json.JsonConverter',
      'value.converter.schemas.enable': 'true',
    });
    const r = await waitRows(topic, (x) => x.length === 2, '__connect_offset');
    expect(r).toEqual([
      { __connect_topic: topic, __connect_partition: 0, __connect_offset: '0', v: 'x' },
      { __connect_topic: topic, __connect_partition: 0, __connect_offset: '1', v: 'y' },
    ]);
    const offsets = await eventually('sink offsets', async () => {
      const o = (await http(runtime.url, 'GET', `/connectors/${name}/offsets`)).body as {
        offsets: unknown[];
      };
      return o.offsets.length > 0 ? o : undefined;
    });
    expect(offsets).toEqual({
      offsets: [
        { partition: { kafka_topic: topic, kafka_partition: 0 }, offset: { kafka_offset: 2 } },
      ],
    });
    await http(runtime.url, 'DELETE', `/connectors/${name}`);
  });
});
