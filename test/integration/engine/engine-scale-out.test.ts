import type { BrookEngine, KsqlEntity, PrintHandle, RowQueryHandle, StatementContext } from '../../../src/engine';
import { eventually, uniqueName } from '../../support/services';
import { type RealWorld, realWorld, startRealEngine } from './real-engine';

jest.setTimeout(120_000);

const earliest: StatementContext = { streamsProperties: { 'auto.offset.reset': 'earliest' }, sessionVariables: {} };
const none: StatementContext = { streamsProperties: {}, sessionVariables: {} };

async function drain<T>(iterable: AsyncIterable<T>, max = 1_000): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) {
    out.push(item);
    if (out.length >= max) break;
  }
  return out;
}

function entity<T extends KsqlEntity['@type']>(entities: readonly KsqlEntity[], type: T): Extract<KsqlEntity, { '@type': T }> {
  const found = entities.find((e) => e['@type'] === type);
  if (!found) throw new Error(`no ${type} in ${JSON.stringify(entities)}`);
  return found as Extract<KsqlEntity, { '@type': T }>;
}

describe('two engines of one service on the real stack', () => {
  const runId = uniqueName('eng2').replace(/[^a-z0-9]/gi, '');
  const serviceId = `it_${runId}_`;
  let world: RealWorld;
  let a: { engine: BrookEngine; close(): Promise<void> };
  let b: { engine: BrookEngine; close(): Promise<void> };

  beforeAll(async () => {
    world = realWorld(runId);
    a = await startRealEngine(world, serviceId, 'a');
    b = await startRealEngine(world, serviceId, 'b');
  });

  afterAll(async () => {
    await a.close();
    await b.close();
    await world.close();
  });

  it('shares the catalog through the command log', async () => {
    await a.engine.execute("CREATE STREAM PAGEVIEWS (USER_ID INT KEY, PAGE STRING) WITH (KAFKA_TOPIC='pageviews', VALUE_FORMAT='JSON', PARTITIONS=2);", none);
    const streams = await eventually('PAGEVIEWS on engine b', async () => {
      const names = entity(await b.engine.execute('SHOW STREAMS;', none), 'streams').streams.map((s) => s.name);
      return names.includes('PAGEVIEWS') ? names : undefined;
    });
    expect(streams).toEqual(['KSQL_PROCESSING_LOG', 'PAGEVIEWS']);
  });

  it('writes with INSERT VALUES and prints the records', async () => {
    for (let i = 1; i <= 6; i++) {
      await b.engine.execute(`INSERT INTO PAGEVIEWS (USER_ID, PAGE) VALUES (${i % 3}, 'page-${i}');`, none);
    }
    const handle = (await a.engine.query('PRINT pageviews FROM BEGINNING LIMIT 6;', none)) as PrintHandle;
    const lines = await drain(handle.lines);
    expect(lines.slice(0, 2)).toEqual(['Key format: KAFKA_INT', 'Value format: JSON or KAFKA_STRING']);
    expect(lines.slice(2).map((l) => /value: (\{.*\}), partition/.exec(l)?.[1]).sort()).toEqual(
      [1, 2, 3, 4, 5, 6].map((i) => `{"PAGE":"page-${i}"}`).sort(),
    );
  });

  it('runs a persistent query in one consumer group across both engines, answers pull queries and reports statistics', async () => {
    const [created] = await b.engine.execute(
      'CREATE TABLE VIEWS_PER_USER AS SELECT USER_ID, COUNT(*) AS VIEWS FROM PAGEVIEWS GROUP BY USER_ID;',
      earliest,
    );
    const queryId = created?.['@type'] === 'currentStatus' ? created.commandStatus.queryId : null;
    expect(queryId).toMatch(/^CTAS_VIEWS_PER_USER_\d+$/);
    await eventually('the query on engine a', () => Promise.resolve(a.engine.metastore.getQuery(queryId ?? '')?.run ? true : undefined));

    const rows = await eventually('three counted users', async () => {
      const handle = (await a.engine.query('SELECT * FROM VIEWS_PER_USER;', none)) as RowQueryHandle;
      const result = await drain(handle.rows);
      const total = result.reduce((sum, r) => sum + Number(r[1]), 0);
      return result.length === 3 && total === 6 ? result : undefined;
    });
    expect(rows.map((r) => [Number(r[0]), Number(r[1])]).sort()).toEqual([
      [0, 2],
      [1, 2],
      [2, 2],
    ]);

    const one = (await b.engine.query('SELECT VIEWS FROM VIEWS_PER_USER WHERE USER_ID = 1;', none)) as RowQueryHandle;
    expect((await drain(one.rows)).map((r) => Number(r[0]))).toEqual([2]);

    const description = entity(await a.engine.execute('DESCRIBE VIEWS_PER_USER EXTENDED;', none), 'sourceDescription').sourceDescription;
    expect(description.writeQueries.map((q) => q.id)).toEqual([queryId]);
    expect(description.statistics).toMatch(/total-messages: \d+/);
  });

  it('terminates the query on both engines and drops the table with its topic', async () => {
    const queryId = a.engine.metastore.listQueries()[0]?.id ?? '';
    await a.engine.execute(`TERMINATE ${queryId};`, none);
    await eventually('the query gone from engine b', () => Promise.resolve(b.engine.metastore.getQuery(queryId) ? undefined : true));
    await b.engine.execute('DROP TABLE VIEWS_PER_USER DELETE TOPIC;', none);
    await eventually('the sink topic deleted', async () => ((await world.kafka.admin().listTopics()).includes(world.names.toPhysical('VIEWS_PER_USER')) ? undefined : true));
    expect(entity(await a.engine.execute('SHOW TABLES;', none), 'tables').tables).toEqual([]);
  });
});
