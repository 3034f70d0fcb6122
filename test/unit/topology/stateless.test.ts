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
  streamSinkStep,
} from './spec-fixtures';

const key = [col('ID', T.bigint)];
const value = [col('NAME', T.string), col('AMOUNT', T.integer)];
const filterSelect = spec(
  'CSAS_OUT_1',
  [source('INPUT', 'input', key, value)],
  sink(key, [col('NAME', T.string), col('DOUBLED', T.integer)]),
  [
    streamSourceStep('KsqlTopic/Source', 'INPUT', key, value),
    {
      kind: 'StreamFilter',
      id: 'WhereFilter',
      source: 'KsqlTopic/Source',
      predicate: cmp('>', ref('AMOUNT', T.integer), lit(1, T.integer)),
      schema: { key, value },
      stores: [],
    },
    {
      kind: 'StreamSelect',
      id: 'Project',
      source: 'WhereFilter',
      selectExpressions: [
        { name: 'NAME', expression: call('UCASE', [ref('NAME', T.string)], T.string) },
        {
          name: 'DOUBLED',
          expression: {
            kind: 'Arithmetic',
            op: '*',
            left: ref('AMOUNT', T.integer),
            right: lit(2, T.integer),
            type: T.integer,
          },
        },
      ],
      schema: { key, value: [col('NAME', T.string), col('DOUBLED', T.integer)] },
      stores: [],
    },
    {
      kind: 'StreamSink',
      id: 'Sink',
      source: 'Project',
      schema: { key, value: [col('NAME', T.string), col('DOUBLED', T.integer)] },
      stores: [],
    },
  ],
);

describe('stateless steps on the test driver', () => {
  it('filters and projects, keeping the input timestamp', async () => {
    const d = await driver(filterSelect);
    await d.pipeRow('input', { key: [1n], value: ['a', 1], timestamp: 5 });
    await d.pipeRow('input', { key: [2n], value: ['b', 7], timestamp: 9 });
    expect(compact(await d.readOutput())).toEqual([{ key: 2n, value: ['B', 14], ts: 9 }]);
  });

  it('drops a null-valued stream record at a filter', async () => {
    const d = await driver(filterSelect);
    await d.pipeRow('input', { key: [1n], value: null, timestamp: 1 });
    expect(await d.readOutput()).toEqual([]);
  });

  it('logs undecodable records with their coordinates and keeps going', async () => {
    const d = await driver(filterSelect);
    await d.pipeBytes('input', {
      key: Buffer.alloc(8),
      value: Buffer.from('{not json'),
      timestamp: 3,
    });
    await d.pipeRow('input', { key: [2n], value: ['b', 7], timestamp: 4 });
    expect(d.processingLog).toEqual([
      expect.objectContaining({
        kind: 'DESERIALIZATION_ERROR',
        topic: 'input',
        partition: 0,
        offset: 0,
        queryId: 'CSAS_OUT_1',
      }),
    ]);
    expect(d.metrics().errors).toBe(1);
    expect(await d.readOutput()).toHaveLength(1);
  });

  it('turns an expression failure into NULL plus a processing-log entry, and passes null values through', async () => {
    const divide = spec(
      'CSAS_DIV_1',
      [source('INPUT', 'input', key, value)],
      sink(key, [col('Q', T.integer)]),
      [
        streamSourceStep('KsqlTopic/Source', 'INPUT', key, value),
        {
          kind: 'StreamSelect',
          id: 'Project',
          source: 'KsqlTopic/Source',
          selectExpressions: [
            {
              name: 'Q',
              expression: {
                kind: 'Arithmetic',
                op: '/',
                left: lit(10, T.integer),
                right: ref('AMOUNT', T.integer),
                type: T.integer,
              },
            },
          ],
          schema: { key, value: [col('Q', T.integer)] },
          stores: [],
        },
        {
          kind: 'StreamSink',
          id: 'Sink',
          source: 'Project',
          schema: { key, value: [col('Q', T.integer)] },
          stores: [],
        },
      ],
    );
    const d = await driver(divide);
    await d.pipeRow('input', { key: [1n], value: ['a', 0], timestamp: 1 });
    await d.pipeRow('input', { key: [1n], value: ['a', 3], timestamp: 2 });
    await d.pipeRow('input', { key: [2n], value: null, timestamp: 3 });
    expect(compact(await d.readOutput())).toEqual([
      { key: 1n, value: null, ts: 1 },
      { key: 1n, value: 3, ts: 2 },
      { key: 2n, value: null, ts: 3 },
    ]);
    expect(d.processingLog[0]).toMatchObject({
      kind: 'EXPRESSION_ERROR',
      stepId: 'Project',
      offset: 0,
    });
  });

  it('explodes arrays into one row per element with the input key and timestamp', async () => {
    const arr = [col('XS', T.array(T.integer))];
    const out = [col('X', T.integer)];
    const explode = spec('CSAS_EX_1', [source('INPUT', 'input', key, arr)], sink(key, out), [
      streamSourceStep('KsqlTopic/Source', 'INPUT', key, arr),
      {
        kind: 'StreamFlatMap',
        id: 'FlatMap',
        source: 'KsqlTopic/Source',
        tableFunctions: [call('EXPLODE', [ref('XS', T.array(T.integer))], T.integer)],
        schema: { key, value: [...arr, col('KSQL_SYNTH_0', T.integer)] },
        stores: [],
      },
      {
        kind: 'StreamSelect',
        id: 'Project',
        source: 'FlatMap',
        selectExpressions: [{ name: 'X', expression: ref('KSQL_SYNTH_0', T.integer) }],
        schema: { key, value: out },
        stores: [],
      },
      streamSinkStep('Project', key, out),
    ]);
    const d = await driver(explode);
    await d.pipeRow('input', { key: [1n], value: [[1, 2, 3]], timestamp: 7 });
    await d.pipeRow('input', { key: [2n], value: [[]], timestamp: 8 });
    expect(compact(await d.readOutput())).toEqual([
      { key: 1n, value: 1, ts: 7 },
      { key: 1n, value: 2, ts: 7 },
      { key: 1n, value: 3, ts: 7 },
    ]);
  });
});
