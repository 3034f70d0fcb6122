import {
  createSerdeFactory,
  defaultPartition,
  InMemoryBackend,
  repartitionCodec,
  stepById,
  TopologyTestDriver,
  type BytesStoreBackend,
  type BytesStoreBackendFactory,
  type StoreLocation,
  type TopologySpec,
} from '../../../topology';
import type { RowQueryHandle } from '../../../src/engine';
import { startEngine, world, type TestEngine, type World } from './engine-fixture';

/**
 * State keyed as Redis keys it (application, store, partition), shared by the driver that
 * writes it and the pull queries that read it. `writeAt` is the partition the driver's one task
 * (partition 0) stands for; `opened` lists the partitions pull queries opened.
 */
class PartitionedState {
  private readonly backends = new Map<string, InMemoryBackend>();
  readonly opened = new Set<number>();
  writeAt = 0;

  private open(location: StoreLocation, partition: number): Promise<BytesStoreBackend> {
    const id = `${location.applicationId}/${location.store.name}/${partition}`;
    const backend = this.backends.get(id) ?? new InMemoryBackend();
    this.backends.set(id, backend);
    return Promise.resolve(backend);
  }

  readonly writer: BytesStoreBackendFactory = { open: (l) => this.open(l, this.writeAt) };
  readonly reader: BytesStoreBackendFactory = {
    open: (l) => {
      this.opened.add(l.partition);
      return this.open(l, l.partition);
    },
  };
}

const ctx = { streamsProperties: {}, sessionVariables: {} };

interface Pulled {
  readonly columns: readonly string[];
  readonly rows: unknown[][];
}

async function pull(t: TestEngine, sql: string): Promise<Pulled> {
  const handle = (await t.engine.query(sql, ctx)) as RowQueryHandle;
  const rows: unknown[][] = [];
  for await (const row of handle.rows) rows.push(row.map((v) => (typeof v === 'bigint' ? Number(v) : v)));
  return { columns: handle.header.columnNames, rows };
}

/** Runs a persistent query's topology over the inputs, keeping its state in `state`. */
async function drive(w: World, spec: TopologySpec, state: PartitionedState, inputs: readonly { key: string; value: unknown[]; ts: number }[]): Promise<void> {
  const driver = await TopologyTestDriver.create(spec, { serdes: createSerdeFactory({ schemaRegistry: w.registry }), backends: state.writer });
  for (const i of inputs) await driver.pipeRow(spec.sources[0]!.topic, { key: [i.key], value: i.value, timestamp: i.ts });
  await driver.close();
}

function specOf(t: TestEngine, sink: string): TopologySpec {
  const run = t.runtime.runs.find((r) => r.spec.sink.name === sink);
  if (!run) throw new Error(`no query writes ${sink}`);
  return run.spec;
}

const MINUTE = 60_000;

