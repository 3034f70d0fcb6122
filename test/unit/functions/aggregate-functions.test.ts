import Decimal from 'decimal.js';
import { aggregateFunction } from '../../../topology/functions';
import { SqlTypes as T } from '../../../topology/spec';
import { aggregate } from './call';

describe('aggregate functions (QTT sum, count, collect-list, latest-offset-udaf, max-group-by)', () => {
  it('COUNT counts rows or non-NULL values as BIGINT', () => {
    expect(aggregate('COUNT', [[], []], [])).toEqual([1n, 2n]);
    expect(aggregate('COUNT', [[1], [null], [3]], [T.integer])).toEqual([1n, 1n, 2n]);
  });

  it('SUM keeps the argument type and fails on DECIMAL overflow', () => {
    expect(aggregate('SUM', [[1], [null], [2]], [T.integer])).toEqual([1, 1, 3]);
    expect(aggregate('SUM', [[1n], [2n]], [T.bigint])).toEqual([1n, 3n]);
    const dec = T.decimal(4, 1);
    const sums = aggregate(
      'SUM',
      [['500.9'], ['300.8']].map(([v]) => [new Decimal(v!)]),
      [dec],
    );
    expect(sums.map(String)).toEqual(['500.9', '801.7']);
    expect(() =>
      aggregate(
        'SUM',
        ['500.9', '300.8', '400.8'].map((v) => [new Decimal(v)]),
        [dec],
      ),
    ).toThrow('Numeric field overflow');
  });

  it('SUM of DECIMAL(38, 16) keeps every digit (beyond decimal.js default 20)', () => {
    const v = new Decimal('12345678987654321.2345678987654321');
    const sums = aggregate('SUM', [[v], [v]], [T.decimal(38, 16)]);
    expect((sums[1] as Decimal).toFixed(16)).toBe('24691357975308642.4691357975308642');
  });

  it('SUM can be undone for table aggregations', () => {
    const sum = aggregateFunction('SUM')!;
    const ctx = { argTypes: [T.integer], returnType: T.integer, config: {} };
    const acc = sum.undo!(sum.add(sum.add(sum.init(ctx), [5], ctx), [10], ctx), [5], ctx);
    expect(sum.result(acc, ctx)).toBe(10);
  });

  it('SUM_LIST adds up the elements of every array', () => {
    expect(
      aggregate('SUM_LIST', [[[1, 1]], [[2, 2]], [[100, 100, null]]], [T.array(T.integer)]),
    ).toEqual([2, 6, 206]);
  });

  it('AVG is a DOUBLE; MIN and MAX ignore NULLs', () => {
    expect(aggregate('AVG', [[1n], [2n]], [T.bigint])).toEqual([1, 1.5]);
    expect(aggregate('MAX', [[3], [null], [7], [5]], [T.integer])).toEqual([3, 3, 7, 7]);
    expect(aggregate('MIN', [['b'], ['a']], [T.string])).toEqual(['b', 'a']);
  });

  it('COLLECT_LIST honours ksql.functions.collect_list.limit; COLLECT_SET dedupes', () => {
    expect(
      aggregate('COLLECT_LIST', [[0], [100]], [T.integer], {
        'ksql.functions.collect_list.limit': '1',
      }),
    ).toEqual([[0], [0]]);
    expect(aggregate('COLLECT_SET', [[1], [1], [2]], [T.integer])).toEqual([[1], [1], [1, 2]]);
  });

  it('LATEST_BY_OFFSET and EARLIEST_BY_OFFSET, with n and ignoreNulls', () => {
    expect(aggregate('LATEST_BY_OFFSET', [[12], [null], [13]], [T.integer])).toEqual([12, 12, 13]);
    const notIgnored = [
      [12, 2, false],
      [null, 2, false],
      [13, 2, false],
    ];
    expect(aggregate('LATEST_BY_OFFSET', notIgnored, [T.integer, T.integer, T.boolean])).toEqual([
      [12],
      [12, null],
      [null, 13],
    ]);
    const ignored = [
      [12, 2, true],
      [null, 2, true],
      [13, 2, true],
    ];
    expect(aggregate('LATEST_BY_OFFSET', ignored, [T.integer, T.integer, T.boolean])).toEqual([
      [12],
      [12],
      [12, 13],
    ]);
    expect(
      aggregate(
        'EARLIEST_BY_OFFSET',
        [
          [null, false],
          [1, false],
        ],
        [T.integer, T.boolean],
      ),
    ).toEqual([null, null]);
    expect(aggregate('EARLIEST_BY_OFFSET', [[null], [1], [2]], [T.integer])).toEqual([null, 1, 1]);
  });

  it('LATEST_BY_OFFSET merges session windows in arrival order', () => {
    const fn = aggregateFunction('LATEST_BY_OFFSET')!;
    const ctx = { argTypes: [T.integer], returnType: T.integer, config: {} };
    const first = fn.add(fn.init(ctx), [1], ctx);
    const second = fn.add(fn.init(ctx), [2], ctx);
    expect(fn.result(fn.merge!(second, first, ctx), ctx)).toBe(2);
  });

  it('session merges keep n values (QTT merging session windows - N)', () => {
    const fn = aggregateFunction('LATEST_BY_OFFSET')!;
    const ctx = {
      argTypes: [T.integer, T.integer, T.boolean],
      returnType: T.array(T.integer),
      config: {},
    };
    const s0 = fn.add(fn.init(ctx), [1, 2, false], ctx);
    const s1500 = fn.add(fn.init(ctx), [null, 2, false], ctx);
    const merged = fn.merge!(fn.merge!(fn.init(ctx), s0, ctx), s1500, ctx);
    expect(fn.result(merged, ctx)).toEqual([1, null]);
    expect(fn.result(fn.add(merged, [2, 2, false], ctx), ctx)).toEqual([null, 2]);
    const topk = aggregateFunction('TOPK')!;
    const tctx = { argTypes: [T.integer, T.integer], returnType: T.array(T.integer), config: {} };
    const a = topk.add(topk.init(tctx), [1, 3], tctx);
    const b = topk.add(topk.init(tctx), [2, 3], tctx);
    expect(topk.result(topk.merge!(a, b, tctx), tctx)).toEqual([2, 1]);
  });

  it('TOPK, TOPKDISTINCT, HISTOGRAM and COUNT_DISTINCT', () => {
    expect(
      aggregate(
        'TOPK',
        [
          [1, 2],
          [5, 2],
          [3, 2],
        ],
        [T.integer, T.integer],
      ).at(-1),
    ).toEqual([5, 3]);
    expect(
      aggregate(
        'TOPKDISTINCT',
        [
          [5, 2],
          [5, 2],
          [3, 2],
        ],
        [T.integer, T.integer],
      ).at(-1),
    ).toEqual([5, 3]);
    expect(aggregate('HISTOGRAM', [['a'], ['b'], ['a']], [T.string]).at(-1)).toEqual(
      new Map([
        ['a', 2n],
        ['b', 1n],
      ]),
    );
    expect(aggregate('COUNT_DISTINCT', [[1], [1], [2]], [T.integer])).toEqual([1n, 1n, 2n]);
  });

  it('CORRELATION is the Pearson coefficient; COLLECT_SET, like ksqlDB, cannot undo (streams only)', () => {
    const rows = [
      [1, 2],
      [2, 4],
      [3, 6.5],
      [null, 1],
    ];
    expect(aggregate('CORRELATION', rows, [T.double, T.double]).at(-1)).toBeCloseTo(0.99795, 4);
    expect('undo' in aggregateFunction('COLLECT_SET')!).toBe(false);
    expect('undo' in aggregateFunction('COLLECT_LIST')!).toBe(true);
  });
});
