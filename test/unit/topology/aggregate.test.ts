import { repartitionTopicName, changelogTopicName, type Step } from '../../../topology/spec';
import {
  T,
  call,
  cmp,
  col,
  compact,
  driver,
  lit,
  ref,
  sink,
  source,
  spec,
  streamSourceStep,
  tableSourceStep,
  tableSinkStep,
} from './spec-fixtures';

const APP = '_brook-test-query_CTAS_COUNTS_1';
const key = [col('ID', T.bigint)];
const value = [col('NAME', T.string), col('VALUE', T.bigint)];
const countCol = [col('KSQL_AGG_VARIABLE_0', T.bigint)];
const out = [col('COUNT', T.bigint)];
const project = (src: string, k = [col('NAME', T.string)]): Step => ({
  kind: 'TableSelect',
  id: 'Aggregate/Project',
  source: src,
  selectExpressions: [{ name: 'COUNT', expression: ref('KSQL_AGG_VARIABLE_0', T.bigint) }],
  schema: { key: k, value: out },
  stores: [],
});

describe('aggregations on the test driver', () => {
  it('re-keys through a repartition topic and stamps updates with max(record, aggregate) time', async () => {
    const nameKey = [col('NAME', T.string)];
    const s = spec(
      'CTAS_COUNTS_1',
      [source('INPUT', 'input', key, value)],
      sink(nameKey, out, 'TABLE'),
      [
        streamSourceStep('KsqlTopic/Source', 'INPUT', key, value),
        {
          kind: 'StreamGroupBy',
          id: 'Aggregate/GroupBy',
          source: 'KsqlTopic/Source',
          groupByExpressions: [ref('NAME', T.string)],
          repartition: { topic: repartitionTopicName(APP, 'Aggregate/GroupBy') },
          schema: { key: nameKey, value },
          stores: [],
        },
        {
          kind: 'StreamAggregate',
          id: 'Aggregate/Aggregate',
          source: 'Aggregate/GroupBy',
          nonAggregateColumns: [],
          aggregations: [call('COUNT', [], T.bigint)],
          schema: { key: nameKey, value: countCol },
          stores: [
            {
              name: 'Aggregate-Aggregate-Materialize',
              kind: 'keyValue',
              changelogTopic: changelogTopicName(APP, 'Aggregate-Aggregate-Materialize'),
            },
          ],
        },
        project('Aggregate/Aggregate'),
        tableSinkStep('Aggregate/Project', nameKey, out),
      ],
    );
    const d = await driver(s);
    await d.pipeRow('input', { key: [1n], value: ['a', 1n], timestamp: 10 });
    await d.pipeRow('input', { key: [2n], value: ['a', 1n], timestamp: 5 });
    await d.pipeRow('input', { key: [3n], value: ['b', 1n], timestamp: 7 });
    await d.pipeRow('input', { key: [4n], value: [null, 1n], timestamp: 8 });
    expect(compact(await d.readOutput())).toEqual([
      { key: 'a', value: 1n, ts: 10 },
      { key: 'a', value: 2n, ts: 10 },
      { key: 'b', value: 1n, ts: 7 },
    ]);
    expect(d.records('_brook-test-query_CTAS_COUNTS_1-Aggregate-GroupBy-repartition')).toHaveLength(
      3,
    );
    expect(
      d.records('_brook-test-query_CTAS_COUNTS_1-Aggregate-Aggregate-Materialize-changelog'),
    ).toHaveLength(3);
    expect(d.metrics().byKind.NULL_KEY).toBe(1);
  });

  it('retracts a row from its old group before adding it to its new group', async () => {
    const tKey = [col('ID', T.string)];
    const tValue = [col('NAME', T.string)];
    const nameKey = [col('NAME', T.string)];
    const s = spec(
      'CTAS_T_1',
      [source('INPUT', 'input', tKey, tValue, 'TABLE')],
      sink(nameKey, out, 'TABLE'),
      [
        tableSourceStep('KsqlTopic/Source', 'INPUT', tKey, tValue, 'KsqlTopic-Reduce'),
        {
          kind: 'TableGroupBy',
          id: 'Aggregate/GroupBy',
          source: 'KsqlTopic/Source',
          groupByExpressions: [ref('NAME', T.string)],
          repartition: { topic: 'gb-repartition' },
          schema: { key: nameKey, value: tValue },
          stores: [],
        },
        {
          kind: 'TableAggregate',
          id: 'Aggregate/Aggregate',
          source: 'Aggregate/GroupBy',
          nonAggregateColumns: [],
          aggregations: [call('COUNT', [lit(1, T.integer)], T.bigint)],
          schema: { key: nameKey, value: countCol },
          stores: [
            { name: 'Aggregate-Aggregate-Materialize', kind: 'keyValue', changelogTopic: null },
          ],
        },
        project('Aggregate/Aggregate'),
        tableSinkStep('Aggregate/Project', nameKey, out),
      ],
    );
    const d = await driver(s);
    await d.pipeRow('input', { key: ['0'], value: ['bob'], timestamp: 1 });
    await d.pipeRow('input', { key: ['0'], value: ['john'], timestamp: 2 });
    await d.pipeRow('input', { key: ['100'], value: ['john'], timestamp: 3 });
    await d.pipeRow('input', { key: ['100'], value: null, timestamp: 4 });
    expect(
      compact(await d.readOutput()).map((r) => [
        (r as { key: string }).key,
        (r as { value: bigint }).value,
      ]),
    ).toEqual([
      ['bob', 1n],
      ['bob', 0n],
      ['john', 1n],
      ['john', 2n],
      ['john', 1n],
    ]);
  });

  it('emits a tombstone when HAVING turns false on a windowed aggregate, and nothing when it never held', async () => {
    const sumCol = [col('KSQL_AGG_VARIABLE_0', T.bigint)];
    const sumOut = [col('SUM', T.bigint)];
    const s = spec(
      'CTAS_H_1',
      [source('INPUT', 'input', key, value)],
      sink(key, sumOut, 'TABLE', { window: { type: 'TUMBLING', sizeMs: 30_000 } }),
      [
        streamSourceStep('KsqlTopic/Source', 'INPUT', key, value),
        {
          kind: 'StreamGroupByKey',
          id: 'Aggregate/GroupBy',
          source: 'KsqlTopic/Source',
          schema: { key, value },
          stores: [],
        },
        {
          kind: 'StreamWindowedAggregate',
          id: 'Aggregate/Aggregate',
          source: 'Aggregate/GroupBy',
          nonAggregateColumns: [],
          aggregations: [call('SUM', [ref('VALUE', T.bigint)], T.bigint)],
          window: { type: 'TUMBLING', sizeMs: 30_000, graceMs: null, retentionMs: null },
          schema: { key, value: sumCol },
          stores: [
            { name: 'Aggregate-Aggregate-Materialize', kind: 'window', changelogTopic: null },
          ],
        },
        {
          kind: 'TableFilter',
          id: 'Aggregate/HavingFilter',
          source: 'Aggregate/Aggregate',
          predicate: cmp('>', ref('KSQL_AGG_VARIABLE_0', T.bigint), lit('100', T.bigint)),
          schema: { key, value: sumCol },
          stores: [],
        },
        {
          kind: 'TableSelect',
          id: 'Aggregate/Project',
          source: 'Aggregate/HavingFilter',
          selectExpressions: [{ name: 'SUM', expression: ref('KSQL_AGG_VARIABLE_0', T.bigint) }],
          schema: { key, value: sumOut },
          stores: [],
        },
        tableSinkStep('Aggregate/Project', key, sumOut),
      ],
    );
    const d = await driver(s);
    await d.pipeRow('input', { key: [0n], value: ['zero', 0n], timestamp: 0 });
    await d.pipeRow('input', { key: [1n], value: ['one', 101n], timestamp: 0 });
    await d.pipeRow('input', { key: [1n], value: ['one', -5n], timestamp: 0 });
    expect(compact(await d.readOutput())).toEqual([
      { key: 1n, value: 101n, ts: 0, window: [0, 30_000] },
      { key: 1n, value: null, ts: 0, window: [0, 30_000] },
    ]);
  });
});
