import { BrookSerdeFactory } from '../../../topology/serdes';
import { InMemoryBackendFactory } from '../../../topology/state';
import { Task, type OutputRecord } from '../../../topology/runtime';
import {
  describeTopology,
  subTopologies,
  type TopologySpec,
  type WindowSpec,
} from '../../../topology/spec';
import {
  T,
  call,
  col,
  compact,
  driver,
  ref,
  sink,
  source,
  spec,
  streamSourceStep,
  tableSourceStep,
  streamSinkStep,
  tableSinkStep,
} from './spec-fixtures';

const key = [col('ID', T.string)];
const value = [col('REGION', T.string)];
const countCol = [col('KSQL_AGG_VARIABLE_0', T.bigint)];
const out = [col('COUNT', T.bigint)];
const regionKey = [col('REGION', T.string)];

/** COUNT(*) per key over `window`, written to a windowed table. */
const windowedCount = (queryId: string, window: WindowSpec): TopologySpec =>
  spec(
    queryId,
    [source('INPUT', 'input', key, value)],
    sink(key, countCol, 'TABLE', { window: { type: window.type, sizeMs: 10 } }),
    [
      streamSourceStep('Src', 'INPUT', key, value),
      {
        kind: 'StreamGroupByKey',
        id: 'GroupBy',
        source: 'Src',
        schema: { key, value },
        stores: [],
      },
      {
        kind: 'StreamWindowedAggregate',
        id: 'Aggregate',
        source: 'GroupBy',
        nonAggregateColumns: [],
        aggregations: [call('COUNT', [], T.bigint)],
        window,
        schema: { key, value: countCol },
        stores: [
          {
            name: 'Aggregate-Materialize',
            kind: window.type === 'SESSION' ? 'session' : 'window',
            changelogTopic: null,
          },
        ],
      },
      tableSinkStep('Aggregate', key, countCol),
    ],
  );

const countByRegion: TopologySpec = spec(
  'CTAS_C_1',
  [source('INPUT', 'input', key, value)],
  sink(regionKey, out, 'TABLE'),
  [
    streamSourceStep('KsqlTopic/Source', 'INPUT', key, value),
    {
      kind: 'StreamGroupBy',
      id: 'Aggregate/GroupBy',
      source: 'KsqlTopic/Source',
      groupByExpressions: [ref('REGION', T.string)],
      repartition: { topic: 'app-Aggregate-GroupBy-repartition' },
      schema: { key: regionKey, value },
      stores: [],
    },
    {
      kind: 'StreamAggregate',
      id: 'Aggregate/Aggregate',
      source: 'Aggregate/GroupBy',
      nonAggregateColumns: [],
      aggregations: [call('COUNT', [], T.bigint)],
      schema: { key: regionKey, value: countCol },
      stores: [
        {
          name: 'Aggregate-Aggregate-Materialize',
          kind: 'keyValue',
          changelogTopic: 'app-Aggregate-Aggregate-Materialize-changelog',
        },
      ],
    },
    {
      kind: 'TableSelect',
      id: 'Aggregate/Project',
      source: 'Aggregate/Aggregate',
      selectExpressions: [{ name: 'COUNT', expression: ref('KSQL_AGG_VARIABLE_0', T.bigint) }],
      schema: { key: regionKey, value: out },
      stores: [],
    },
    tableSinkStep('Aggregate/Project', regionKey, out),
  ],
);

const serdes = new BrookSerdeFactory();
const raw = (topic: string, offset: number, k: string, v: string | null, timestamp: number) => ({
  topic,
  partition: 0,
  offset,
  key: Buffer.from(k),
  value: v === null ? null : Buffer.from(v),
  timestamp,
  headers: [],
});

describe('topology description', () => {
  it('prints sub-topologies split at the repartition topic, with stores', () => {
    expect(subTopologies(countByRegion).map((s) => s.sourceTopics)).toEqual([
      ['input'],
      ['app-Aggregate-GroupBy-repartition'],
    ]);
    expect(describeTopology(countByRegion)).toBe(
      [
        'Topologies:',
        '   Sub-topology: 0',
        '    Source: KsqlTopic-Source (topics: [input])',
        '      --> Aggregate-GroupBy',
        '    Processor: Aggregate-GroupBy (stores: [])',
        '      --> Aggregate-GroupBy-repartition-sink',
        '      <-- KsqlTopic-Source',
        '    Sink: Aggregate-GroupBy-repartition-sink (topic: app-Aggregate-GroupBy-repartition)',
        '      --> none',
        '      <-- Aggregate-GroupBy',
        '   Sub-topology: 1',
        '    Source: Aggregate-GroupBy-repartition-source (topics: [app-Aggregate-GroupBy-repartition])',
        '      --> Aggregate-Aggregate',
        '    Processor: Aggregate-Aggregate (stores: [Aggregate-Aggregate-Materialize])',
        '      --> Aggregate-Project',
        '      <-- Aggregate-GroupBy-repartition-source',
        '    Processor: Aggregate-Project (stores: [])',
        '      --> Sink',
        '      <-- Aggregate-Aggregate',
        '    Sink: Sink (topic: OUTPUT)',
        '      --> none',
        '      <-- Aggregate-Project',
        '',
      ].join('\n'),
    );
  });
});

