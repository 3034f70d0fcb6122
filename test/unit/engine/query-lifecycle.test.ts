import { entityOf, startEngine, world } from './engine-fixture';

const SETUP = `
CREATE STREAM ORDERS (ID INT KEY, ITEM STRING, AMOUNT DOUBLE) WITH (KAFKA_TOPIC='orders', VALUE_FORMAT='JSON', PARTITIONS=3);
CREATE STREAM BIG_ORDERS AS SELECT * FROM ORDERS WHERE AMOUNT > 100;
CREATE TABLE TOTALS AS SELECT ID, SUM(AMOUNT) AS TOTAL FROM ORDERS GROUP BY ID;
`;

describe('persistent queries', () => {
  it('numbers query ids by command position and starts each query once', async () => {
    const w = world();
    const { run, runtime } = await startEngine(w);
    const entities = await run(SETUP);
    expect(entities.map((e) => (e['@type'] === 'currentStatus' ? e.commandStatus.queryId : undefined))).toEqual([null, 'CSAS_BIG_ORDERS_1', 'CTAS_TOTALS_2']);
    expect(runtime.active().map((r) => r.spec.queryId)).toEqual(['CSAS_BIG_ORDERS_1', 'CTAS_TOTALS_2']);
    expect(runtime.active()[0]?.spec.applicationId).toBe('_brook-default_-query_CSAS_BIG_ORDERS_1');
    expect(await w.topics.describeTopic('BIG_ORDERS')).toEqual({ name: 'BIG_ORDERS', partitions: 3, replicas: 1 });
    const queries = entityOf(await run('SHOW QUERIES;'), 'queries').queries;
    expect(queries.map((q) => [q.id, q.sinks, q.sinkKafkaTopics, q.state, q.queryType])).toEqual([
      ['CSAS_BIG_ORDERS_1', ['BIG_ORDERS'], ['BIG_ORDERS'], 'RUNNING', 'PERSISTENT'],
      ['CTAS_TOTALS_2', ['TOTALS'], ['TOTALS'], 'RUNNING', 'PERSISTENT'],
    ]);
  });

  it('refuses to drop a source a query reads or writes, until the query is terminated', async () => {
    const w = world();
    const { run, runtime } = await startEngine(w);
    await run(SETUP);
    await expect(run('DROP STREAM ORDERS;')).rejects.toThrow(/CSAS_BIG_ORDERS_1, CTAS_TOTALS_2/);
    await expect(run('DROP STREAM BIG_ORDERS;')).rejects.toThrow(/write into this source: \[CSAS_BIG_ORDERS_1\]/);
    await run('TERMINATE CSAS_BIG_ORDERS_1;');
    expect(runtime.runs[0]).toMatchObject({ state: 'STOPPED', cleanedUp: true });
    await run('DROP STREAM BIG_ORDERS DELETE TOPIC;');
    expect(await w.topics.describeTopic('BIG_ORDERS')).toBeUndefined();
    await run('TERMINATE ALL;');
    await run('DROP STREAM ORDERS;');
    expect(entityOf(await run('SHOW STREAMS;'), 'streams').streams.map((s) => s.name)).toEqual(['KSQL_PROCESSING_LOG']);
  });

  it('inserts into an existing stream with INSERTQUERY ids', async () => {
    const { run } = await startEngine(world());
    await run(SETUP);
    const [inserted] = await run('INSERT INTO BIG_ORDERS SELECT * FROM ORDERS WHERE AMOUNT < 0;');
    expect(inserted).toMatchObject({ commandStatus: { queryId: 'INSERTQUERY_3' } });
    const description = entityOf(await run('DESCRIBE BIG_ORDERS;'), 'sourceDescription').sourceDescription;
    expect(description.writeQueries.map((q) => q.id)).toEqual(['CSAS_BIG_ORDERS_1', 'INSERTQUERY_3']);
  });

  it('pauses and resumes queries', async () => {
    const { run, runtime } = await startEngine(world());
    await run(SETUP);
    await run('PAUSE CSAS_BIG_ORDERS_1;');
    expect(entityOf(await run('SHOW QUERIES;'), 'queries').queries[0]?.state).toBe('PAUSED');
    await run('RESUME ALL;');
    expect(runtime.active().map((r) => r.state)).toEqual(['RUNNING', 'RUNNING']);
  });

  it('reports a query the runtime failed as ERROR with its cause in EXPLAIN', async () => {
    const { run, runtime } = await startEngine(world());
    await run(SETUP);
    runtime.fail('CTAS_TOTALS_2', 'broker unreachable');
    expect(entityOf(await run('SHOW QUERIES;'), 'queries').queries[1]?.state).toBe('ERROR');
    const description = entityOf(await run('EXPLAIN CTAS_TOTALS_2;'), 'queryDescription').queryDescription;
    expect(description.queryErrors).toEqual([{ errorMessage: 'broker unreachable', timestamp: 0 }]);
    expect(description.topology).toContain('Sub-topology');
  });

  it('rejects unknown query ids', async () => {
    const { run } = await startEngine(world());
    await expect(run('TERMINATE CSAS_NOPE_9;')).rejects.toThrow(/Unknown queryId: CSAS_NOPE_9/);
  });
});

describe('command log replay', () => {
  it('rebuilds the same catalog and restarts only the surviving queries with the same ids', async () => {
    const w = world();
    const first = await startEngine(w, 'engine-1');
    await first.run(SETUP);
    await first.run("CREATE TYPE T AS STRUCT<A INT>; TERMINATE CSAS_BIG_ORDERS_1; PAUSE CTAS_TOTALS_2;");
    await first.engine.close();
    const second = await startEngine(w, 'engine-2');
    expect(second.engine.metastore.listSources()).toEqual(first.engine.metastore.listSources());
    expect(second.engine.metastore.listTypes()).toEqual(first.engine.metastore.listTypes());
    expect(second.runtime.runs.map((r) => [r.spec.queryId, r.state])).toEqual([['CTAS_TOTALS_2', 'PAUSED']]);
    expect(second.runtime.runs[0]?.spec).toEqual(first.runtime.runs[1]?.spec);
  });

  it('keeps two engines of one service in step: a statement on one appears on the other', async () => {
    const w = world();
    const one = await startEngine(w, 'engine-1');
    const two = await startEngine(w, 'engine-2');
    await one.run(SETUP);
    expect(two.runtime.active().map((r) => r.spec.queryId)).toEqual(['CSAS_BIG_ORDERS_1', 'CTAS_TOTALS_2']);
    await two.run('TERMINATE CTAS_TOTALS_2;');
    expect(one.runtime.active().map((r) => r.spec.queryId)).toEqual(['CSAS_BIG_ORDERS_1']);
    expect(entityOf(await one.run('SHOW TABLES;'), 'tables').tables.map((t) => t.name)).toEqual(['TOTALS']);
  });

  it('records command statuses by command id', async () => {
    const { run, engine } = await startEngine(world());
    await run(SETUP);
    expect(await engine.status('stream/BIG_ORDERS/create')).toEqual({ status: 'SUCCESS', message: 'Created query with ID CSAS_BIG_ORDERS_1', queryId: 'CSAS_BIG_ORDERS_1' });
    expect(await engine.statuses()).toMatchObject({ 'stream/ORDERS/create': 'SUCCESS', 'table/TOTALS/create': 'SUCCESS' });
  });
});
