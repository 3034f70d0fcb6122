import { compileScript } from '../../../sql';
import { BrookSerdeFactory } from '../../../topology/serdes';
import { defaultPartition } from '../../../topology/kafka';
import { taskLayout } from '../../../topology/runner';
import { repartitionPartitioner } from '../../../topology/runner/repartition-partitioner';
import { encodeRow } from '../../../topology/state';
import { SqlTypes, type TopologySpec } from '../../../topology/spec';

/** A foreign-key join of tables with different partition counts, as the planner plans it. */
function fkJoin(): TopologySpec {
  const compiled = compileScript(`
    CREATE TABLE accounts (id INT PRIMARY KEY, balance DOUBLE, customer_id INT)
      WITH (kafka_topic='accounts', format='JSON', partitions=3);
    CREATE TABLE customers (customer_id INT PRIMARY KEY, name STRING)
      WITH (kafka_topic='customers', format='JSON', partitions=2);
    CREATE TABLE owners AS SELECT a.id, a.balance, c.name
      FROM accounts a JOIN customers c ON a.customer_id = c.customer_id;
  `).map((s) => s.compiled);
  const query = compiled.find((c) => c.kind === 'PersistentQuery');
  if (query?.kind !== 'PersistentQuery') throw new Error('no persistent query');
  return query.query.topology;
}

describe('foreign-key join task layout', () => {
  const spec = fkJoin();
  const join = spec.steps.find((s) => s.kind === 'ForeignKeyTableTableJoin');
  const subscription = join?.kind === 'ForeignKeyTableTableJoin' ? join.subscription : undefined;
  const layout = taskLayout(
    spec,
    new Map([
      ['accounts', 3],
      ['customers', 2],
    ]),
    1,
  );

  it('runs the halves in tasks of each table: no co-partitioning needed', () => {
    expect(subscription).toBeDefined();
    const leftSub = layout.subTopologyOfTopic.get('accounts')!;
    const rightSub = layout.subTopologyOfTopic.get('customers')!;
    expect(leftSub).not.toBe(rightSub);
    expect(layout.partitions.get(leftSub)).toBe(3);
    expect(layout.partitions.get(rightSub)).toBe(2);
    expect(layout.subTopologyOfTopic.get(subscription!.registrationTopic)).toBe(rightSub);
    expect(layout.subTopologyOfTopic.get(subscription!.responseTopic)).toBe(leftSub);
    expect(layout.stores.get(rightSub)!.map((s) => s.name)).toContain('Join-0-SubscriptionStore');
    expect(layout.stores.get(leftSub)!.map((s) => s.name)).toContain('Join-0-Materialize');
  });

  it('creates the registration topic like the right table, the response topic like the left', () => {
    const byName = new Map(layout.internalTopics.map((t) => [t.name, t.partitions]));
    expect(byName.get(subscription!.registrationTopic)).toBe(2);
    expect(byName.get(subscription!.responseTopic)).toBe(3);
    expect(layout.repartitionTopics.has(subscription!.registrationTopic)).toBe(true);
    expect(layout.repartitionTopics.has(subscription!.responseTopic)).toBe(true);
  });

  it('routes a subscription to the partition of the right row with that key, a response to the left row', async () => {
    const route = repartitionPartitioner(spec, layout, new BrookSerdeFactory());
    const int = [{ name: 'K', type: SqlTypes.integer }];
    for (const key of [1, 2, 3, 17, 42]) {
      // Users' producers wrote the tables with JSON keys and Kafka's default partitioner.
      const json = Buffer.from(JSON.stringify(key));
      expect(await route(subscription!.registrationTopic, encodeRow(int, [key]))).toBe(
        defaultPartition(json, 2),
      );
      expect(await route(subscription!.responseTopic, encodeRow(int, [key]))).toBe(
        defaultPartition(json, 3),
      );
    }
  });
});