describe('Task', () => {
  async function aggregateTask(
    outputs: OutputRecord[],
    backends = new InMemoryBackendFactory(),
    emission: 'eager' | 'coalesce' = 'coalesce',
  ) {
    return Task.create({
      spec: countByRegion,
      subTopology: 1,
      partition: 0,
      serdes,
      backends,
      collector: { send: (r) => outputs.push(r) },
      emission,
    });
  }
  const repartitioned = (offset: number, region: string, ts: number) =>
    raw('app-Aggregate-GroupBy-repartition', offset, `["${region}"]`, '{"v":["x"]}', ts);

  it('in production mode coalesces table updates per commit and logs each key once', async () => {
    const outputs: OutputRecord[] = [];
    const task = await aggregateTask(outputs);
    for (let i = 0; i < 3; i++) await task.process(repartitioned(i, 'eu', i));
    expect(outputs).toHaveLength(0);
    await task.prepareCommit();
    expect(outputs.map((o) => [o.kind, o.topic])).toEqual([
      ['changelog', 'app-Aggregate-Aggregate-Materialize-changelog'],
      ['sink', 'OUTPUT'],
    ]);
    expect(outputs[1]?.value?.toString()).toBe('{"COUNT":3}');
    expect(outputs[0]?.partition).toBe(0);
  });

  it('in production mode coalesces windowed updates and session merges per commit', async () => {
    const sinkValues = async (s: TopologySpec, timestamps: number[]) => {
      const outputs: OutputRecord[] = [];
      const task = await Task.create({
        spec: s,
        subTopology: 0,
        partition: 0,
        serdes,
        backends: new InMemoryBackendFactory(),
        collector: { send: (r) => outputs.push(r) },
      });
      for (const [i, ts] of timestamps.entries())
        await task.process(raw('input', i, 'a', '{"REGION":"eu"}', ts));
      expect(outputs).toHaveLength(0);
      await task.commit();
      return outputs
        .filter((o) => o.kind === 'sink')
        .map((o) => [o.value?.toString() ?? null, o.timestamp]);
    };
    expect(
      await sinkValues(
        windowedCount('CTAS_WC_1', {
          type: 'TUMBLING',
          sizeMs: 10,
          graceMs: null,
          retentionMs: null,
        }),
        [1, 2, 3],
      ),
    ).toEqual([['{"KSQL_AGG_VARIABLE_0":3}', 3]]);
    expect(
      await sinkValues(
        windowedCount('CTAS_WC_1', { type: 'SESSION', gapMs: 5, graceMs: null, retentionMs: null }),
        [0, 10, 5],
      ),
    ).toEqual([['{"KSQL_AGG_VARIABLE_0":3}', 10]]);
  });

  it('keeps stream time across a restart on the same backends, so late records stay late', async () => {
    const window: WindowSpec = { type: 'TUMBLING', sizeMs: 10, graceMs: 0, retentionMs: null };
    const s = windowedCount('CTAS_RS_1', window);
    const backends = new InMemoryBackendFactory();
    const open = () =>
      Task.create({
        spec: s,
        subTopology: 0,
        partition: 0,
        serdes,
        backends,
        collector: { send: () => undefined },
        emission: 'eager',
      });
    const first = await open();
    await first.process(raw('input', 0, 'a', '{"REGION":"eu"}', 100));
    await first.commit();
    await first.close();
    const second = await open();
    await second.process(raw('input', 1, 'a', '{"REGION":"eu"}', 5));
    expect(second.metrics.byKind.LATE_RECORD).toBe(1);
  });

  it('rebuilds its state from the changelog on fresh backends', async () => {
    const first: OutputRecord[] = [];
    const task = await aggregateTask(first, new InMemoryBackendFactory(), 'eager');
    await task.process(repartitioned(0, 'eu', 1));
    await task.process(repartitioned(1, 'eu', 2));
    await task.commit();
    const changelog = first.filter((o) => o.kind === 'changelog');

    const second: OutputRecord[] = [];
    const restored = await aggregateTask(second, new InMemoryBackendFactory(), 'eager');
    await restored.restore('Aggregate-Aggregate-Materialize', changelog);
    await restored.process(repartitioned(2, 'eu', 3));
    expect(second.find((o) => o.kind === 'sink')?.value?.toString()).toBe('{"COUNT":3}');
  });

  it('writes re-keyed records to the repartition topic in the first sub-topology', async () => {
    const outputs: OutputRecord[] = [];
    const task = await Task.create({
      spec: countByRegion,
      subTopology: 0,
      partition: 0,
      serdes,
      backends: new InMemoryBackendFactory(),
      collector: { send: (r) => outputs.push(r) },
    });
    await task.process(raw('input', 0, 'id1', '{"REGION":"eu"}', 5));
    expect(outputs).toEqual([
      expect.objectContaining({
        kind: 'repartition',
        topic: 'app-Aggregate-GroupBy-repartition',
        timestamp: 5,
        partition: null,
      }),
    ]);
    expect(outputs[0]?.key?.toString()).toBe('["eu"]');
  });
});