describe('pull queries on windowed tables read the window and session stores', () => {
  let t: TestEngine;
  let state: PartitionedState;
  let w: World;

  beforeAll(async () => {
    w = world();
    state = new PartitionedState();
    t = await startEngine(w, 'engine-1', 'default_', { stateStores: state.reader });
    await t.run(
      `CREATE STREAM CLICKS (ID STRING KEY, V INT) WITH (KAFKA_TOPIC='clicks', VALUE_FORMAT='JSON', PARTITIONS=1);
       CREATE TABLE WINDOWED_COUNTS AS SELECT ID, COUNT(*) AS N, SUM(V) AS S FROM CLICKS WINDOW TUMBLING (SIZE 1 MINUTE) GROUP BY ID HAVING SUM(V) < 100;
       CREATE TABLE SESSIONS AS SELECT ID, COUNT(*) AS N FROM CLICKS WINDOW SESSION (30 SECONDS) GROUP BY ID;`,
    );
    const clicks = [
      { key: 'a', value: [1], ts: 1_000 },
      { key: 'a', value: [2], ts: 2_000 },
      { key: 'b', value: [5], ts: 3_000 },
      { key: 'a', value: [4], ts: MINUTE + 1_000 },
      { key: 'a', value: [500], ts: 2 * MINUTE + 1_000 },
      { key: 'a', value: [8], ts: 3 * MINUTE + 1_000 },
      { key: 'b', value: [7], ts: 3 * MINUTE + 20_000 },
    ];
    await drive(w, specOf(t, 'WINDOWED_COUNTS'), state, clicks);
    await drive(w, specOf(t, 'SESSIONS'), state, clicks);
  });

  afterAll(async () => {
    await t.engine.close();
  });

  it("answers a key's windows with the key, WINDOWSTART, WINDOWEND and the values, applying HAVING", async () => {
    expect(await pull(t, "SELECT * FROM WINDOWED_COUNTS WHERE ID = 'a';")).toEqual({
      columns: ['ID', 'WINDOWSTART', 'WINDOWEND', 'N', 'S'],
      rows: [
        ['a', 0, MINUTE, 2, 3],
        ['a', MINUTE, 2 * MINUTE, 1, 4],
        ['a', 3 * MINUTE, 4 * MINUTE, 1, 8],
      ],
    });
  });

  it('bounds the windows by WINDOWSTART and WINDOWEND, as comparisons or BETWEEN', async () => {
    const starts = async (where: string) => (await pull(t, `SELECT WINDOWSTART, N FROM WINDOWED_COUNTS WHERE ID = 'a' AND ${where};`)).rows;
    expect(await starts(`WINDOWSTART >= ${MINUTE}`)).toEqual([[MINUTE, 1], [3 * MINUTE, 1]]);
    expect(await starts(`WINDOWSTART > ${MINUTE} AND WINDOWSTART < ${4 * MINUTE}`)).toEqual([[3 * MINUTE, 1]]);
    expect(await starts(`WINDOWEND <= ${2 * MINUTE}`)).toEqual([[0, 2], [MINUTE, 1]]);
    expect(await starts(`WINDOWSTART BETWEEN 1 AND ${MINUTE}`)).toEqual([[MINUTE, 1]]);
    expect(await starts(`${MINUTE} = WINDOWSTART`)).toEqual([[MINUTE, 1]]);
  });

  it('scans every key when the WHERE pins none, and stops at LIMIT', async () => {
    const { rows } = await pull(t, `SELECT ID, WINDOWSTART, S FROM WINDOWED_COUNTS WHERE WINDOWSTART < ${MINUTE};`);
    expect(rows).toEqual([
      ['a', 0, 3],
      ['b', 0, 5],
    ]);
    expect((await pull(t, 'SELECT * FROM WINDOWED_COUNTS LIMIT 2;')).rows).toHaveLength(2);
  });

  it('answers sessions with their start and inclusive end', async () => {
    expect(await pull(t, "SELECT * FROM SESSIONS WHERE ID IN ('a', 'b');")).toEqual({
      columns: ['ID', 'WINDOWSTART', 'WINDOWEND', 'N'],
      rows: [
        ['a', 1_000, 2_000, 2],
        ['a', MINUTE + 1_000, MINUTE + 1_000, 1],
        ['a', 2 * MINUTE + 1_000, 2 * MINUTE + 1_000, 1],
        ['a', 3 * MINUTE + 1_000, 3 * MINUTE + 1_000, 1],
        ['b', 3_000, 3_000, 1],
        ['b', 3 * MINUTE + 20_000, 3 * MINUTE + 20_000, 1],
      ],
    });
    expect((await pull(t, `SELECT WINDOWSTART FROM SESSIONS WHERE ID = 'a' AND WINDOWEND >= ${2 * MINUTE};`)).rows).toEqual([[2 * MINUTE + 1_000], [3 * MINUTE + 1_000]]);
  });
});

describe('key lookups read only the partition the key hashes to', () => {
  const PARTITIONS = 4;

  it("reads a table keyed like its source topic from the source's partition of the key", async () => {
    const w = world();
    const state = new PartitionedState();
    const t = await startEngine(w, 'engine-1', 'default_', { stateStores: state.reader });
    await t.run(
      `CREATE STREAM CLICKS (ID STRING KEY, V INT) WITH (KAFKA_TOPIC='clicks', VALUE_FORMAT='JSON', PARTITIONS=${PARTITIONS});
       CREATE TABLE TOTALS AS SELECT ID, SUM(V) AS S FROM CLICKS GROUP BY ID;`,
    );
    const expected = defaultPartition(Buffer.from('north'), PARTITIONS);
    state.writeAt = expected;
    await drive(w, specOf(t, 'TOTALS'), state, [{ key: 'north', value: [3], ts: 1 }]);
    state.opened.clear();
    expect((await pull(t, "SELECT * FROM TOTALS WHERE ID = 'north';")).rows).toEqual([['north', 3]]);
    expect([...state.opened]).toEqual([expected]);
    await t.engine.close();
  });

  it('reads a GROUP BY fed by a repartition topic from the partition of its repartition key', async () => {
    const w = world();
    const state = new PartitionedState();
    const t = await startEngine(w, 'engine-1', 'default_', { stateStores: state.reader });
    await t.run(
      `CREATE STREAM SALES (ID INT KEY, REGION STRING, AMOUNT INT) WITH (KAFKA_TOPIC='sales', VALUE_FORMAT='JSON', PARTITIONS=${PARTITIONS});
       CREATE TABLE REGION_TOTALS AS SELECT REGION, SUM(AMOUNT) AS TOTAL FROM SALES GROUP BY REGION;`,
    );
    const spec = specOf(t, 'REGION_TOTALS');
    const groupBy = spec.steps.find((s) => s.kind === 'StreamGroupBy');
    if (!groupBy) throw new Error('no repartitioning GROUP BY step');
    const expected = defaultPartition(repartitionCodec(stepById(spec, groupBy.id).schema).encodeKey(['south']), PARTITIONS);
    state.writeAt = expected;
    const driver = await TopologyTestDriver.create(spec, { serdes: createSerdeFactory({ schemaRegistry: w.registry }), backends: state.writer });
    await driver.pipeRow('sales', { key: [1], value: ['south', 20], timestamp: 1 });
    await driver.close();
    state.opened.clear();
    expect((await pull(t, "SELECT * FROM REGION_TOTALS WHERE REGION = 'south';")).rows).toEqual([['south', 20]]);
    expect([...state.opened]).toEqual([expected]);
    await t.engine.close();
  });
});
