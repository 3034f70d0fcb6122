import type { BrookEngine, RowQueryHandle, StatementContext } from '../../../src/engine';
import { eventually, uniqueName } from '../../support/services';
import { type RealWorld, realWorld, startRealEngine } from './real-engine';

jest.setTimeout(120_000);

const earliest: StatementContext = { streamsProperties: { 'auto.offset.reset': 'earliest' }, sessionVariables: {} };
const none: StatementContext = { streamsProperties: {}, sessionVariables: {} };

interface PullResult {
  readonly rows: readonly (readonly unknown[])[];
  readonly warnings: readonly string[] | undefined;
}

async function pull(engine: BrookEngine, sql: string): Promise<PullResult> {
  const handle = (await engine.query(sql, none)) as RowQueryHandle;
  const rows: (readonly unknown[])[] = [];
  for await (const row of handle.rows) rows.push(row);
  return { rows, warnings: handle.header.warnings };
}

/** Rows as sorted JSON text (bigints as numbers), to compare without caring for order. */
function sorted(rows: readonly (readonly unknown[])[]): string[] {
  return rows.map((r) => JSON.stringify(r, (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v))).sort();
}

describe('pull queries on materialised tables read the state in Redis', () => {
  const runId = uniqueName('pull').replace(/[^a-z0-9]/gi, '');
  const serviceId = `it_${runId}_`;
  let world: RealWorld;
  let a: Awaited<ReturnType<typeof startRealEngine>>;
  let b: Awaited<ReturnType<typeof startRealEngine>>;

  beforeAll(async () => {
    world = realWorld(runId);
    a = await startRealEngine(world, serviceId, 'a');
    b = await startRealEngine(world, serviceId, 'b');
    await a.engine.execute(
      `CREATE STREAM SALES (ID INT KEY, REGION STRING, AMOUNT INT) WITH (KAFKA_TOPIC='sales', VALUE_FORMAT='JSON', PARTITIONS=3);
       CREATE TABLE PRODUCTS (SKU STRING PRIMARY KEY, NAME STRING, PRICE INT) WITH (KAFKA_TOPIC='products', VALUE_FORMAT='JSON', PARTITIONS=2);
       CREATE TABLE LOOSE (SKU STRING PRIMARY KEY, NAME STRING) WITH (KAFKA_TOPIC='loose', VALUE_FORMAT='JSON', PARTITIONS=1);
       CREATE STREAM CLICKS (ID STRING KEY, V INT) WITH (KAFKA_TOPIC='clicks', VALUE_FORMAT='JSON', PARTITIONS=3);`,
      none,
    );
    const regions = ['north', 'south', 'east', 'west', 'north', 'north', 'east', 'south', 'north', 'centre'];
    const values = regions.map((r, i) => `INSERT INTO SALES (ID, REGION, AMOUNT) VALUES (${i}, '${r}', ${(i + 1) * 10});`).join('\n');
    await a.engine.execute(values, none);
    await a.engine.execute(
      `INSERT INTO PRODUCTS (SKU, NAME, PRICE) VALUES ('p1', 'pen', 2);
       INSERT INTO PRODUCTS (SKU, NAME, PRICE) VALUES ('p2', 'paper', 5);
       INSERT INTO PRODUCTS (SKU, NAME, PRICE) VALUES ('p3', 'ink', 9);
       INSERT INTO PRODUCTS (SKU, NAME, PRICE) VALUES ('p2', 'paper', 6);
       INSERT INTO LOOSE (SKU, NAME) VALUES ('x', 'loose row');`,
      none,
    );
    await a.engine.execute(
      `CREATE TABLE REGION_TOTALS AS SELECT REGION, COUNT(*) AS N, SUM(AMOUNT) AS TOTAL FROM SALES GROUP BY REGION HAVING COUNT(*) > 1;
       CREATE TABLE CHEAP AS SELECT SKU, NAME, PRICE FROM PRODUCTS WHERE PRICE < 9;`,
      earliest,
    );
    const clicks: [number, string, number][] = [[1_000, 'a', 1], [2_000, 'a', 2], [3_000, 'b', 5], [61_000, 'a', 4], [62_000, 'c', 6]];
    await a.engine.execute(clicks.map(([ts, id, v]) => `INSERT INTO CLICKS (ROWTIME, ID, V) VALUES (${ts}, '${id}', ${v});`).join('\n'), none);
    await a.engine.execute(
      `CREATE TABLE WINDOWED_COUNTS AS SELECT ID, COUNT(*) AS N, SUM(V) AS S FROM CLICKS WINDOW TUMBLING (SIZE 1 MINUTE) GROUP BY ID;
       CREATE TABLE CLICK_SESSIONS AS SELECT ID, COUNT(*) AS N FROM CLICKS WINDOW SESSION (30 SECONDS) GROUP BY ID;`,
      earliest,
    );
    // north: ids 0,4,5,8 -> 10+50+60+90; south: 1,7 -> 20+80; east: 2,6 -> 30+70; west, centre once (HAVING drops them).
    await eventually('the aggregate in state', async () => {
      const { rows } = await pull(b.engine, "SELECT * FROM REGION_TOTALS WHERE REGION = 'north';");
      return rows.length === 1 && JSON.stringify(rows[0], (_k, v: unknown) => (typeof v === 'bigint' ? Number(v) : v)) === '["north",4,210]' ? rows : undefined;
    }, 60_000);
  });

  afterAll(async () => {
    await a.close();
    await b.close();
    await world.close();
  });

  it('looks up keys, with = and IN, from any engine of the service', async () => {
    expect(sorted((await pull(a.engine, "SELECT REGION, TOTAL FROM REGION_TOTALS WHERE REGION IN ('south', 'east', 'nowhere');")).rows)).toEqual([
      '["east",100]',
      '["south",100]',
    ]);
    expect((await pull(b.engine, "SELECT * FROM REGION_TOTALS WHERE REGION = 'west';")).rows).toEqual([]);
  });

  it('scans with a key range, a non-key predicate and LIMIT, applying HAVING and the projection', async () => {
    expect(sorted((await pull(a.engine, 'SELECT * FROM REGION_TOTALS;')).rows)).toEqual(['["east",2,100]', '["north",4,210]', '["south",2,100]']);
    expect(sorted((await pull(a.engine, "SELECT REGION FROM REGION_TOTALS WHERE REGION BETWEEN 'f' AND 'z';")).rows)).toEqual(['["north"]', '["south"]']);
    expect(sorted((await pull(a.engine, "SELECT REGION FROM REGION_TOTALS WHERE REGION >= 'o' AND TOTAL > 50;")).rows)).toEqual(['["south"]']);
    expect((await pull(a.engine, 'SELECT * FROM REGION_TOTALS LIMIT 2;')).rows).toHaveLength(2);
  });

  it('reads a filtering CTAS over a table and the source table it materialises from the beginning', async () => {
    const cheap = await eventually('CHEAP in state', async () => {
      const { rows } = await pull(a.engine, 'SELECT SKU, PRICE FROM CHEAP;');
      return rows.length === 2 ? rows : undefined;
    });
    expect(sorted(cheap)).toEqual(['["p1",2]', '["p2",6]']);
    const products = await pull(b.engine, "SELECT NAME, PRICE FROM PRODUCTS WHERE SKU = 'p3';");
    expect(products).toEqual({ rows: [['ink', 9]], warnings: undefined });
  });

  it('answers a table no query materialises from its topic, with a warning', async () => {
    const loose = await pull(a.engine, "SELECT * FROM LOOSE WHERE SKU = 'x';");
    expect(loose.rows).toEqual([['x', 'loose row']]);
    expect(loose.warnings?.[0]).toMatch(/LOOSE is not materialized by a running query/);
  });

  it('answers windowed tables from their window and session stores, bounded by WINDOWSTART and WINDOWEND', async () => {
    const windows = await eventually('the windows in state', async () => {
      const { rows } = await pull(b.engine, "SELECT * FROM WINDOWED_COUNTS WHERE ID = 'a';");
      return rows.length === 2 ? rows : undefined;
    }, 60_000);
    expect(sorted(windows)).toEqual(['["a",0,60000,2,3]', '["a",60000,120000,1,4]']);
    expect(sorted((await pull(a.engine, "SELECT WINDOWSTART, S FROM WINDOWED_COUNTS WHERE ID = 'a' AND WINDOWSTART >= 60000;")).rows)).toEqual(['[60000,4]']);
    expect(sorted((await pull(a.engine, 'SELECT ID, S FROM WINDOWED_COUNTS WHERE WINDOWEND <= 60000;')).rows)).toEqual(['["a",3]', '["b",5]']);
    const sessions = await eventually('the sessions in state', async () => {
      const { rows } = await pull(a.engine, "SELECT * FROM CLICK_SESSIONS WHERE ID IN ('a', 'c');");
      return rows.length === 3 ? rows : undefined;
    }, 60_000);
    expect(sorted(sessions)).toEqual(['["a",1000,2000,2]', '["a",61000,61000,1]', '["c",62000,62000,1]']);
    const query = a.engine.metastore.listQueries().find((q) => q.sink === 'WINDOWED_COUNTS')!;
    await a.engine.execute(`PAUSE ${query.id};`, none);
    await eventually('both engines paused', () => {
      const states = [a, b].map((e) => e.engine.metastore.getQuery(query.id)?.run?.status().state);
      return Promise.resolve(states.every((s) => s === 'PAUSED') ? true : undefined);
    }, 90_000);
    await a.backends.deleteApplicationState(query.spec.applicationId);
    expect((await pull(a.engine, "SELECT * FROM WINDOWED_COUNTS WHERE ID = 'a';")).rows).toEqual([]);
  });

  it('reads Redis, not the topic: without the state the rows are gone while the topic still has them', async () => {
    const query = a.engine.metastore.listQueries().find((q) => q.sink === 'REGION_TOTALS')!;
    await a.engine.execute(`PAUSE ${query.id};`, none);
    await eventually('both engines paused', () => {
      const states = [a, b].map((e) => e.engine.metastore.getQuery(query.id)?.run?.status().state);
      return Promise.resolve(states.every((s) => s === 'PAUSED') ? true : undefined);
    }, 90_000);
    await a.backends.deleteApplicationState(query.spec.applicationId);
    expect((await pull(a.engine, "SELECT * FROM REGION_TOTALS WHERE REGION = 'north';")).rows).toEqual([]);
  });
});
