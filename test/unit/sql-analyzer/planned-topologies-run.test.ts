import Decimal from 'decimal.js';
import { compileScript } from '../../../sql';
import { TopologyTestDriver } from '../../../topology/driver';
import { BrookSerdeFactory } from '../../../topology/serdes';
import type { TopologySpec } from '../../../topology/spec';

/**
 * The planner's specs run on the in-process driver: the contract between `sql/planner` and the
 * runtime (schemas, names, key handling, repartitions) holds end to end.
 */
const DDL = `
CREATE STREAM ORDERS (ID STRING KEY, CUST STRING, AMOUNT DOUBLE, TAGS ARRAY<STRING>) WITH (kafka_topic='orders', value_format='JSON');
CREATE TABLE CUSTOMERS (ID STRING PRIMARY KEY, NAME STRING) WITH (kafka_topic='customers', value_format='JSON');
`;

function plan(query: string): TopologySpec {
  const compiled = compileScript(DDL + query);
  const last = compiled[compiled.length - 1]!.compiled;
  if (last.kind !== 'PersistentQuery') throw new Error(last.kind);
  return last.query.topology;
}

async function run(query: string, pipe: (driver: TopologyTestDriver) => Promise<void>) {
  const driver = await TopologyTestDriver.create(plan(query), { serdes: new BrookSerdeFactory() });
  try {
    await pipe(driver);
    return (await driver.readOutput()).map((r) => ({ key: r.key, value: r.value }));
  } finally {
    await driver.close();
  }
}

const order = (
  driver: TopologyTestDriver,
  id: string,
  cust: string,
  amount: number,
  tags: string[] = [],
  timestamp = 0,
) => driver.pipeRow('orders', { key: [id], value: [cust, amount, tags], timestamp });

describe('planned topologies run on the test driver', () => {
  it('filters and projects, renaming the key', async () => {
    const out = await run(
      'CREATE STREAM BIG AS SELECT ID AS ORDER_ID, AMOUNT * 2 AS DOUBLED FROM ORDERS WHERE AMOUNT > 10;',
      async (d) => {
        await order(d, 'o1', 'c1', 5);
        await order(d, 'o2', 'c1', 20);
      },
    );
    expect(out).toEqual([{ key: ['o2'], value: [40] }]);
  });

  it('counts per group through a repartition', async () => {
    const out = await run(
      'CREATE TABLE PER_CUST AS SELECT CUST, COUNT(*) AS N, SUM(AMOUNT) AS TOTAL FROM ORDERS GROUP BY CUST;',
      async (d) => {
        await order(d, 'o1', 'c1', 5);
        await order(d, 'o2', 'c2', 7);
        await order(d, 'o3', 'c1', 1);
      },
    );
    expect(out).toEqual([
      { key: ['c1'], value: [1n, 5] },
      { key: ['c2'], value: [1n, 7] },
      { key: ['c1'], value: [2n, 6] },
    ]);
  });

  it('joins a re-keyed stream with a table', async () => {
    const out = await run(
      'CREATE STREAM ENRICHED AS SELECT O.CUST, O.AMOUNT, C.NAME FROM ORDERS O JOIN CUSTOMERS C ON O.CUST = C.ID;',
      async (d) => {
        await d.pipeRow('customers', { key: ['c1'], value: ['Ada'] });
        await order(d, 'o1', 'c1', 5);
        await order(d, 'o2', 'c9', 7);
      },
    );
    expect(out).toEqual([{ key: ['c1'], value: [5, 'Ada'] }]);
  });

  it('explodes arrays into rows', async () => {
    const out = await run(
      'CREATE STREAM TAGS AS SELECT ID, EXPLODE(TAGS) AS TAG FROM ORDERS;',
      async (d) => {
        await order(d, 'o1', 'c1', 5, ['a', 'b']);
      },
    );
    expect(out).toEqual([
      { key: ['o1'], value: ['a'] },
      { key: ['o1'], value: ['b'] },
    ]);
  });

  it('computes DECIMAL arithmetic with the planned result type', async () => {
    const query =
      'CREATE STREAM D AS SELECT ID, CAST(AMOUNT AS DECIMAL(6,2)) + 0.5 AS X FROM ORDERS;';
    expect(plan(query).sink.valueColumns).toEqual([
      { name: 'X', type: { kind: 'DECIMAL', precision: 7, scale: 2 } },
    ]);
    const out = await run(query, async (d) => {
      await order(d, 'o1', 'c1', 5);
    });
    expect((out[0]?.value?.[0] as Decimal).toFixed(2)).toBe('5.50');
  });

  it('re-keys a stream with PARTITION BY, moving the old key into the value', async () => {
    const out = await run(
      'CREATE STREAM BY_CUST AS SELECT * FROM ORDERS PARTITION BY CUST;',
      async (d) => {
        await order(d, 'o1', 'c1', 5, ['x']);
      },
    );
    expect(out).toEqual([{ key: ['c1'], value: [5, ['x'], 'o1'] }]);
  });

  it('counts per tumbling window', async () => {
    const run2 = await run(
      'CREATE TABLE PER_MINUTE AS SELECT CUST, COUNT(*) AS N FROM ORDERS WINDOW TUMBLING (SIZE 1 MINUTE) GROUP BY CUST;',
      async (d) => {
        await order(d, 'o1', 'c1', 5, [], 1_000);
        await order(d, 'o2', 'c1', 5, [], 2_000);
        await order(d, 'o3', 'c1', 5, [], 61_000);
      },
    );
    expect(run2.map((r) => r.value)).toEqual([[1n], [2n], [1n]]);
  });

  it('joins two streams within a window', async () => {
    const ddl =
      "CREATE STREAM PAYMENTS (PID STRING KEY, ORDER_ID STRING, PAID DOUBLE) WITH (kafka_topic='payments', value_format='JSON');\n";
    const query = `${ddl}CREATE STREAM PAID AS SELECT O.ID, O.AMOUNT, P.PAID FROM ORDERS O JOIN PAYMENTS P WITHIN 1 HOUR ON O.ID = P.ORDER_ID;`;
    const out = await run(query, async (d) => {
      await order(d, 'o1', 'c1', 5, [], 1_000);
      await d.pipeRow('payments', { key: ['p1'], value: ['o1', 5], timestamp: 2_000 });
    });
    expect(out).toEqual([{ key: ['o1'], value: [5, 5] }]);
  });
});
