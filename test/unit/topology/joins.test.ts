import type { JoinType, StoreSpec } from '../../../topology/spec';
import {
  T,
  col,
  compact,
  driver,
  ref,
  sink,
  source,
  spec,
  kv,
  streamSourceStep,
  tableSourceStep,
  streamSinkStep,
  tableSinkStep,
} from './spec-fixtures';

const key = [col('ID', T.integer)];
const win = (name: string): StoreSpec => ({ name, kind: 'window', changelogTopic: null });

describe('stream-table join', () => {
  const sValue = [col('AMOUNT', T.integer)];
  const tValue = [col('NAME', T.string)];
  const outValue = [...sValue, ...tValue];
  const build = (joinType: 'INNER' | 'LEFT') =>
    spec(
      'CSAS_ST_1',
      [source('S', 'stream', key, sValue), source('TBL', 'table', key, tValue, 'TABLE')],
      sink(key, outValue),
      [
        streamSourceStep('Left/Source', 'S', key, sValue),
        tableSourceStep('Right/Source', 'TBL', key, tValue, 'Right-Reduce'),
        {
          kind: 'StreamTableJoin',
          id: 'Join',
          left: 'Left/Source',
          right: 'Right/Source',
          joinType,
          schema: { key, value: outValue },
          stores: [],
        },
        streamSinkStep('Join', key, outValue),
      ],
    );

  it('joins with the current table row, takes the stream timestamp, and never emits on table updates', async () => {
    const d = await driver(build('INNER'));
    await d.pipeRow('stream', { key: [1], value: [5], timestamp: 1 });
    await d.pipeRow('table', { key: [1], value: ['a'], timestamp: 10 });
    await d.pipeRow('stream', { key: [1], value: [6], timestamp: 7 });
    await d.pipeRow('table', { key: [1], value: ['b'], timestamp: 11 });
    await d.pipeRow('table', { key: [1], value: null, timestamp: 12 });
    await d.pipeRow('stream', { key: [1], value: [7], timestamp: 13 });
    expect(compact(await d.readOutput())).toEqual([{ key: 1, value: [6, 'a'], ts: 7 }]);
  });

  it('pads a LEFT join with NULLs when the table has no row', async () => {
    const d = await driver(build('LEFT'));
    await d.pipeRow('stream', { key: [1], value: [5], timestamp: 1 });
    expect(compact(await d.readOutput())).toEqual([{ key: 1, value: [5, null], ts: 1 }]);
  });
});

describe('stream-stream join', () => {
  const lValue = [col('L_V0', T.bigint)];
  const rValue = [col('R_V0', T.bigint)];
  const outValue = [...lValue, ...rValue];
  const build = (joinType: JoinType, withinMs: number, graceMs: number | null) =>
    spec(
      'CSAS_SS_1',
      [source('L', 'left', key, lValue), source('R', 'right', key, rValue)],
      sink(key, outValue),
      [
        streamSourceStep('Left/Source', 'L', key, lValue),
        streamSourceStep('Right/Source', 'R', key, rValue),
        {
          kind: 'StreamStreamJoin',
          id: 'Join',
          left: 'Left/Source',
          right: 'Right/Source',
          joinType,
          beforeMs: withinMs,
          afterMs: withinMs,
          graceMs,
          schema: { key, value: outValue },
          stores: [
            win('KSTREAM-JOINTHIS-store'),
            win('KSTREAM-JOINOTHER-store'),
            kv('KSTREAM-OUTERSHARED-store'),
          ],
        },
        streamSinkStep('Join', key, outValue),
      ],
    );
  const pipe = async (
    d: Awaited<ReturnType<typeof driver>>,
    events: ['left' | 'right', number, number][],
  ) => {
    for (const [topic, v, ts] of events)
      await d.pipeRow(topic, { key: [0], value: [BigInt(v)], timestamp: ts });
  };

  it('legacy regime (no GRACE): joins within the window at the larger timestamp and pads LEFT misses at once', async () => {
    const d = await driver(build('LEFT', 10_000, null));
    await pipe(d, [
      ['right', 2, 11],
      ['left', 1, 12],
      ['right', 4, 13],
      ['left', 5, 100_000],
      ['right', 6, 100_001],
    ]);
    expect(compact(await d.readOutput())).toEqual([
      { key: 0, value: [1n, 2n], ts: 12 },
      { key: 0, value: [1n, 4n], ts: 13 },
      { key: 0, value: [5n, null], ts: 100_000 },
      { key: 0, value: [5n, 6n], ts: 100_001 },
    ]);
  });

  it('GRACE regime: pads an unmatched LEFT record only once its window has closed, with its own timestamp', async () => {
    const d = await driver(build('LEFT', 10, 5), 0);
    await pipe(d, [
      ['left', 1, 0],
      ['right', 9, 100],
      ['left', 2, 200],
      ['right', 3, 205],
      ['left', 4, 300],
      ['left', 5, 400],
    ]);
    expect(compact(await d.readOutput())).toEqual([
      { key: 0, value: [1n, null], ts: 0 },
      { key: 0, value: [2n, 3n], ts: 205 },
      { key: 0, value: [4n, null], ts: 300 },
    ]);
  });

  it('GRACE regime with the frozen driver clock emits padded results in one batch, as Kafka Streams throttles them', async () => {
    const d = await driver(build('LEFT', 10, 5));
    await pipe(d, [
      ['left', 1, 0],
      ['right', 9, 100],
      ['left', 4, 300],
      ['left', 5, 400],
    ]);
    expect(compact(await d.readOutput())).toEqual([{ key: 0, value: [1n, null], ts: 0 }]);
  });

  it('INNER join never pads', async () => {
    const d = await driver(build('INNER', 10, 0));
    await pipe(d, [
      ['left', 1, 0],
      ['right', 2, 50],
      ['left', 3, 55],
    ]);
    expect(compact(await d.readOutput())).toEqual([{ key: 0, value: [3n, 2n], ts: 55 }]);
  });
});

