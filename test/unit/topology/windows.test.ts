import type { Step, TopologySpec, WindowSpec } from '../../../topology/spec';
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
} from './spec-fixtures';

const key = [col('ID', T.string)];
const value = [col('COL1', T.string)];
const countCol = [col('KSQL_AGG_VARIABLE_0', T.bigint)];
const out = [col('COUNT', T.bigint)];

function windowedCount(window: WindowSpec, emitFinal = false): TopologySpec {
  const sinkWindow = {
    type: window.type,
    sizeMs: window.type === 'SESSION' ? null : window.sizeMs,
  };
  const steps: Step[] = [
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
      aggregations: [call('COUNT', [], T.bigint)],
      window,
      schema: { key, value: countCol },
      stores: [
        {
          name: 'Aggregate-Aggregate-Materialize',
          kind: window.type === 'SESSION' ? 'session' : 'window',
          changelogTopic: null,
        },
      ],
    },
    {
      kind: 'TableSelect',
      id: 'Aggregate/Project',
      source: 'Aggregate/Aggregate',
      selectExpressions: [{ name: 'COUNT', expression: ref('KSQL_AGG_VARIABLE_0', T.bigint) }],
      schema: { key, value: out },
      stores: [],
    },
  ];
  if (emitFinal)
    steps.push({
      kind: 'TableSuppress',
      id: 'Suppress',
      source: 'Aggregate/Project',
      schema: { key, value: out },
      stores: [],
    });
  steps.push({
    kind: 'TableSink',
    id: 'Sink',
    source: emitFinal ? 'Suppress' : 'Aggregate/Project',
    schema: { key, value: out },
    stores: [],
  });
  return spec(
    'CTAS_W_1',
    [source('INPUT', 'input', key, value)],
    sink(key, out, 'TABLE', { window: sinkWindow }),
    steps,
  );
}

async function run(s: TopologySpec, inputs: [string | null, number][]) {
  const d = await driver(s);
  for (const [k, ts] of inputs) await d.pipeRow('input', { key: [k], value: ['v'], timestamp: ts });
  return { d, out: compact(await d.readOutput()) };
}

const tumbling = (sizeMs: number, graceMs: number | null): WindowSpec => ({
  type: 'TUMBLING',
  sizeMs,
  graceMs,
  retentionMs: null,
});
const hopping = (sizeMs: number, advanceMs: number, graceMs: number | null): WindowSpec => ({
  type: 'HOPPING',
  sizeMs,
  advanceMs,
  graceMs,
  retentionMs: null,
});
const session = (gapMs: number, graceMs: number | null): WindowSpec => ({
  type: 'SESSION',
  gapMs,
  graceMs,
  retentionMs: null,
});

describe('windowed aggregation (EMIT CHANGES)', () => {
  it('keys results by window and drops records for windows closed by the default grace (24h - size)', async () => {
    const day = 86_400_000;
    const { d, out } = await run(windowedCount(tumbling(10, null)), [
      ['a', 0],
      ['a', day - 1],
      ['a', 5],
      ['b', day],
      ['a', 5],
    ]);
    expect(out).toEqual([
      { key: 'a', value: 1n, ts: 0, window: [0, 10] },
      { key: 'a', value: 1n, ts: day - 1, window: [day - 10, day] },
      { key: 'a', value: 2n, ts: 5, window: [0, 10] },
      { key: 'b', value: 1n, ts: day, window: [day, day + 10] },
    ]);
    expect(d.metrics().byKind.LATE_RECORD).toBe(1);
  });

  it('uses stream time per task, not per key, to close windows', async () => {
    const { out, d } = await run(windowedCount(tumbling(10, 5)), [
      ['a', 0],
      ['b', 20],
      ['a', 3],
    ]);
    expect(out).toHaveLength(2);
    expect(d.processingLog[0]).toMatchObject({ kind: 'LATE_RECORD', offset: 2 });
  });

  it('updates every hopping window that contains the record', async () => {
    const { out } = await run(windowedCount(hopping(10, 5, null)), [['a', 7]]);
    expect(out).toEqual([
      { key: 'a', value: 1n, ts: 7, window: [0, 10] },
      { key: 'a', value: 1n, ts: 7, window: [5, 15] },
    ]);
  });

  it('merges sessions, emitting tombstones stamped with each replaced session end', async () => {
    const { out } = await run(windowedCount(session(5, null)), [
      ['a', 0],
      ['a', 10],
      ['a', 5],
    ]);
    expect(out).toEqual([
      { key: 'a', value: 1n, ts: 0, window: [0, 0] },
      { key: 'a', value: 1n, ts: 10, window: [10, 10] },
      { key: 'a', value: null, ts: 0, window: [0, 0] },
      { key: 'a', value: null, ts: 10, window: [10, 10] },
      { key: 'a', value: 3n, ts: 10, window: [0, 10] },
    ]);
  });
});

describe('windowed aggregation (EMIT FINAL)', () => {
  it('emits a window once stream time reaches its end plus zero grace', async () => {
    const s = windowedCount(tumbling(2, 0), true);
    expect(
      (
        await run(s, [
          ['k1', 0],
          ['k1', 1],
        ])
      ).out,
    ).toEqual([]);
    expect(
      (
        await run(s, [
          ['k1', 0],
          ['k1', 1],
          ['k1', 2],
        ])
      ).out,
    ).toEqual([{ key: 'k1', value: 2n, ts: 1, window: [0, 2] }]);
  });

  it('emits only windows still retained (size + grace) when the first window closes late', async () => {
    const { out } = await run(windowedCount(tumbling(2, 1), true), [
      ['k1', 0],
      ['k1', 1],
      ['k1', 2],
      ['k1', 1],
      ['k1', 0],
      ['k1', 5],
    ]);
    expect(out).toEqual([{ key: 'k1', value: 1n, ts: 2, window: [2, 4] }]);
  });

  it('emits each closed hopping window once, in start order', async () => {
    const { out } = await run(windowedCount(hopping(5, 2, 1), true), [
      ['k1', 0],
      ['k1', 1],
      ['k1', 2],
      ['k1', 1],
      ['k1', 6],
      ['k1', 5],
      ['k1', 10],
    ]);
    expect(out).toEqual([
      { key: 'k1', value: 4n, ts: 2, window: [0, 5] },
      { key: 'k1', value: 2n, ts: 6, window: [4, 9] },
    ]);
  });

  it('emits final sessions once closed and drops records for closed sessions', async () => {
    const { out } = await run(windowedCount(session(5, 6), true), [
      ['k1', 0],
      ['k1', 4],
      ['k1', 8],
      ['k1', 12],
      ['k1', 14],
      ['k1', 30],
      ['k1', 29],
      ['k1', 17],
      ['k1', 42],
    ]);
    expect(out).toEqual([
      { key: 'k1', value: 5n, ts: 14, window: [0, 14] },
      { key: 'k1', value: 2n, ts: 30, window: [29, 30] },
    ]);
  });
});
