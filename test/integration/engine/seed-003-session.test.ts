import type { KsqlEntity, PrintHandle, RowQueryHandle, StatementContext } from '../../../src/engine';
import { eventually, uniqueName } from '../../support/services';
import { avroRecord, customer, CUSTOMERS_SCHEMA, type RealWorld, realWorld, startRealEngine } from './real-engine';

jest.setTimeout(120_000);

const earliest: StatementContext = { streamsProperties: { 'auto.offset.reset': 'earliest' }, sessionVariables: {} };
const none: StatementContext = { streamsProperties: {}, sessionVariables: {} };

async function take<T>(iterable: AsyncIterable<T>, n: number): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) {
    out.push(item);
    if (out.length >= n) break;
  }
  return out;
}

function entity<T extends KsqlEntity['@type']>(entities: readonly KsqlEntity[], type: T): Extract<KsqlEntity, { '@type': T }> {
  const found = entities.find((e) => e['@type'] === type);
  if (!found) throw new Error(`no ${type} in ${JSON.stringify(entities)}`);
  return found as Extract<KsqlEntity, { '@type': T }>;
}

describe("seed 003's ksql session on the real stack", () => {
  const runId = uniqueName('eng').replace(/[^a-z0-9]/gi, '');
  const serviceId = `it_${runId}_`;
  let world: RealWorld;
  let schemaId: number;
  let running: { engine: import('../../../src/engine').BrookEngine; close(): Promise<void> } | undefined;
  const topic = (): string => world.names.toPhysical('psg-customers');

  const produceCustomers = async (from: number, to: number): Promise<void> => {
    const producer = world.kafka.producer({ idempotent: true });
    for (let n = from; n <= to; n++) producer.send({ topic: topic(), partition: 0, key: null, value: avroRecord(schemaId, customer(n)), timestamp: 1_618_269_963_655 + n });
    await producer.flush();
    await producer.close();
  };

  beforeAll(async () => {
    world = realWorld(runId);
    await world.kafka.admin().createTopics([{ name: topic(), partitions: 1, replicationFactor: 1 }]);
    schemaId = await world.registry.register(`${topic()}-value`, CUSTOMERS_SCHEMA);
    await produceCustomers(1, 3);
    running = await startRealEngine(world, serviceId, 'instance-a');
  });

  afterAll(async () => {
    await running?.close();
    await world.close();
  });

  const run = (ksql: string, context = none): Promise<readonly KsqlEntity[]> => running!.engine.execute(ksql, context);

  it('show topics; lists the source topic and the processing log', async () => {
    const topics = entity(await run('show topics;'), 'kafka_topics').topics.map((t) => t.name);
    expect(topics).toEqual(expect.arrayContaining(['psg-customers', `${serviceId}ksql_processing_log`]));
  });

  it('print psg-customers; detects AVRO and prints new records ksqlDB style', async () => {
    const handle = (await running!.engine.query('print psg-customers;', none)) as PrintHandle;
    await produceCustomers(4, 4);
    const lines = await take(handle.lines, 3);
    await handle.close();
    expect(lines[0]).toBe('Key format: ¯\\_(ツ)_/¯ - no data processed');
    expect(lines[1]).toBe('Value format: AVRO');
    expect(lines[2]).toMatch(/^rowtime: 2021\/04\/12 23:26:03\.659 Z, key: <null>, value: \{"nome": "Cliente 4", "telefone": "\+55-11-9000-0004", "email": "cliente4@example.org", "nascimento": 345600000, "dt_update": 1618269963659\}, partition: 0$/);
  });

  it("create stream custstream infers the columns from the registry; show streams; lists it", async () => {
    const [created] = await run("create stream custstream WITH (kafka_topic='psg-customers', value_format='AVRO');");
    expect(created).toMatchObject({ commandStatus: { status: 'SUCCESS', message: 'Stream created' } });
    const streams = entity(await run('show streams;'), 'streams').streams;
    expect(streams).toEqual([
      { type: 'STREAM', name: 'CUSTSTREAM', topic: 'psg-customers', keyFormat: 'KAFKA', valueFormat: 'AVRO', isWindowed: false },
      { type: 'STREAM', name: 'KSQL_PROCESSING_LOG', topic: `${serviceId}ksql_processing_log`, keyFormat: 'KAFKA', valueFormat: 'JSON', isWindowed: false },
    ]);
  });

  it('select * from custstream emit changes; streams the records from the beginning', async () => {
    const handle = (await running!.engine.query('select * from custstream emit changes;', earliest)) as RowQueryHandle;
    expect(handle.header.columnNames).toEqual(['NOME', 'TELEFONE', 'EMAIL', 'NASCIMENTO', 'DT_UPDATE']);
    const rows = await take(handle.rows, 3);
    await handle.close();
    expect(rows.map((r) => [r[0], String(r[3])])).toEqual([
      ['Cliente 1', '86400000'],
      ['Cliente 2', '172800000'],
      ['Cliente 3', '259200000'],
    ]);
  });

  it('the multi-line TIMESTAMPTOSTRING query formats the dates', async () => {
    const sql = `select nome, telefone, email, 
TIMESTAMPTOSTRING(nascimento, 'yyyy-MM-dd', 'UTC') as dt_nascimento,
TIMESTAMPTOSTRING(dt_update, 'yyyy-MM-dd HH:mm:ss.SSS', 'UTC') as dt_updt_conv
from custstream emit changes;`;
    const handle = (await running!.engine.query(sql, earliest)) as RowQueryHandle;
    expect(handle.header.columnNames).toEqual(['NOME', 'TELEFONE', 'EMAIL', 'DT_NASCIMENTO', 'DT_UPDT_CONV']);
    const rows = await take(handle.rows, 2);
    await handle.close();
    expect(rows).toEqual([
      ['Cliente 1', '+55-11-9000-0001', 'cliente1@example.org', '1970-01-02', '2021-04-12 23:26:03.656'],
      ['Cliente 2', '+55-11-9000-0002', 'cliente2@example.org', '1970-01-03', '2021-04-12 23:26:03.657'],
    ]);
  });

  it('runs a CSAS and a CTAS on the broker, and a restarted engine resumes them without losing output', async () => {
    await run(
      "CREATE STREAM CUST_JSON WITH (KAFKA_TOPIC='cust_json', VALUE_FORMAT='JSON') AS SELECT NOME, EMAIL FROM CUSTSTREAM;" +
        "CREATE TABLE CUST_COUNT WITH (KAFKA_TOPIC='cust_count', VALUE_FORMAT='JSON') AS SELECT EMAIL, COUNT(*) AS N FROM CUSTSTREAM GROUP BY EMAIL;",
      earliest,
    );
    const queries = entity(await run('show queries;'), 'queries').queries;
    expect(queries.map((q) => [q.id, q.state])).toEqual([
      [expect.stringMatching(/^CSAS_CUST_JSON_\d+$/), 'RUNNING'],
      [expect.stringMatching(/^CTAS_CUST_COUNT_\d+$/), 'RUNNING'],
    ]);
    const jsonValues = await readTopic(world, 'cust_json', 4);
    expect(jsonValues.map((v) => (JSON.parse(v) as { NOME: string }).NOME)).toEqual(['Cliente 1', 'Cliente 2', 'Cliente 3', 'Cliente 4']);
    const counts = await readTopic(world, 'cust_count', 4);
    expect(counts.map((v) => (JSON.parse(v) as { N: number }).N)).toEqual([1, 1, 1, 1]);

    await running!.close();
    await produceCustomers(5, 6);
    running = await startRealEngine(world, serviceId, 'instance-b');
    const replayed = entity(await run('show queries;'), 'queries').queries;
    expect(replayed.map((q) => q.id)).toEqual(queries.map((q) => q.id));
    const after = await readTopic(world, 'cust_json', 6);
    expect(new Set(after.map((v) => (JSON.parse(v) as { NOME: string }).NOME))).toEqual(new Set([1, 2, 3, 4, 5, 6].map((n) => `Cliente ${n}`)));

    // The restarted CTAS finds its counts again: a second record for cliente1 counts 2.
    await produceCustomers(1, 1);
    const recounted = await readTopic(world, 'cust_count', 7);
    expect(recounted.map((v) => (JSON.parse(v) as { N: number }).N)).toContain(2);
  });
});

/** Reads a topic from the beginning until it holds at least `count` values. */
async function readTopic(world: RealWorld, logical: string, count: number): Promise<string[]> {
  const physical = world.names.toPhysical(logical);
  return eventually(
    `${count} records in ${logical}`,
    async () => {
      const consumer = world.kafka.consumer({ groupId: `${physical}-check-${Date.now()}`, maxWaitMs: 100 });
      const values: string[] = [];
      const ends = await world.kafka.admin().endOffsets(physical);
      const total = ends.reduce((sum, e) => sum + e.offset, 0);
      if (total < count) return undefined;
      await new Promise<void>((resolve, reject) => {
        void consumer
          .run(
            { fromEarliest: [physical], fromLatest: [] },
            {
              onAssigned: () => Promise.resolve(),
              onRevoked: () => Promise.resolve(),
              onBatch: (batch) => {
                for (const r of batch.records) if (r.value) values.push(r.value.toString());
                if (values.length >= total) resolve();
                return Promise.resolve();
              },
              onCrash: reject,
            },
          )
          .catch(reject);
      });
      await consumer.stop();
      return values;
    },
    60_000,
    500,
  );
}
