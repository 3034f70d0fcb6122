/**
 * What the KIP-213 round trip costs in process: one foreign-key join run by the
 * TopologyTestDriver twice on the same input, as planned (two halves joined by the subscription
 * and response topics) and as the co-located join older specs run (baseline, same run).
 *   npx tsx bench/runtime/fk-join-driver-bench.ts [accountUpdates] [customers]
 * Prints records/s of input for both and their ratio, and the output record counts.
 */
import { performance } from 'node:perf_hooks';
import { compileScript } from '../../sql';
import { TopologyTestDriver } from '../../topology/driver';
import { BrookSerdeFactory } from '../../topology/serdes';
import type { Step, TopologySpec } from '../../topology/spec';

const updates = Number(process.argv[2] ?? 20_000);
const customers = Number(process.argv[3] ?? 500);

function planned(): TopologySpec {
  const compiled = compileScript(`
    CREATE TABLE accounts (id INT PRIMARY KEY, balance INT, customer_id INT)
      WITH (kafka_topic='accounts', format='JSON', partitions=3);
    CREATE TABLE customers (customer_id INT PRIMARY KEY, name STRING)
      WITH (kafka_topic='customers', format='JSON', partitions=2);
    CREATE TABLE owners AS SELECT a.id, a.balance, c.name
      FROM accounts a LEFT JOIN customers c ON a.customer_id = c.customer_id;
  `).map((s) => s.compiled);
  const query = compiled.find((c) => c.kind === 'PersistentQuery');
  if (query?.kind !== 'PersistentQuery') throw new Error('no persistent query');
  return query.query.topology;
}

/** The same join without subscription topics: the co-located join of older specs. */
function coLocated(spec: TopologySpec): TopologySpec {
  const steps = spec.steps.map((s): Step => {
    if (s.kind !== 'ForeignKeyTableTableJoin') return s;
    return { ...s, subscription: undefined, stores: [{ ...s.stores[0]!, name: 'Join-0-Index' }] };
  });
  return { ...spec, steps };
}

async function run(spec: TopologySpec): Promise<{ perSec: number; outputs: number }> {
  const driver = await TopologyTestDriver.create(spec, { serdes: new BrookSerdeFactory() });
  const json = (v: unknown) => Buffer.from(JSON.stringify(v));
  let seed = 42;
  const random = (n: number) => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed % n;
  };
  const started = performance.now();
  for (let c = 0; c < customers; c++)
    await driver.pipeBytes('customers', { key: json(c), value: json({ NAME: `c${c}` }) });
  for (let i = 0; i < updates; i++) {
    if (i % 10 === 9) {
      const c = random(customers);
      await driver.pipeBytes('customers', { key: json(c), value: json({ NAME: `c${c}-${i}` }) });
    } else {
      const value = { BALANCE: i, CUSTOMER_ID: random(customers) };
      await driver.pipeBytes('accounts', { key: json(random(updates / 4)), value: json(value) });
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const outputs = driver.records(spec.sink.topic).length;
  await driver.close();
  return { perSec: (customers + updates) / seconds, outputs };
}

async function main(): Promise<void> {
  const spec = planned();
  const baseline = await run(coLocated(spec));
  const split = await run(spec);
  const line = (name: string, r: { perSec: number; outputs: number }) =>
    `${name.padEnd(28)} ${r.perSec.toFixed(0).padStart(8)} records/s  ${r.outputs} outputs`;
  console.log(`fk join, ${customers} customers, ${updates} updates (TopologyTestDriver)`);
  console.log(line('baseline: co-located', baseline));
  console.log(line('subscription/response', split));
  console.log(`ratio ${(split.perSec / baseline.perSec).toFixed(2)}`);
}

void main();