describe('table-table joins', () => {
  const lValue = [col('F1', T.bigint)];
  const rValue = [col('F2', T.bigint)];
  const outValue = [...lValue, ...rValue];
  const build = (joinType: JoinType) =>
    spec(
      'CTAS_TT_1',
      [source('LT', 'left', key, lValue, 'TABLE'), source('RT', 'right', key, rValue, 'TABLE')],
      sink(key, outValue, 'TABLE'),
      [
        tableSourceStep('Left/Source', 'LT', key, lValue, 'Left-Reduce'),
        tableSourceStep('Right/Source', 'RT', key, rValue, 'Right-Reduce'),
        {
          kind: 'TableTableJoin',
          id: 'Join',
          left: 'Left/Source',
          right: 'Right/Source',
          joinType,
          schema: { key, value: outValue },
          stores: [],
        },
        tableSinkStep('Join', key, outValue),
      ],
    );

  it('INNER: results take the larger timestamp of both sides; a delete on either side is a tombstone', async () => {
    const d = await driver(build('INNER'));
    await d.pipeRow('left', { key: [1], value: [10n], timestamp: 10 });
    await d.pipeRow('right', { key: [1], value: [20n], timestamp: 5 });
    await d.pipeRow('left', { key: [1], value: [11n], timestamp: 15 });
    await d.pipeRow('right', { key: [1], value: null, timestamp: 16 });
    expect(compact(await d.readOutput())).toEqual([
      { key: 1, value: [10n, 20n], ts: 10 },
      { key: 1, value: [11n, 20n], ts: 15 },
      { key: 1, value: null, ts: 16 },
    ]);
  });

  it('LEFT: a left row without a match is padded, and a right delete re-pads it', async () => {
    const d = await driver(build('LEFT'));
    await d.pipeRow('left', { key: [2], value: [7n], timestamp: 1 });
    await d.pipeRow('right', { key: [2], value: [8n], timestamp: 2 });
    await d.pipeRow('right', { key: [2], value: null, timestamp: 3 });
    await d.pipeRow('right', { key: [3], value: [9n], timestamp: 4 });
    expect(compact(await d.readOutput())).toEqual([
      { key: 2, value: [7n, null], ts: 1 },
      { key: 2, value: [7n, 8n], ts: 2 },
      { key: 2, value: [7n, null], ts: 3 },
    ]);
  });

  it('foreign-key join follows foreign-key changes, right updates and left deletes', async () => {
    const lKey = [col('L_ID', T.bigint)];
    const lVal = [col('FOREIGN_KEY', T.bigint)];
    const mKey = [col('M_ID', T.bigint)];
    const mVal = [col('F2', T.bigint)];
    const out = [...lVal, ...mVal];
    const s = spec(
      'CTAS_FK_1',
      [source('LT', 'left', lKey, lVal, 'TABLE'), source('MT', 'middle', mKey, mVal, 'TABLE')],
      sink(lKey, out, 'TABLE'),
      [
        tableSourceStep('Left/Source', 'LT', lKey, lVal, 'Left-Reduce'),
        tableSourceStep('Right/Source', 'MT', mKey, mVal, 'Right-Reduce'),
        {
          kind: 'ForeignKeyTableTableJoin',
          id: 'Join',
          left: 'Left/Source',
          right: 'Right/Source',
          joinType: 'INNER',
          foreignKey: [ref('FOREIGN_KEY', T.bigint)],
          schema: { key: lKey, value: out },
          stores: [kv('Join-FK-index')],
        },
        tableSinkStep('Join', lKey, out),
      ],
    );
    const d = await driver(s);
    await d.pipeRow('middle', { key: [0n], value: [100n], timestamp: 0 });
    await d.pipeRow('left', { key: [1n], value: [0n], timestamp: 10_000 });
    await d.pipeRow('middle', { key: [8n], value: [10n], timestamp: 13_000 });
    await d.pipeRow('left', { key: [1n], value: [8n], timestamp: 16_000 });
    await d.pipeRow('middle', { key: [8n], value: [11n], timestamp: 17_000 });
    await d.pipeRow('middle', { key: [0n], value: [101n], timestamp: 17_500 });
    await d.pipeRow('left', { key: [1n], value: null, timestamp: 18_000 });
    expect(compact(await d.readOutput())).toEqual([
      { key: 1n, value: [0n, 100n], ts: 10_000 },
      { key: 1n, value: [8n, 10n], ts: 16_000 },
      { key: 1n, value: [8n, 11n], ts: 17_000 },
      { key: 1n, value: null, ts: 18_000 },
    ]);
  });
});