describe('table sources and PARTITION BY', () => {
  const tKey = [col('K', T.string)];
  const tValue = [col('V', T.bigint)];
  const tableCopy = spec(
    'CTAS_TC_1',
    [source('INPUT', 'input', tKey, tValue, 'TABLE')],
    sink(tKey, tValue, 'TABLE'),
    [
      tableSourceStep('KsqlTopic/Source', 'INPUT', tKey, tValue, 'KsqlTopic-Reduce'),
      tableSinkStep('KsqlTopic/Source', tKey, tValue),
    ],
  );

  it('forwards deletes as tombstones and skips records with a null key', async () => {
    const d = await driver(tableCopy);
    await d.pipeRow('input', { key: ['1'], value: [1n], timestamp: 1 });
    await d.pipeBytes('input', { key: null, value: Buffer.from('{"V":2}'), timestamp: 2 });
    await d.pipeRow('input', { key: ['1'], value: null, timestamp: 3 });
    expect(compact(await d.readOutput())).toEqual([
      { key: '1', value: 1n, ts: 1 },
      { key: '1', value: null, ts: 3 },
    ]);
    expect(d.metrics().byKind.NULL_KEY).toBe(1);
  });

  it('re-keys a stream through a repartition topic, keeping value and timestamp', async () => {
    const sValue = [col('REGION', T.string), col('N', T.integer)];
    const s = spec('CSAS_PB_1', [source('INPUT', 'input', key, sValue)], sink(regionKey, sValue), [
      streamSourceStep('KsqlTopic/Source', 'INPUT', key, sValue),
      {
        kind: 'StreamSelectKey',
        id: 'PartitionBy',
        source: 'KsqlTopic/Source',
        keyExpressions: [ref('REGION', T.string)],
        repartition: { topic: 'pb-repartition' },
        schema: { key: regionKey, value: sValue },
        stores: [],
      },
      streamSinkStep('PartitionBy', regionKey, sValue),
    ]);
    const d = await driver(s);
    await d.pipeRow('input', { key: ['a'], value: ['eu', 1], timestamp: 4 });
    expect(compact(await d.readOutput())).toEqual([{ key: 'eu', value: ['eu', 1], ts: 4 }]);
    expect(d.records('pb-repartition')).toHaveLength(1);
  });

  it('re-keys a table: a row whose key changes is deleted under its old key first', async () => {
    const rValue = [col('REGION', T.string)];
    const s = spec(
      'CTAS_TPB_1',
      [source('INPUT', 'input', tKey, rValue, 'TABLE')],
      sink(regionKey, rValue, 'TABLE'),
      [
        tableSourceStep('KsqlTopic/Source', 'INPUT', tKey, rValue, 'KsqlTopic-Reduce'),
        {
          kind: 'TableSelectKey',
          id: 'PartitionBy',
          source: 'KsqlTopic/Source',
          keyExpressions: [ref('REGION', T.string)],
          repartition: { topic: 'tpb-repartition' },
          schema: { key: regionKey, value: rValue },
          stores: [{ name: 'PartitionBy-Materialize', kind: 'keyValue', changelogTopic: null }],
        },
        tableSinkStep('PartitionBy', regionKey, rValue),
      ],
    );
    const d = await driver(s);
    await d.pipeRow('input', { key: ['1'], value: ['eu'], timestamp: 1 });
    await d.pipeRow('input', { key: ['1'], value: ['us'], timestamp: 2 });
    expect(compact(await d.readOutput())).toEqual([
      { key: 'eu', value: 'eu', ts: 1 },
      { key: 'eu', value: null, ts: 2 },
      { key: 'us', value: 'us', ts: 2 },
    ]);
  });
});
