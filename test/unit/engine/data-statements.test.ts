import type { PrintHandle, RowQueryHandle } from '../../../src/engine/engine-port';
import { collect, startEngine, world } from './engine-fixture';

const context = { streamsProperties: {}, sessionVariables: {} };

describe('statements that move data', () => {
  it('serialises INSERT VALUES with the target formats and produces it', async () => {
    const w = world();
    const { run } = await startEngine(w);
    await run("CREATE STREAM S (ID INT KEY, NAME STRING) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1);");
    await run("INSERT INTO S (ID, NAME) VALUES (7, 'seven'); INSERT INTO S (ROWTIME, ID, NAME) VALUES (5, 8, 'eight');");
    const records = w.topics.records('s');
    expect(records.map((r) => [r.key?.readInt32BE(0), r.value?.toString(), r.timestamp])).toEqual([
      [7, '{"NAME":"seven"}', 1_600_000_000_000],
      [8, '{"NAME":"eight"}', 5],
    ]);
  });

  it('prints a topic from the beginning with its detected formats, ksqlDB style', async () => {
    const w = world();
    const { engine } = await startEngine(w);
    await w.topics.createTopic({ name: 'psg-customers', partitions: 1 });
    const schema = { type: 'record', name: 'c', fields: [{ name: 'nome', type: 'string' }, { name: 'id', type: 'int' }] };
    const id = await w.registry.register('psg-customers-value', schema);
    const avro = (name: string, n: number): Buffer => {
      const header = Buffer.alloc(5);
      header.writeInt32BE(id, 1);
      const nameBytes = Buffer.from(name);
      return Buffer.concat([header, Buffer.from([nameBytes.length * 2]), nameBytes, Buffer.from([n * 2])]);
    };
    await w.topics.produce([
      { topic: 'psg-customers', key: Buffer.from('k1'), value: avro('Scott', 1), timestamp: 1_618_269_963_655 },
      { topic: 'psg-customers', key: null, value: avro('Amy', 2), timestamp: 1_618_269_964_211 },
    ]);
    const handle = (await engine.query('print psg-customers FROM BEGINNING LIMIT 2;', context)) as PrintHandle;
    expect(handle.kind).toBe('print');
    expect(await collect(handle.lines)).toEqual([
      'Key format: KAFKA_STRING',
      'Value format: AVRO',
      'rowtime: 2021/04/12 23:26:03.655 Z, key: k1, value: {"nome": "Scott", "id": 1}, partition: 0',
      'rowtime: 2021/04/12 23:26:04.211 Z, key: <null>, value: {"nome": "Amy", "id": 2}, partition: 0',
    ]);
  });

  it('streams push query rows until LIMIT, reading from the beginning with auto.offset.reset=earliest', async () => {
    const { run, engine, runtime } = await startEngine(world());
    await run("CREATE STREAM S (ID INT KEY, NAME STRING) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1);");
    runtime.queueTransientRows([1, 2, 3].map((n) => ({ key: [n], value: [n, `n${n}`], timestamp: n })));
    const handle = (await engine.query('SELECT * FROM S EMIT CHANGES LIMIT 2;', {
      streamsProperties: { 'auto.offset.reset': 'earliest' },
      sessionVariables: {},
    })) as RowQueryHandle;
    expect(handle.header).toMatchObject({ columnNames: ['ID', 'NAME'], columnTypes: ['INTEGER', 'STRING'], queryKind: 'push' });
    expect(await collect(handle.rows)).toEqual([
      [1, 'n1'],
      [2, 'n2'],
    ]);
    expect(handle.endReason()).toBe('LIMIT_REACHED');
    expect(runtime.transient[0]?.options).toEqual({ fromBeginning: true, bounded: false });
    expect(runtime.transient[0]?.spec.applicationId).toBe('_brook-default__engine_1-query_transient_S_0');
  });

  it('answers a pull query on a table with the latest row per key, deletions left out', async () => {
    const { run, engine, runtime } = await startEngine(world());
    await run("CREATE TABLE T (ID INT PRIMARY KEY, NAME STRING) WITH (KAFKA_TOPIC='t', VALUE_FORMAT='JSON', PARTITIONS=1);");
    runtime.queueTransientRows([
      { key: [1], value: [1, 'a'], timestamp: 1 },
      { key: [2], value: [2, 'b'], timestamp: 2 },
      { key: [1], value: [1, 'c'], timestamp: 3 },
      { key: [2], value: null, timestamp: 4 },
    ]);
    const handle = (await engine.query('SELECT * FROM T;', context)) as RowQueryHandle;
    expect(handle.header.queryKind).toBe('pull');
    expect(await collect(handle.rows)).toEqual([[1, 'c']]);
    expect(handle.endReason()).toBe('COMPLETED');
    expect(runtime.transient[0]?.options).toEqual({ fromBeginning: true, bounded: true });
  });

  it('closes a running push query by id', async () => {
    const { run, engine } = await startEngine(world());
    await run("CREATE STREAM S (ID INT KEY, NAME STRING) WITH (KAFKA_TOPIC='s', VALUE_FORMAT='JSON', PARTITIONS=1);");
    const handle = (await engine.query('SELECT * FROM S EMIT CHANGES;', context)) as RowQueryHandle;
    await engine.closeQuery(handle.header.queryId);
    await expect(engine.closeQuery(handle.header.queryId)).rejects.toMatchObject({ errorCode: 40400 });
  });
});
